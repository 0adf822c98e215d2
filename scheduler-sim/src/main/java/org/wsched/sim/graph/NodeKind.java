package org.wsched.sim.graph;

import org.wsched.dag.DagFormat;

/**
 * What a node of a spawn-tree task graph stands for. Graphs without spawn-tree structure leave
 * every node a {@link #STRAND}. The constants stand in the order of the {@code wsched-dag} format's
 * node kinds ({@link DagFormat#NODE_KINDS}).
 */
public enum NodeKind {
    /** A plain piece of serial work (also the default for graphs without kinds). */
    STRAND,
    /** A strand that ends with a spawn: its successors are a child and a continuation. */
    SPAWN,
    /** A strand that resumes the parent after a spawn. */
    CONTINUATION,
    /** A strand that starts after a sync: it waits for spawned children. */
    JOIN;

    private static final NodeKind[] VALUES = values();

    /** The byte stored in {@link TaskGraph} for this kind. */
    public byte code() {
        return (byte) ordinal();
    }

    /** The kind stored as {@code code}. */
    public static NodeKind ofCode(int code) {
        return VALUES[code];
    }
}
