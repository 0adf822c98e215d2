package org.wsched.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.wsched.workloads.Integrate;

/** Adaptive quadrature of (x²+1)·x over [0, upper] to epsilon, every halving a task. One op = one integral. */
public class IntegrateBench extends PoolState {

    @Param({"10000"})
    public int upper;

    @Param({"1e-3"})
    public double epsilon;

    private double expected;
    private double last;

    @Override
    protected void setupProblem() {
        expected = Integrate.serial(0, Integrate.f(0), upper, Integrate.f(upper), 0, epsilon);
    }

    @Benchmark
    public double integrate() throws Exception {
        double x2 = upper;
        double y2 = Integrate.f(x2);
        double eps = epsilon;
        return last = run(Integrate::frames, new Integrate.Params(x2, eps), 0L, Double::longBitsToDouble,
                () -> Integrate.wsched(0, 0, x2, y2, 0, eps), new Integrate.FjpIntegrate(0, 0, x2, y2, 0, eps),
                () -> Integrate.serial(0, 0, x2, y2, 0, eps));
    }

    @Override
    protected void verify() {
        // Same additions in the same tree shape, but the join order may differ: allow rounding.
        check(Math.abs(last - expected) <= 1e-9 * Math.abs(expected), "integrate = " + last + " != " + expected + " on " + impl);
    }
}
