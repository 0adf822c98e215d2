package org.wsched.dag;

/**
 * A graph's edges in compressed sparse row form: the successors of node {@code v} are
 * {@code target[i]} for {@code start[v] <= i < start[v + 1]}, {@code kind[i]} is that edge's
 * {@link DagFormat} code, and {@code inDegree[v]} counts the edges into {@code v}. A record over the
 * caller's arrays: it copies nothing, and the arrays must not change while it is in use.
 *
 * @param start    n + 1 offsets into {@code target}, non-decreasing, {@code start[0] == 0}
 * @param target   the successor at every position
 * @param kind     the edge code at every position, or null if every edge is {@link DagFormat#SERIAL}
 * @param inDegree the number of predecessors of every node
 */
public record Csr(int[] start, int[] target, byte[] kind, int[] inDegree) {

    /**
     * Checks that the arrays' lengths agree.
     *
     * @throws IllegalArgumentException if they do not
     */
    public Csr {
        int n = inDegree.length;
        if (start.length != n + 1 || start[n] != target.length || (kind != null && kind.length != target.length)) {
            throw new IllegalArgumentException("inconsistent CSR arrays: " + n + " nodes need " + (n + 1)
                    + " offsets (got " + start.length + ") ending at the edge count " + target.length
                    + (kind == null ? "" : ", and one kind per edge (got " + kind.length + ")"));
        }
    }

    /**
     * Builds the CSR form of an edge list; edges keep their list order among a node's successors.
     *
     * @param nodes the number of nodes n; ids are 0 … n−1
     * @param edges how many entries of the lists are edges (the lists may be longer)
     * @param from  the source of every edge
     * @param to    the target of every edge
     * @param kind  the code of every edge, or null if all are {@link DagFormat#SERIAL}
     * @return the graph's CSR form, in new arrays
     */
    public static Csr of(int nodes, int edges, int[] from, int[] to, byte[] kind) {
        int[] start = new int[nodes + 1];
        int[] inDegree = new int[nodes];
        for (int e = 0; e < edges; e++) {
            start[from[e] + 1]++;
            inDegree[to[e]]++;
        }
        for (int v = 0; v < nodes; v++) {
            start[v + 1] += start[v];
        }
        int[] target = new int[edges];
        byte[] k = kind == null ? null : new byte[edges];
        // start[v] serves as v's fill cursor, then each offset moves back one node
        for (int e = 0; e < edges; e++) {
            int pos = start[from[e]]++;
            target[pos] = to[e];
            if (k != null) {
                k[pos] = kind[e];
            }
        }
        System.arraycopy(start, 0, start, 1, nodes);
        start[0] = 0;
        return new Csr(start, target, k, inDegree);
    }

    /**
     * The number of nodes.
     *
     * @return n
     */
    public int nodeCount() {
        return inDegree.length;
    }

    /**
     * The number of edges.
     *
     * @return m
     */
    public int edgeCount() {
        return target.length;
    }
}
