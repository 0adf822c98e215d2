package org.wsched.bench;

import java.util.concurrent.RecursiveTask;
import org.wsched.Frames;
import org.wsched.Task;

/**
 * Unbalanced Tree Search with the SHA-1 splittable generator of the UTS benchmark (Olivier et
 * al.): root = SHA1(16 zero bytes ‖ seed), child i = SHA1(parent digest ‖ i), both 4-byte big
 * endian; a node's random number is digest bytes 16..19 & 0x7fffffff, divided by 2³¹. Nothing
 * is precomputed: every node costs one SHA-1 compression, and every child is a task (the
 * first child of each node runs inline, the rest are spawned / forked).
 *
 * <p>SHA-1 is computed by {@link Sha1}: a digest of at most 24 bytes is one 64-byte block, so
 * the state is five ints and no {@code MessageDigest} or byte array is needed (checked against
 * {@code MessageDigest} in the tests).
 */
public final class Uts {

    private Uts() {
    }

    /** A tree shape. */
    public record Tree(String name, boolean binomial, int b0, int maxDepth, double q, int m, int seed, long expectedNodes) {

        /** T1: geometric, b0=4, d=10, seed 19: 4,130,071 nodes. */
        public static final Tree T1 = new Tree("T1", false, 4, 10, 0, 0, 19, 4_130_071L);
        /** T3: binomial, b0=2000, q=0.124875, m=8, seed 42: 4,112,897 nodes. */
        public static final Tree T3 = new Tree("T3", true, 2000, 0, 0.124875, 8, 42, 4_112_897L);

        /** By name. */
        public static Tree of(String name) {
            return switch (name) {
                case "T1" -> T1;
                case "T3" -> T3;
                default -> throw new IllegalArgumentException("tree must be T1 or T3, not '" + name + "'");
            };
        }

        /** Number of children of a node at {@code depth} whose digest word 4 is {@code h4}. */
        int children(int h4, int depth) {
            double u = toProb(h4);
            if (binomial) {
                if (depth == 0) {
                    return b0;
                }
                return u < q ? m : 0;
            }
            if (depth >= maxDepth) {
                return 0;
            }
            double p = 1.0 / (1.0 + b0);
            int n = (int) Math.floor(Math.log(1 - u) / Math.log(1 - p));
            return Math.min(n, 100);
        }

        /** The root node's digest. */
        public int[] root() {
            int[] h = new int[5];
            Sha1.root(seed, h);
            return h;
        }
    }

    static double toProb(int h4) {
        int r = h4 & 0x7fffffff;
        return r == 0 ? 0.0 : r / 2147483648.0;
    }

    /** Serial depth-first count. */
    public static long serial(Tree t, int[] node, int depth) {
        int n = t.children(node[4], depth);
        long count = 1;
        for (int i = 0; i < n; i++) {
            int[] child = new int[5];
            Sha1.child(node, i, child);
            count += serial(t, child, depth + 1);
        }
        return count;
    }

    /** wsched: spawn children 1..n-1 (each hashes itself), run child 0 inline, join newest first. */
    public static long wsched(Tree t, int[] parent, int index, int depth) {
        int[] node = new int[5];
        Sha1.child(parent, index, node);
        return wschedNode(t, node, depth);
    }

    /** wsched, from an already hashed node. */
    public static long wschedNode(Tree t, int[] node, int depth) {
        int n = t.children(node[4], depth);
        if (n == 0) {
            return 1;
        }
        @SuppressWarnings("unchecked")
        Task<Long>[] kids = (Task<Long>[]) new Task<?>[n - 1];
        for (int i = 1; i < n; i++) {
            int idx = i;
            kids[i - 1] = Task.spawn(() -> wsched(t, node, idx, depth + 1));
        }
        long count = 1 + wsched(t, node, 0, depth + 1);
        for (int i = n - 2; i >= 0; i--) {
            count += kids[i].join();
        }
        return count;
    }

    /** A hashed node and its tree: the context of a frames UTS job (one object per node, as the int[] is). */
    public record FramesNode(Tree t, int[] node) {
    }

    /** wsched frames: ctx = the parent's {@link FramesNode}, arg = child index &lt;&lt; 32 | depth. */
    public static long frames(Frames f, Object ctx, long arg) {
        FramesNode parent = (FramesNode) ctx;
        int[] node = new int[5];
        Sha1.child(parent.node(), (int) (arg >>> 32), node);
        return framesNode(f, new FramesNode(parent.t(), node), (int) arg);
    }

    /** wsched frames, from an already hashed node: spawn children 1..n-1, run child 0, sync newest first. */
    public static long framesNode(Frames f, FramesNode self, int depth) {
        int n = self.t().children(self.node()[4], depth);
        if (n == 0) {
            return 1;
        }
        for (int i = 1; i < n; i++) {
            f.spawn(Uts::frames, self, (long) i << 32 | (depth + 1));
        }
        long count = 1 + frames(f, self, depth + 1);
        for (int i = n - 2; i >= 0; i--) {
            count += f.sync();
        }
        return count;
    }

    /** ForkJoinPool: fork children 1..n-1, compute child 0, join newest first. */
    public static final class FjpUts extends RecursiveTask<Long> {
        private final Tree t;
        private final int[] parent;
        private final int index;
        private final int depth;

        /** A child node (hashed when it runs); {@code parent == null} means the root. */
        public FjpUts(Tree t, int[] parent, int index, int depth) {
            this.t = t;
            this.parent = parent;
            this.index = index;
            this.depth = depth;
        }

        @Override
        protected Long compute() {
            int[] node;
            if (parent == null) {
                node = t.root();
            } else {
                node = new int[5];
                Sha1.child(parent, index, node);
            }
            int n = t.children(node[4], depth);
            if (n == 0) {
                return 1L;
            }
            FjpUts[] kids = new FjpUts[n - 1];
            for (int i = 1; i < n; i++) {
                kids[i - 1] = new FjpUts(t, node, i, depth + 1);
                kids[i - 1].fork();
            }
            long count = 1 + new FjpUts(t, node, 0, depth + 1).compute();
            for (int i = n - 2; i >= 0; i--) {
                count += kids[i].join();
            }
            return count;
        }
    }

    /** One-block SHA-1 (FIPS 180-4) over int words: messages of at most 55 bytes. */
    public static final class Sha1 {
        private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[80]);

        private Sha1() {
        }

        /** SHA1(16 zero bytes ‖ seed as 4 bytes big endian). */
        public static void root(int seed, int[] out) {
            int[] w = SCRATCH.get();
            java.util.Arrays.fill(w, 0, 16, 0);
            w[4] = seed;
            w[5] = 0x80000000;
            w[15] = 20 * 8;
            compress(w, out);
        }

        /** SHA1(parent's 20 bytes ‖ i as 4 bytes big endian). */
        public static void child(int[] parent, int i, int[] out) {
            int[] w = SCRATCH.get();
            w[0] = parent[0];
            w[1] = parent[1];
            w[2] = parent[2];
            w[3] = parent[3];
            w[4] = parent[4];
            w[5] = i;
            w[6] = 0x80000000;
            w[7] = 0;
            w[8] = 0;
            w[9] = 0;
            w[10] = 0;
            w[11] = 0;
            w[12] = 0;
            w[13] = 0;
            w[14] = 0;
            w[15] = 24 * 8;
            compress(w, out);
        }

        private static void compress(int[] w, int[] out) {
            for (int t = 16; t < 80; t++) {
                w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }
            int a = 0x67452301;
            int b = 0xEFCDAB89;
            int c = 0x98BADCFE;
            int d = 0x10325476;
            int e = 0xC3D2E1F0;
            for (int t = 0; t < 20; t++) {
                int tmp = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w[t];
                e = d;
                d = c;
                c = Integer.rotateLeft(b, 30);
                b = a;
                a = tmp;
            }
            for (int t = 20; t < 40; t++) {
                int tmp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w[t];
                e = d;
                d = c;
                c = Integer.rotateLeft(b, 30);
                b = a;
                a = tmp;
            }
            for (int t = 40; t < 60; t++) {
                int tmp = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w[t];
                e = d;
                d = c;
                c = Integer.rotateLeft(b, 30);
                b = a;
                a = tmp;
            }
            for (int t = 60; t < 80; t++) {
                int tmp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w[t];
                e = d;
                d = c;
                c = Integer.rotateLeft(b, 30);
                b = a;
                a = tmp;
            }
            out[0] = 0x67452301 + a;
            out[1] = 0xEFCDAB89 + b;
            out[2] = 0x98BADCFE + c;
            out[3] = 0x10325476 + d;
            out[4] = 0xC3D2E1F0 + e;
        }
    }
}
