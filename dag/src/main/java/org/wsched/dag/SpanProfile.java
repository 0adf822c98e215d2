package org.wsched.dag;

/**
 * A profile that knows its work, span and burdened span (in one unit): the parallelism and
 * Cilkview's speedup estimates follow from those three, once, here.
 *
 * <pre>{@code
 * record MyProfile(long work, long span, long burdenedSpan) implements SpanProfile {}
 * new MyProfile(1750, 1150, 13150).speedupLower(2);
 * }</pre>
 */
public interface SpanProfile {

    /**
     * T1: the sum of all node costs.
     *
     * @return the work
     */
    long work();

    /**
     * T∞: the longest path.
     *
     * @return the span
     */
    long span();

    /**
     * The span with the burden charged on continuation and join edges.
     *
     * @return the burdened span
     */
    long burdenedSpan();

    /**
     * T1 / T∞ (0 for a zero span).
     *
     * @return the parallelism
     */
    default double parallelism() {
        return Cilkview.parallelism(work(), span());
    }

    /**
     * T1 / burdened span (0 for a zero span).
     *
     * @return the burdened parallelism
     */
    default double burdenedParallelism() {
        return Cilkview.parallelism(work(), burdenedSpan());
    }

    /**
     * Cilkview's lower speedup estimate for P processors: T1 / (T1/P + 1.7·(1 − 1/P)·burdened span).
     *
     * @param p processors, at least 1
     * @return the estimate
     * @throws IllegalArgumentException if {@code p} is below 1
     */
    default double speedupLower(int p) {
        return Cilkview.speedupLower(work(), burdenedSpan(), p);
    }

    /**
     * Cilkview's upper speedup estimate for P processors: min(P, T1/T∞).
     *
     * @param p processors, at least 1
     * @return the estimate
     * @throws IllegalArgumentException if {@code p} is below 1
     */
    default double speedupUpper(int p) {
        return Cilkview.speedupUpper(work(), span(), p);
    }
}
