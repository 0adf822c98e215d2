package org.wsched.sim.graph;

import java.util.Locale;

/**
 * What a dependency edge stands for in a spawn tree. Continuation and join edges are the ones a
 * burdened-span computation charges with the cost of migrating work.
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

    /** The lower-case name used in files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a file token, or returns null if it names no kind. */
    public static EdgeKind parse(String token) {
        for (EdgeKind k : VALUES) {
            if (k.token().equals(token)) {
                return k;
            }
        }
        return null;
    }
}
