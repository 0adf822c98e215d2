package org.wsched.sim.util;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose output is fixed by its
 * seed on every JDK, so that generated graphs and simulated runs are reproducible everywhere.
 * Not thread-safe.
 */
public final class SplitMix64 {
    private long state;

    /** A generator started from {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The next 64 random bits. */
    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /**
     * The {@code k}-th output (from 0) of a generator seeded with {@code seed}, in O(1): random
     * access into the stream, for choices indexed by time.
     */
    public static long nth(long seed, long k) {
        return mix(seed + (k + 1) * GOLDEN_GAMMA);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform int in [0, bound), bound ≥ 1 (Lemire's multiply-shift, no division). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A uniform long in [lo, hi]. */
    public long nextLong(long lo, long hi) {
        long span = hi - lo + 1;
        if (span <= 0) {
            return lo + nextLong(); // full range
        }
        return lo + Long.remainderUnsigned(nextLong(), span);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
