package org.wsched.sim.gen;

import org.wsched.sim.graph.EdgeKind;
import org.wsched.sim.graph.NodeKind;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;

/**
 * Task graphs of the naive Fibonacci recursion, built iteratively (no recursion, so any N that
 * fits in memory works).
 *
 * <ul>
 *   <li>{@link #callTree(int) fib:N}: one unit-cost node per call, an edge from each call to the
 *       two calls it makes. Nodes = 2·F(N+1) − 1, span = N (for N ≥ 1).
 *   <li>{@link #spawnTree(int) fibtree:N}: the Cilk program
 *       {@code x = spawn fib(n−1); y = fib(n−2); sync; return x + y} as strands. A call with
 *       n ≥ 2 is a {@code SPAWN} strand (edges: {@code SPAWN} to the child fib(n−1), then
 *       {@code CONTINUATION} to the called fib(n−2)) and a {@code JOIN} strand after the sync
 *       (edges: {@code JOIN} from the child's last strand, {@code SERIAL} from the last strand of
 *       fib(n−2)); a call with n &lt; 2 is one strand. All costs 1.
 *       Nodes = 3·F(N+1) − 2, span = 2N − 1 (for N ≥ 1).
 * </ul>
 */
public final class FibGenerator {
    /** Largest N accepted (fib:36 has 48 million nodes). */
    public static final int MAX_N = 36;

    private FibGenerator() {
    }

    /** The call tree of fib(n), unit costs. */
    public static TaskGraph callTree(int n) {
        checkN(n);
        long nodes = 2 * fibonacci(n + 1) - 1;
        TaskGraphBuilder b = new TaskGraphBuilder((int) nodes, (int) nodes - 1);
        int[] stackNode = new int[2 * n + 4];
        int[] stackArg = new int[2 * n + 4];
        int sp = 0;
        stackNode[sp] = b.addNode(1);
        stackArg[sp++] = n;
        while (sp > 0) {
            int v = stackNode[--sp];
            int k = stackArg[sp];
            if (k < 2) {
                continue;
            }
            int c1 = b.addNode(1);
            int c2 = b.addNode(1);
            b.addEdge(v, c1);
            b.addEdge(v, c2);
            // push fib(k-2) first so that fib(k-1) is expanded first (depth-first numbering)
            stackNode[sp] = c2;
            stackArg[sp++] = k - 2;
            stackNode[sp] = c1;
            stackArg[sp++] = k - 1;
        }
        return b.build();
    }

    /** The spawn-tree strands of fib(n) with node and edge kinds, unit costs. */
    public static TaskGraph spawnTree(int n) {
        checkN(n);
        long nodes = 3 * fibonacci(n + 1) - 2;
        TaskGraphBuilder b = new TaskGraphBuilder((int) nodes, (int) nodes);
        Frame[] stack = new Frame[2 * n + 4];
        int size = 0;
        stack[size++] = new Frame(n, -1, -1, EdgeKind.SERIAL, EdgeKind.SERIAL);
        while (size > 0) {
            Frame f = stack[--size];
            int k = f.k();
            int p = f.parent();
            int j = f.join();
            EdgeKind pk = f.parentKind();
            EdgeKind jk = f.joinKind();
            if (k < 2) {
                int leaf = b.addNode(1);
                if (p >= 0) {
                    b.addEdge(p, leaf, pk);
                }
                if (j >= 0) {
                    b.addEdge(leaf, j, jk);
                }
                continue;
            }
            int spawn = b.addNode(1, NodeKind.SPAWN);
            int sync = b.addNode(1, NodeKind.JOIN);
            if (p >= 0) {
                b.addEdge(p, spawn, pk);
            }
            if (j >= 0) {
                b.addEdge(sync, j, jk);
            }
            // the continuation fib(k-2) is pushed first, so the child fib(k-1) is popped first
            // and its SPAWN edge precedes the CONTINUATION edge in the spawn node's successors
            stack[size++] = new Frame(k - 2, spawn, sync, EdgeKind.CONTINUATION, EdgeKind.SERIAL);
            stack[size++] = new Frame(k - 1, spawn, sync, EdgeKind.SPAWN, EdgeKind.JOIN);
        }
        return b.build();
    }

    /** F(k) with F(0) = 0, F(1) = 1. */
    public static long fibonacci(int k) {
        long a = 0;
        long c = 1;
        for (int i = 0; i < k; i++) {
            long t = a + c;
            a = c;
            c = t;
        }
        return a;
    }

    private static void checkN(int n) {
        if (n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("N must be in 0.." + MAX_N + ", was " + n);
        }
    }

    /**
     * A spawn-tree frame still to generate: fib(k), linked from node {@code parent} to its entry
     * with {@code parentKind} and from its exit to node {@code join} with {@code joinKind} (−1: no
     * such node).
     */
    private record Frame(int k, int parent, int join, EdgeKind parentKind, EdgeKind joinKind) {
    }
}
