package org.wsched.sim.graph;

import java.util.Arrays;

/**
 * Thrown by {@link TaskGraphBuilder#build()} when the edges contain a cycle. Carries the node
 * indices of one cycle, in edge order, so that an importer can name them in its own ids.
 */
public final class GraphCycleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int[] cycle;

    GraphCycleException(int[] cycle) {
        super("the graph has a cycle through node " + cycle[0] + ": " + path(cycle, String::valueOf));
        this.cycle = cycle.clone();
    }

    /** Node indices of one cycle: each has an edge to the next, and the last to the first. */
    public int[] cycle() {
        return cycle.clone();
    }

    /**
     * The cycle as "a -> b -> ... -> a" (at most ten nodes, then "..."), each node named by
     * {@code label}: an importer passes its own ids.
     */
    public String path(java.util.function.IntFunction<String> label) {
        return path(cycle, label);
    }

    private static String path(int[] cycle, java.util.function.IntFunction<String> label) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(cycle.length, 10);
        for (int i = 0; i < shown; i++) {
            sb.append(label.apply(cycle[i])).append(" -> ");
        }
        if (shown < cycle.length) {
            sb.append("... -> ");
        }
        return sb.append(label.apply(cycle[0])).toString();
    }

    @Override
    public String toString() {
        return getMessage() + " " + Arrays.toString(cycle);
    }
}
