package org.wsched.sim.graph;

import java.util.Arrays;
import org.wsched.dag.Csr;
import org.wsched.dag.DagTotals;
import org.wsched.dag.KahnPass;

/**
 * Collects nodes and edges in any order and builds an immutable {@link TaskGraph}. Nodes get
 * consecutive indices from 0. Successors of a node keep the order their edges were added in,
 * which schedulers use (for instance the order a work-stealing processor pushes them).
 *
 * <p>Not thread-safe; one builder builds one graph.
 */
public final class TaskGraphBuilder {
    private long[] cost;
    private byte[] nodeKind;
    private int n;
    private int[] from;
    private int[] to;
    private byte[] edgeKind;
    private int m;
    private boolean kinds;
    private String timeUnit = "tick";

    /** A builder with room for a few nodes; it grows as needed. */
    public TaskGraphBuilder() {
        this(16, 16);
    }

    /** A builder sized for about {@code nodes} nodes and {@code edges} edges. */
    public TaskGraphBuilder(int nodes, int edges) {
        cost = new long[Math.max(nodes, 1)];
        nodeKind = new byte[Math.max(nodes, 1)];
        from = new int[Math.max(edges, 1)];
        to = new int[Math.max(edges, 1)];
        edgeKind = new byte[Math.max(edges, 1)];
    }

    /** Sets what one tick stands for (default "tick"). */
    public TaskGraphBuilder timeUnit(String unit) {
        this.timeUnit = unit;
        return this;
    }

    /** Adds a strand node of the given cost and returns its index. */
    public int addNode(long nodeCost) {
        return addNode(nodeCost, NodeKind.STRAND);
    }

    /** Adds a node of the given cost and kind and returns its index. */
    public int addNode(long nodeCost, NodeKind kind) {
        if (nodeCost < 0) {
            throw new IllegalArgumentException("node cost must be >= 0, was " + nodeCost);
        }
        if (n == cost.length) {
            int cap = grow(n);
            cost = Arrays.copyOf(cost, cap);
            nodeKind = Arrays.copyOf(nodeKind, cap);
        }
        cost[n] = nodeCost;
        nodeKind[n] = kind.code();
        if (kind != NodeKind.STRAND) {
            kinds = true;
        }
        return n++;
    }

    /** Adds {@code count} nodes of the given cost; returns the index of the first. */
    public int addNodes(int count, long nodeCost) {
        int first = n;
        for (int i = 0; i < count; i++) {
            addNode(nodeCost);
        }
        return first;
    }

    /** Changes the cost of node {@code v}, already added. */
    public void setCost(int v, long nodeCost) {
        if (nodeCost < 0) {
            throw new IllegalArgumentException("node cost must be >= 0, was " + nodeCost);
        }
        checkNode(v);
        cost[v] = nodeCost;
    }

    /** Changes the kind of node {@code v}, already added. */
    public void setKind(int v, NodeKind kind) {
        checkNode(v);
        nodeKind[v] = kind.code();
        if (kind != NodeKind.STRAND) {
            kinds = true;
        }
    }

    private void checkNode(int v) {
        if (v < 0 || v >= n) {
            throw new IllegalArgumentException("node " + v + " was not added (nodes are 0.." + (n - 1) + ")");
        }
    }

    /** Number of nodes added so far. */
    public int nodeCount() {
        return n;
    }

    /** Number of edges added so far. */
    public int edgeCount() {
        return m;
    }

    /** Adds a serial edge: {@code to} may start only after {@code from} finished. */
    public void addEdge(int fromNode, int toNode) {
        addEdge(fromNode, toNode, EdgeKind.SERIAL);
    }

    /** Adds an edge of the given kind. */
    public void addEdge(int fromNode, int toNode, EdgeKind kind) {
        if (fromNode < 0 || fromNode >= n || toNode < 0 || toNode >= n) {
            throw new IllegalArgumentException("edge " + fromNode + " -> " + toNode
                    + " names a node that was not added (nodes are 0.." + (n - 1) + ")");
        }
        if (m == from.length) {
            int cap = grow(m);
            from = Arrays.copyOf(from, cap);
            to = Arrays.copyOf(to, cap);
            edgeKind = Arrays.copyOf(edgeKind, cap);
        }
        from[m] = fromNode;
        to[m] = toNode;
        edgeKind[m] = kind.code();
        if (kind != EdgeKind.SERIAL) {
            kinds = true;
        }
        m++;
    }

    private static int grow(int size) {
        long cap = Math.max(16L, size + (long) (size >> 1));
        if (cap > Integer.MAX_VALUE - 16) {
            if (size >= Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a task graph holds at most about 2^31 nodes or edges");
            }
            cap = Integer.MAX_VALUE - 16;
        }
        return (int) cap;
    }

    /**
     * Builds the graph: CSR successor arrays, predecessor counts, work and span.
     *
     * @throws GraphCycleException if the edges contain a cycle (the exception names its nodes)
     * @throws ArithmeticException if the work overflows a long
     */
    public TaskGraph build() {
        long[] c = Arrays.copyOf(cost, n);
        Csr g = Csr.of(n, m, from, to, kinds ? edgeKind : null);
        byte[] nk = kinds ? Arrays.copyOf(nodeKind, n) : null;
        // free the builder's edge list before the pass, which allocates three more arrays
        from = null;
        to = null;
        edgeKind = null;
        DagTotals t = KahnPass.totals(c, g, 0);
        if (!t.acyclic()) {
            throw new GraphCycleException(findCycle(g));
        }
        return new TaskGraph(c, g.start(), g.target(), g.inDegree(), nk, g.kind(), timeUnit, t.work(), t.span());
    }

    /**
     * Finds one cycle among the nodes Kahn's algorithm could not order. Every such node has a
     * predecessor that is also unordered, so walking predecessors must revisit a node.
     */
    private static int[] findCycle(Csr g) {
        int n = g.nodeCount();
        int[] succStart = g.start();
        int[] succ = g.target();
        int[] queue = new int[n];
        int tail = KahnPass.order(g, queue);
        // one unordered predecessor per unordered node
        int[] somePred = new int[n];
        Arrays.fill(somePred, -1);
        boolean[] ordered = new boolean[n];
        for (int i = 0; i < tail; i++) {
            ordered[queue[i]] = true;
        }
        for (int v = 0; v < n; v++) {
            if (ordered[v]) {
                continue;
            }
            for (int i = succStart[v]; i < succStart[v + 1]; i++) {
                int s = succ[i];
                if (!ordered[s] && somePred[s] < 0) {
                    somePred[s] = v;
                }
            }
        }
        int start = -1;
        for (int v = 0; v < n; v++) {
            if (!ordered[v]) {
                start = v;
                break;
            }
        }
        int[] seenAt = new int[n];
        Arrays.fill(seenAt, -1);
        int[] path = new int[n];
        int len = 0;
        int v = start;
        while (seenAt[v] < 0) {
            seenAt[v] = len;
            path[len++] = v;
            v = somePred[v];
        }
        // path[seenAt[v]] .. path[len-1] walks predecessors around the cycle; reverse it
        int first = seenAt[v];
        int[] cycle = new int[len - first];
        for (int i = 0; i < cycle.length; i++) {
            cycle[i] = path[len - 1 - i];
        }
        // rotate so that the cycle starts at its smallest node, for stable messages
        int minAt = 0;
        for (int i = 1; i < cycle.length; i++) {
            if (cycle[i] < cycle[minAt]) {
                minAt = i;
            }
        }
        int[] rotated = new int[cycle.length];
        for (int i = 0; i < cycle.length; i++) {
            rotated[i] = cycle[(minAt + i) % cycle.length];
        }
        return rotated;
    }
}
