package org.wsched.sim.gen;

import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;

/**
 * The n-queens search tree: the root (empty board) plus one unit-cost node per safe partial
 * placement of queens in the first rows, with an edge from each placement to its safe
 * extensions by one row. n = 8: 2,057 nodes (92 of them full solutions); n = 10: 35,539.
 * Built by an explicit-stack depth-first search with bitmasks.
 */
public final class NQueensGenerator {
    /** Largest board accepted (n = 14 has about 27 million nodes). */
    public static final int MAX_N = 14;

    private NQueensGenerator() {
    }

    /** The search tree for an n×n board. */
    public static TaskGraph searchTree(int n) {
        if (n < 1 || n > MAX_N) {
            throw new IllegalArgumentException("N must be in 1.." + MAX_N + ", was " + n);
        }
        TaskGraphBuilder b = new TaskGraphBuilder(1024, 1024);
        int full = (1 << n) - 1;
        int cap = n * n + 1;
        int[] node = new int[cap];
        int[] row = new int[cap];
        int[] cols = new int[cap];
        int[] diag1 = new int[cap];
        int[] diag2 = new int[cap];
        int sp = 0;
        node[sp] = b.addNode(1);
        sp++;
        while (sp > 0) {
            sp--;
            int v = node[sp];
            int r = row[sp];
            int c = cols[sp];
            int d1 = diag1[sp];
            int d2 = diag2[sp];
            if (r == n) {
                continue;
            }
            int free = full & ~(c | d1 | d2);
            while (free != 0) {
                int bit = free & -free;
                free ^= bit;
                int child = b.addNode(1);
                b.addEdge(v, child);
                node[sp] = child;
                row[sp] = r + 1;
                cols[sp] = c | bit;
                diag1[sp] = ((d1 | bit) << 1) & full;
                diag2[sp] = (d2 | bit) >>> 1;
                sp++;
            }
        }
        return b.build();
    }
}
