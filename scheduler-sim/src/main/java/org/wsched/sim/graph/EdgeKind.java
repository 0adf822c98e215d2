package org.wsched.sim.graph;

import org.wsched.dag.DagFormat;

/**
 * What a dependency edge stands for in a spawn tree. Continuation and join edges are the ones a
 * burdened-span computation charges with the cost of migrating work. The constants stand in the
 * order of the {@code wsched-dag} format's edge codes ({@link DagFormat#SERIAL} … {@link DagFormat#JOIN}).
 */
public enum EdgeKind {
    /** Plain precedence (also the default for graphs without kinds). */
    SERIAL,
    /** From a spawning strand to the first strand of the spawned child. */
    SPAWN,
    /** From a spawning strand to the strand that continues the parent. */
    CONTINUATION,
    /** From the last strand of a spawned child to the join strand that syncs it. */
    JOIN;

    private static final EdgeKind[] VALUES = values();

    /** The byte stored in {@link TaskGraph} for this kind. */
    public byte code() {
        return (byte) ordinal();
    }

    /** The kind stored as {@code code}. */
    public static EdgeKind ofCode(int code) {
        return VALUES[code];
    }
}
