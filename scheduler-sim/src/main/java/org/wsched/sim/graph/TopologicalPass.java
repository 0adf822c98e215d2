package org.wsched.sim.graph;

import org.wsched.dag.KahnPass;

/**
 * Topological passes over a {@link TaskGraph}: its span recomputed by the one Kahn pass
 * ({@link KahnPass}), the reference cost the simulator's speed is compared with, and the static
 * bottom levels that list schedulers rank nodes by.
 */
public final class TopologicalPass {
    private TopologicalPass() {
    }

    /**
     * Span of {@code g} by one topological pass.
     *
     * @return the heaviest path weight
     */
    public static long span(TaskGraph g) {
        return g.totals(0).span();
    }

    /**
     * The static bottom level of every node: its cost plus the heaviest path below it (the
     * largest bottom level among its successors), so {@code max_v bottomLevel[v]} is the span.
     * One topological pass forward to order the nodes, one backward to sum.
     */
    public static long[] bottomLevels(TaskGraph g) {
        int n = g.nodeCount();
        int[] order = g.topologicalOrder();
        long[] level = new long[n];
        for (int k = n - 1; k >= 0; k--) {
            int v = order[k];
            long below = 0;
            for (int i = g.firstSuccessor(v), end = g.endSuccessor(v); i < end; i++) {
                below = Math.max(below, level[g.successorAt(i)]);
            }
            level[v] = g.cost(v) + below;
        }
        return level;
    }
}
