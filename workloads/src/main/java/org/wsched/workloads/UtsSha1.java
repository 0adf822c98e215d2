package org.wsched.workloads;

/**
 * The UTS splittable random number generator: SHA-1 (FIPS 180-4) of the UTS reference
 * implementation. The root's digest is SHA1(16 zero bytes ‖ seed), child i's is
 * SHA1(parent's 20 digest bytes ‖ i), seed and i 4 bytes big endian. A message of at most 55
 * bytes is one 64-byte block, so a digest is five ints and no {@code MessageDigest} or byte array
 * is needed (checked against {@code MessageDigest} in the tests). Thread-safe: the message
 * schedule is per thread.
 */
public final class UtsSha1 {
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[80]);

    private UtsSha1() {
    }

    /**
     * The root's digest: SHA1(16 zero bytes ‖ seed as 4 bytes big endian).
     *
     * @param seed the tree's seed
     * @param out receives the five digest words
     */
    public static void root(int seed, int[] out) {
        int[] w = SCRATCH.get();
        java.util.Arrays.fill(w, 0, 16, 0);
        w[4] = seed;
        w[5] = 0x80000000;
        w[15] = 20 * 8;
        compress(w, out);
    }

    /**
     * Child {@code i}'s digest: SHA1(parent's 20 bytes ‖ i as 4 bytes big endian).
     *
     * @param parent the parent's five digest words (not changed)
     * @param i the child's index
     * @param out receives the child's five digest words
     */
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
