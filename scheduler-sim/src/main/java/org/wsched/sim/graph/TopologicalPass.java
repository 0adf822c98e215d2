package org.wsched.sim.graph;

/**
 * One topological pass (Kahn's algorithm) over CSR arrays, computing the span: the heaviest
 * path, counting node costs. It is the reference cost the simulator's speed is compared with.
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
        int n = g.nodeCount();
        int[] remaining = g.predecessorCounts();
        long[] finish = new long[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                queue[tail++] = v;
            }
        }
        long span = 0;
        while (head < tail) {
            int v = queue[head++];
            long f = finish[v] + g.cost(v);
            if (f > span) {
                span = f;
            }
            for (int i = g.firstSuccessor(v), end = g.endSuccessor(v); i < end; i++) {
                int s = g.successorAt(i);
                if (f > finish[s]) {
                    finish[s] = f;
                }
                if (--remaining[s] == 0) {
                    queue[tail++] = s;
                }
            }
        }
        return span;
    }

    /**
     * Span over raw CSR arrays; returns −1 − (number of nodes reached) if not all nodes are
     * reachable in topological order, which means there is a cycle.
     */
    static long spanOrCycle(long[] cost, int[] succStart, int[] succ, int[] predCount) {
        int n = cost.length;
        int[] remaining = predCount.clone();
        long[] finish = new long[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                queue[tail++] = v;
            }
        }
        long span = 0;
        while (head < tail) {
            int v = queue[head++];
            long f = finish[v] + cost[v];
            if (f > span) {
                span = f;
            }
            for (int i = succStart[v], end = succStart[v + 1]; i < end; i++) {
                int s = succ[i];
                if (f > finish[s]) {
                    finish[s] = f;
                }
                if (--remaining[s] == 0) {
                    queue[tail++] = s;
                }
            }
        }
        return tail == n ? span : -1 - tail;
    }

    /**
     * Kahn's algorithm over CSR arrays: writes the nodes it can order into {@code order} and
     * returns how many there are (fewer than n if there is a cycle). {@code predCount} is not
     * changed.
     */
    static int kahnOrder(int[] succStart, int[] succ, int[] predCount, int[] order) {
        int n = predCount.length;
        int[] remaining = predCount.clone();
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                order[tail++] = v;
            }
        }
        while (head < tail) {
            int v = order[head++];
            for (int i = succStart[v], end = succStart[v + 1]; i < end; i++) {
                if (--remaining[succ[i]] == 0) {
                    order[tail++] = succ[i];
                }
            }
        }
        return tail;
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
