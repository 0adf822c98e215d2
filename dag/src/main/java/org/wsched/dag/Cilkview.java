package org.wsched.dag;

/**
 * The profile constants, once: OpenCilk's burden per migration edge and Cilkview's speedup
 * estimate from work T1, span T∞ and burdened span.
 */
public final class Cilkview {
    /** OpenCilk's wall-clock burden per continuation and join edge (Cilkscale's default): 6,250 ns. */
    public static final long OPENCILK_BURDEN_NANOS = 6_250L;

    /** Cilkview's constant in the lower estimate T1 / (T1/P + 1.7·(1 − 1/P)·burdened span). */
    public static final double FACTOR = 1.7;

    private Cilkview() {
    }

    /**
     * T1 / T∞: the parallelism (or, with the burdened span, the burdened parallelism).
     *
     * @param work T1
     * @param span T∞ or the burdened span
     * @return the ratio, 0 for a zero span
     */
    public static double parallelism(long work, long span) {
        return span == 0 ? 0 : (double) work / span;
    }

    /**
     * Cilkview's lower speedup estimate for P processors: T1 / (T1/P + 1.7·(1 − 1/P)·burdened span).
     *
     * @param work         T1
     * @param burdenedSpan the burdened span
     * @param p            processors, at least 1
     * @return the estimate, 0 for an empty graph
     * @throws IllegalArgumentException if {@code p} is below 1
     */
    public static double speedupLower(long work, long burdenedSpan, int p) {
        requireProcessors(p);
        double denom = (double) work / p + FACTOR * (1.0 - 1.0 / p) * burdenedSpan;
        return denom == 0 ? 0 : work / denom;
    }

    /**
     * Cilkview's upper speedup estimate for P processors: min(P, T1/T∞).
     *
     * @param work T1
     * @param span T∞
     * @param p    processors, at least 1
     * @return the estimate
     * @throws IllegalArgumentException if {@code p} is below 1
     */
    public static double speedupUpper(long work, long span, int p) {
        requireProcessors(p);
        return Math.min(p, parallelism(work, span));
    }

    private static void requireProcessors(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("processors must be >= 1, was " + p);
        }
    }
}
