package org.wsched.sim.graph;

import org.wsched.dag.Csr;
import org.wsched.dag.DagTotals;
import org.wsched.dag.KahnPass;

/**
 * An immutable, acyclic task graph held in primitive arrays: node costs in integer ticks, the
 * successors of every node in compressed sparse row (CSR) form, and predecessor counts. There is
 * no object per node, so graphs of tens of millions of nodes fit in memory (about 20 bytes per
 * node plus 4 bytes per edge).
 *
 * <p>Work T1 (the sum of costs) and span T∞ (the heaviest path, counting node costs) are
 * computed once, by the single topological pass that also proves the graph acyclic, when the
 * graph is built. Build one with {@link TaskGraphBuilder}.
 *
 * <p>Optionally each node and edge carries a kind ({@link NodeKind}, {@link EdgeKind}) that marks
 * spawn-tree structure; {@link #hasKinds()} says whether it does.
 */
public final class TaskGraph {
    private final long[] cost;
    private final int[] succStart;
    private final int[] succ;
    private final int[] predCount;
    private final byte[] nodeKind;
    private final byte[] edgeKind;
    private final String timeUnit;
    private final long work;
    private final long span;

    TaskGraph(long[] cost, int[] succStart, int[] succ, int[] predCount, byte[] nodeKind,
              byte[] edgeKind, String timeUnit, long work, long span) {
        this.cost = cost;
        this.succStart = succStart;
        this.succ = succ;
        this.predCount = predCount;
        this.nodeKind = nodeKind;
        this.edgeKind = edgeKind;
        this.timeUnit = timeUnit;
        this.work = work;
        this.span = span;
    }

    /** Number of nodes n; nodes are numbered 0 … n−1. */
    public int nodeCount() {
        return cost.length;
    }

    /** Number of edges. */
    public int edgeCount() {
        return succ.length;
    }

    /** Cost of node {@code v} in ticks (≥ 0). */
    public long cost(int v) {
        return cost[v];
    }

    /** Index of the first successor of {@code v}: successors are {@code successorAt(i)} for
     *  {@code firstSuccessor(v) <= i < firstSuccessor(v + 1)}. */
    public int firstSuccessor(int v) {
        return succStart[v];
    }

    /** The end (exclusive) of the successor range of {@code v}. */
    public int endSuccessor(int v) {
        return succStart[v + 1];
    }

    /** The successor stored at CSR position {@code i}. */
    public int successorAt(int i) {
        return succ[i];
    }

    /** Kind of the edge stored at CSR position {@code i} ({@link EdgeKind#SERIAL} if none). */
    public EdgeKind edgeKindAt(int i) {
        return edgeKind == null ? EdgeKind.SERIAL : EdgeKind.ofCode(edgeKind[i]);
    }

    /** Raw edge-kind code at CSR position {@code i}, 0 ({@code SERIAL}) if the graph has none. */
    public int edgeKindCodeAt(int i) {
        return edgeKind == null ? 0 : edgeKind[i];
    }

    /** Kind of node {@code v} ({@link NodeKind#STRAND} if the graph has none). */
    public NodeKind nodeKind(int v) {
        return nodeKind == null ? NodeKind.STRAND : NodeKind.ofCode(nodeKind[v]);
    }

    /** Whether the graph carries node and edge kinds (spawn-tree structure). */
    public boolean hasKinds() {
        return edgeKind != null;
    }

    /** Number of predecessors of {@code v}. */
    public int predecessorCount(int v) {
        return predCount[v];
    }

    /** A fresh copy of all predecessor counts, for a run to count down. */
    public int[] predecessorCounts() {
        return predCount.clone();
    }

    /** Work T1: the sum of all node costs, in ticks. */
    public long work() {
        return work;
    }

    /** Span T∞: the largest sum of node costs along a path, in ticks. */
    public long span() {
        return span;
    }

    /** Parallelism T1 / T∞ (1 for an empty or zero-cost graph). */
    public double parallelism() {
        return span == 0 ? 1.0 : (double) work / span;
    }

    /** What one tick stands for: "tick" for generated graphs, "ms" for WfCommons, "ns" for traces. */
    public String timeUnit() {
        return timeUnit;
    }

    /** Bytes held by this graph's arrays (an estimate of its memory, excluding object headers). */
    public long memoryBytes() {
        long b = 8L * cost.length + 4L * succStart.length + 4L * succ.length + 4L * predCount.length;
        if (nodeKind != null) {
            b += nodeKind.length;
        }
        if (edgeKind != null) {
            b += edgeKind.length;
        }
        return b;
    }

    /** Returns the same graph with another time unit label. */
    public TaskGraph withTimeUnit(String unit) {
        return new TaskGraph(cost, succStart, succ, predCount, nodeKind, edgeKind, unit, work, span);
    }

    /** Every node in a topological order (Kahn's, sources first in index order). */
    int[] topologicalOrder() {
        int[] order = new int[cost.length];
        KahnPass.order(csr(), order);
        return order;
    }

    /**
     * Work, span and burdened span by one topological pass ({@link KahnPass}), with {@code burden}
     * ticks charged per continuation and join edge.
     *
     * @throws IllegalArgumentException if {@code burden} is negative
     */
    public DagTotals totals(long burden) {
        return KahnPass.totals(cost, csr(), burden);
    }

    /** This graph's edges as the dag module sees them: a view of its arrays, not a copy. */
    private Csr csr() {
        return new Csr(succStart, succ, edgeKind, predCount);
    }

    /** The smallest node cost (0 for an empty graph). */
    public long minCost() {
        long m = cost.length == 0 ? 0 : Long.MAX_VALUE;
        for (long c : cost) {
            m = Math.min(m, c);
        }
        return m;
    }

    /**
     * The same graph with {@code overhead} ticks taken off every node's cost (never below 0), and
     * work and span recomputed: removes a tracer's fixed cost per strand from a recorded trace.
     *
     * @throws IllegalArgumentException if {@code overhead} is negative
     */
    public TaskGraph withCostsReducedBy(long overhead) {
        if (overhead < 0) {
            throw new IllegalArgumentException("the per-node overhead must be >= 0, was " + overhead);
        }
        if (overhead == 0) {
            return this;
        }
        long[] c = new long[cost.length];
        for (int v = 0; v < c.length; v++) {
            c[v] = Math.max(0L, cost[v] - overhead);
        }
        DagTotals t = KahnPass.totals(c, csr(), 0);
        return new TaskGraph(c, succStart, succ, predCount, nodeKind, edgeKind, timeUnit, t.work(), t.span());
    }

    /**
     * The same graph with every node's cost multiplied by {@code factor} (work and span scale by
     * it too): the same schedule in a finer time unit.
     *
     * @throws IllegalArgumentException if {@code factor} is below 1 or a cost would overflow
     */
    public TaskGraph withCostsScaledBy(long factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("the cost scale factor must be >= 1, was " + factor);
        }
        long[] c = new long[cost.length];
        for (int v = 0; v < c.length; v++) {
            c[v] = Math.multiplyExact(cost[v], factor);
        }
        return new TaskGraph(c, succStart, succ, predCount, nodeKind, edgeKind, timeUnit,
                Math.multiplyExact(work, factor), Math.multiplyExact(span, factor));
    }

    @Override
    public String toString() {
        return "TaskGraph[nodes=" + nodeCount() + ", edges=" + edgeCount() + ", work=" + work
                + ", span=" + span + ", unit=" + timeUnit + "]";
    }
}
