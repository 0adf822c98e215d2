package org.wsched.dag;

/**
 * The one topological pass (Kahn's algorithm) over a {@link Csr} graph with node costs. In one
 * sweep it orders the nodes (sources first, in index order), proves the graph acyclic or counts
 * the nodes left on a cycle, and computes work, span and burdened span.
 *
 * <p>The burdened span charges {@code burden} to every continuation and join edge
 * ({@link DagFormat#isBurdened}): the parent resuming after a spawn and a stolen child returning to
 * its sync, where work migrates. Graphs without edge kinds have no such edges: their burdened span
 * equals their span.
 *
 * <p>Allocation-light, for graphs of millions of strands: a pass allocates n ints of remaining
 * predecessor counts, n longs of path lengths (2n with a burden on a graph with kinds) and, unless
 * the caller lends one, n ints of queue; it changes none of the caller's arrays.
 */
public final class KahnPass {
    private KahnPass() {
    }

    /**
     * Work, span and burdened span of the graph.
     *
     * @param cost   the cost of every node, at least 0
     * @param graph  the edges
     * @param burden the cost charged per continuation and join edge, at least 0
     * @return the totals; if {@link DagTotals#acyclic()} is false the graph has a cycle and the
     *     totals cover only the nodes ordered before it
     * @throws IllegalArgumentException if {@code burden} is negative or {@code cost} does not have
     *     one entry per node
     * @throws ArithmeticException if the work overflows a long
     */
    public static DagTotals totals(long[] cost, Csr graph, long burden) {
        if (burden < 0) {
            throw new IllegalArgumentException("the burden must be >= 0, was " + burden + "; use 0 for none");
        }
        if (cost.length != graph.nodeCount()) {
            throw new IllegalArgumentException("expected one cost per node: " + graph.nodeCount() + " nodes but "
                    + cost.length + " costs");
        }
        return pass(cost, graph, burden, new int[cost.length]);
    }

    /**
     * Writes a topological order of the graph's nodes into {@code order}.
     *
     * @param graph the edges
     * @param order at least n entries; the first ones (the return value) receive the order
     * @return how many nodes were ordered: n, or fewer if the graph has a cycle
     */
    public static int order(Csr graph, int[] order) {
        if (order.length < graph.nodeCount()) {
            throw new IllegalArgumentException("the order array needs " + graph.nodeCount() + " entries, has "
                    + order.length);
        }
        return pass(null, graph, 0, order).ordered();
    }

    /** Kahn's algorithm; with {@code cost} null it only orders the nodes into {@code queue}. */
    private static DagTotals pass(long[] cost, Csr graph, long burden, int[] queue) {
        int n = graph.nodeCount();
        int[] start = graph.start();
        int[] succ = graph.target();
        byte[] kind = graph.kind();
        int[] remaining = graph.inDegree().clone();
        long[] earliest = cost == null ? null : new long[n]; // longest path ending where v may start
        boolean burdened = cost != null && kind != null && burden > 0;
        long[] bEarliest = burdened ? new long[n] : null;    // the same with the burden charged
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                queue[tail++] = v;
            }
        }
        long work = 0;
        long span = 0;
        long bspan = 0;
        long[] kinds = new long[DagFormat.EDGE_KINDS.size()];
        while (head < tail) {
            int v = queue[head++];
            long end = 0;
            long bend = 0;
            if (earliest != null) {
                long c = cost[v];
                work = Math.addExact(work, c);
                end = earliest[v] + c;
                span = Math.max(span, end);
                if (burdened) {
                    bend = bEarliest[v] + c;
                    bspan = Math.max(bspan, bend);
                }
            }
            for (int i = start[v], stop = start[v + 1]; i < stop; i++) {
                int w = succ[i];
                if (earliest != null) {
                    if (end > earliest[w]) {
                        earliest[w] = end;
                    }
                    if (kind != null) {
                        int k = kind[i];
                        kinds[k]++;
                        if (burdened) {
                            long b = DagFormat.isBurdened(k) ? bend + burden : bend;
                            if (b > bEarliest[w]) {
                                bEarliest[w] = b;
                            }
                        }
                    }
                }
                if (--remaining[w] == 0) {
                    queue[tail++] = w;
                }
            }
        }
        return new DagTotals(n, tail, work, span, burden, burdened ? bspan : span, kinds[DagFormat.SPAWN],
                kinds[DagFormat.CONTINUATION], kinds[DagFormat.JOIN]);
    }
}
