package org.wsched;

import org.wsched.dag.Cilkview;

/**
 * Work, span and parallelism of a recorded run, as OpenCilk's Cilkscale reports them, plus the
 * Cilkview-style speedup estimate.
 *
 * @param strands nodes of the recorded graph (pieces of tasks between spawns and joins)
 * @param spawns spawn edges
 * @param syncs join edges
 * @param workNanos T1: the sum of all strand durations
 * @param spanNanos T∞: the longest path
 * @param burdenNanos the burden added to every continuation edge after a spawn and every join edge
 * @param burdenedSpanNanos the span with the burden charged
 */
public record TraceProfile(long strands, long spawns, long syncs, long workNanos, long spanNanos,
                           long burdenNanos, long burdenedSpanNanos) {

    /** OpenCilk's wall-clock burden per migration edge: 6,250 ns ({@link Cilkview#OPENCILK_BURDEN_NANOS}). */
    public static final long DEFAULT_BURDEN_NANOS = Cilkview.OPENCILK_BURDEN_NANOS;

    /**
     * T1 / T∞.
     *
     * @return the parallelism
     */
    public double parallelism() {
        return Cilkview.parallelism(workNanos, spanNanos);
    }

    /**
     * T1 / burdened span.
     *
     * @return the burdened parallelism
     */
    public double burdenedParallelism() {
        return Cilkview.parallelism(workNanos, burdenedSpanNanos);
    }

    /**
     * Cilkview's lower speedup estimate for P processors: T1 / (T1/P + 1.7·(1 − 1/P)·burdened span).
     *
     * @param p processors, at least 1
     * @return the estimate
     * @throws IllegalArgumentException if {@code p} is below 1
     */
    public double speedupLower(int p) {
        return Cilkview.speedupLower(workNanos, burdenedSpanNanos, p);
    }

    /**
     * Cilkview's upper speedup estimate for P processors: min(P, T1/T∞).
     *
     * @param p processors, at least 1
     * @return the estimate
     * @throws IllegalArgumentException if {@code p} is below 1
     */
    public double speedupUpper(int p) {
        return Cilkview.speedupUpper(workNanos, spanNanos, p);
    }

    /**
     * A human-readable report: the counts, work and span, and the speedup range for P = 1 … 1024.
     *
     * @return the report
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("strands             %,d%n", strands));
        sb.append(String.format("spawns / syncs      %,d / %,d%n", spawns, syncs));
        sb.append(String.format("work (T1)           %,.3f ms%n", workNanos / 1e6));
        sb.append(String.format("span (T∞)           %,.3f ms%n", spanNanos / 1e6));
        sb.append(String.format("parallelism         %,.2f%n", parallelism()));
        sb.append(String.format("burdened span       %,.3f ms (burden %,d ns per edge)%n", burdenedSpanNanos / 1e6, burdenNanos));
        sb.append(String.format("burdened parallel.  %,.2f%n", burdenedParallelism()));
        sb.append(String.format("%n%6s  %14s%n", "P", "speedup est."));
        for (int p = 1; p <= 1024; p *= 2) {
            sb.append(String.format("%6d  %6.2f .. %6.2f%n", p, speedupLower(p), speedupUpper(p)));
        }
        return sb.toString();
    }
}
