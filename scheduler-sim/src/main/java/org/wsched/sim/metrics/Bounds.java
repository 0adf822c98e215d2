package org.wsched.sim.metrics;

/** The scheduling bounds every run is compared with (see docs/simulator.md). */
public final class Bounds {
    private Bounds() {
    }

    /** Lower bound for any schedule on P processors: max(⌈T1/P⌉, T∞). */
    public static long lowerBound(long work, long span, int procs) {
        return Math.max(ceilDiv(work, procs), span);
    }

    /** Graham's bound for greedy schedules: T1/P + (1 − 1/P)·T∞. */
    public static double grahamBound(long work, long span, int procs) {
        return (double) work / procs + (1.0 - 1.0 / procs) * span;
    }

    /** Whether {@code makespan} ≤ Graham's bound, decided exactly in integers: P·T_P ≤ T1 + (P − 1)·T∞. */
    public static boolean withinGraham(long makespan, long work, long span, int procs) {
        java.math.BigInteger lhs = java.math.BigInteger.valueOf(makespan).multiply(java.math.BigInteger.valueOf(procs));
        java.math.BigInteger rhs = java.math.BigInteger.valueOf(work)
                .add(java.math.BigInteger.valueOf(procs - 1L).multiply(java.math.BigInteger.valueOf(span)));
        return lhs.compareTo(rhs) <= 0;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
