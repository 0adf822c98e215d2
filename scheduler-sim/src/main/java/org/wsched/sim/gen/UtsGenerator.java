package org.wsched.sim.gen;

import java.util.Arrays;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;
import org.wsched.workloads.UtsSha1;
import org.wsched.workloads.UtsTree;

/**
 * Unbalanced Tree Search (Olivier et al., LCPC 2006) trees as task graphs: the very trees the
 * runtime's UTS programs count, from the one definition in {@code org.wsched.workloads}
 * ({@link UtsTree} for the shapes and the child-count rule, {@link UtsSha1} for the SHA-1
 * splittable generator). Every node costs one tick and has an edge to each of its children.
 * The tree is expanded with an explicit stack, so deep trees (T3: depth 1,572) need no
 * recursion.
 */
public final class UtsGenerator {
    /** Maximum children of a geometric node, as in the reference implementation. */
    public static final int MAX_CHILDREN = UtsTree.MAX_CHILDREN;
    private static final int WORDS = 5;

    /**
     * The tree to generate: a {@link UtsTree} under the simulator's name for it.
     *
     * @param tree the tree's shape
     */
    public record Params(UtsTree tree) {
        /** T1: geometric, b0 = 4, d = 10, seed 19: 4,130,071 nodes. */
        public static final Params T1 = new Params(UtsTree.T1);
        /** T3: binomial, b0 = 2000, q = 0.124875, m = 8, seed 42: 4,112,897 nodes. */
        public static final Params T3 = new Params(UtsTree.T3);
        /** T1L: geometric, b0 = 4, d = 13, seed 29: 102,181,082 nodes. */
        public static final Params T1L = new Params(UtsTree.T1L);
        /** T3L: binomial, b0 = 2000, q = 0.200014, m = 5, seed 7: 111,345,631 nodes. */
        public static final Params T3L = new Params(UtsTree.T3L);

        /** A geometric fixed-shape tree (see {@link UtsTree#geometric}). */
        public static Params geometric(double b0, int depth, int seed) {
            return new Params(UtsTree.geometric(b0, depth, seed));
        }

        /** A binomial tree (see {@link UtsTree#binomial}). */
        public static Params binomial(int b0, double q, int m, int seed) {
            return new Params(UtsTree.binomial(b0, q, m, seed));
        }
    }

    private UtsGenerator() {
    }

    /** Generates the tree described by {@code p}. */
    public static TaskGraph generate(Params p) {
        UtsTree tree = p.tree();
        TaskGraphBuilder b = new TaskGraphBuilder(1 << 16, 1 << 16);
        int cap = 1024;
        int[] states = new int[cap * WORDS];
        int[] ids = new int[cap];
        int[] depths = new int[cap];
        int[] parent = new int[WORDS];
        int[] child = new int[WORDS];
        UtsSha1.root(tree.seed(), parent);
        System.arraycopy(parent, 0, states, 0, WORDS);
        ids[0] = b.addNode(1);
        int sp = 1;
        while (sp > 0) {
            sp--;
            int v = ids[sp];
            int depth = depths[sp];
            int off = sp * WORDS;
            int children = tree.children(states[off + 4], depth);
            if (children == 0) {
                continue;
            }
            if (sp + children > cap) {
                cap = Math.max(cap * 2, sp + children);
                states = Arrays.copyOf(states, cap * WORDS);
                ids = Arrays.copyOf(ids, cap);
                depths = Arrays.copyOf(depths, cap);
            }
            System.arraycopy(states, off, parent, 0, WORDS);
            // children are written at sp .. sp+children-1; slot sp holds the parent state,
            // which is copied to parent above, so overwriting it is safe
            for (int i = 0; i < children; i++) {
                UtsSha1.child(parent, i, child);
                int slot = sp + children - 1 - i; // child 0 on top: expanded first
                System.arraycopy(child, 0, states, slot * WORDS, WORDS);
                int c = b.addNode(1);
                b.addEdge(v, c);
                ids[slot] = c;
                depths[slot] = depth + 1;
            }
            sp += children;
        }
        return b.build();
    }
}
