package org.wsched.dag;

/**
 * What one {@link KahnPass} found: how many nodes it could order, and over them the work, the span
 * and the burdened span, with the edge kinds counted.
 *
 * @param nodes         the graph's nodes
 * @param ordered       the nodes put in topological order; fewer than {@code nodes} if there is a cycle
 * @param work          T1: the sum of the ordered nodes' costs
 * @param span          T∞: the largest sum of node costs along a path
 * @param burden        the cost charged per continuation and join edge
 * @param burdenedSpan  the span with the burden charged
 * @param spawns        {@link DagFormat#SPAWN} edges
 * @param continuations {@link DagFormat#CONTINUATION} edges
 * @param joins         {@link DagFormat#JOIN} edges
 */
public record DagTotals(int nodes, int ordered, long work, long span, long burden, long burdenedSpan,
                        long spawns, long continuations, long joins) {

    /**
     * Whether every node was ordered: the graph has no cycle.
     *
     * @return true if acyclic
     */
    public boolean acyclic() {
        return ordered == nodes;
    }

    /**
     * The nodes the pass could not order: those on a cycle or downstream of one (0 if acyclic).
     *
     * @return the unordered node count
     */
    public int unordered() {
        return nodes - ordered;
    }
}
