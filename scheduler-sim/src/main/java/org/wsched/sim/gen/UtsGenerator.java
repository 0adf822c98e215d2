package org.wsched.sim.gen;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;

/**
 * Unbalanced Tree Search (Olivier et al., LCPC 2006) trees with the SHA-1 splittable random
 * number generator, exactly as the reference implementation: the root's state is
 * SHA1(16 zero bytes ‖ seed, 4 bytes big-endian); child i's state is
 * SHA1(parent state ‖ i, 4 bytes big-endian); a node's random number is bytes 16..19 of its
 * state, big-endian, masked with 0x7fffffff, divided by 2³¹. Every node costs one tick.
 *
 * <ul>
 *   <li>geometric, fixed shape: a node at depth &lt; d has ⌊ln(1 − u) / ln(1 − p)⌋ children
 *       (at most 100) with p = 1 / (1 + b0); deeper nodes have none.
 *   <li>binomial: the root has b0 children, every other node m children with probability q.
 * </ul>
 * The tree is expanded with an explicit stack, so deep trees (T3: depth 1,572) need no
 * recursion.
 */
public final class UtsGenerator {
    /** Maximum children of a geometric node, as in the reference implementation. */
    public static final int MAX_CHILDREN = 100;
    private static final int STATE = 20;

    /** The tree shape and its parameters. */
    public record Params(boolean binomial, double b0, int depth, double q, int m, int seed) {
        /** T1: geometric, b0 = 4, d = 10, seed 19: 4,130,071 nodes. */
        public static final Params T1 = geometric(4, 10, 19);
        /** T3: binomial, b0 = 2000, q = 0.124875, m = 8, seed 42: 4,112,897 nodes. */
        public static final Params T3 = binomial(2000, 0.124875, 8, 42);
        /** T1L: geometric, b0 = 4, d = 13, seed 29: 102,181,082 nodes. */
        public static final Params T1L = geometric(4, 13, 29);
        /** T3L: binomial, b0 = 2000, q = 0.200014, m = 5, seed 7: 111,345,631 nodes. */
        public static final Params T3L = binomial(2000, 0.200014, 5, 7);

        /** A geometric fixed-shape tree. */
        public static Params geometric(double b0, int depth, int seed) {
            return new Params(false, b0, depth, 0, 0, seed);
        }

        /** A binomial tree. */
        public static Params binomial(int b0, double q, int m, int seed) {
            return new Params(true, b0, 0, q, m, seed);
        }
    }

    private UtsGenerator() {
    }

    /** Generates the tree described by {@code p}. */
    public static TaskGraph generate(Params p) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1, which every Java platform must provide", e);
        }
        TaskGraphBuilder b = new TaskGraphBuilder(1 << 16, 1 << 16);
        int cap = 1024;
        byte[] states = new byte[cap * STATE];
        int[] ids = new int[cap];
        int[] depths = new int[cap];
        byte[] buf = new byte[STATE + 4];
        // root state: SHA1(16 zero bytes ‖ seed)
        putInt(buf, 16, p.seed());
        sha1.update(buf, 0, 20);
        digestInto(sha1, states, 0);
        ids[0] = b.addNode(1);
        int sp = 1;
        double logQ = Math.log(1.0 - 1.0 / (1.0 + p.b0()));
        while (sp > 0) {
            sp--;
            int v = ids[sp];
            int depth = depths[sp];
            int off = sp * STATE;
            int children = childCount(p, depth, states, off, logQ);
            if (children == 0) {
                continue;
            }
            if (sp + children > cap) {
                cap = Math.max(cap * 2, sp + children);
                states = Arrays.copyOf(states, cap * STATE);
                ids = Arrays.copyOf(ids, cap);
                depths = Arrays.copyOf(depths, cap);
            }
            System.arraycopy(states, off, buf, 0, STATE);
            // children are written at sp .. sp+children-1; slot sp holds the parent state,
            // which is copied to buf above, so overwriting it is safe
            for (int i = 0; i < children; i++) {
                putInt(buf, STATE, i);
                sha1.update(buf, 0, STATE + 4);
                int slot = sp + children - 1 - i; // child 0 on top: expanded first
                digestInto(sha1, states, slot * STATE);
                int c = b.addNode(1);
                b.addEdge(v, c);
                ids[slot] = c;
                depths[slot] = depth + 1;
            }
            sp += children;
        }
        return b.build();
    }

    private static int childCount(Params p, int depth, byte[] states, int off, double logQ) {
        double u = random(states, off);
        if (p.binomial()) {
            if (depth == 0) {
                return (int) p.b0();
            }
            return u < p.q() ? p.m() : 0;
        }
        if (depth >= p.depth()) {
            return 0;
        }
        int k = (int) Math.floor(Math.log(1.0 - u) / logQ);
        return Math.min(k, MAX_CHILDREN);
    }

    /** The node's random number in [0, 1): bytes 16..19 big-endian, 31 bits, / 2³¹. */
    private static double random(byte[] states, int off) {
        int r = ((states[off + 16] & 0xff) << 24) | ((states[off + 17] & 0xff) << 16)
                | ((states[off + 18] & 0xff) << 8) | (states[off + 19] & 0xff);
        return (r & 0x7fffffff) / 2147483648.0;
    }

    private static void putInt(byte[] buf, int off, int x) {
        buf[off] = (byte) (x >>> 24);
        buf[off + 1] = (byte) (x >>> 16);
        buf[off + 2] = (byte) (x >>> 8);
        buf[off + 3] = (byte) x;
    }

    private static void digestInto(MessageDigest sha1, byte[] out, int off) {
        try {
            sha1.digest(out, off, STATE);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-1 digest failed", e);
        }
    }
}
