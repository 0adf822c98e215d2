package org.wsched.workloads;

import java.util.concurrent.RecursiveTask;
import org.wsched.Frames;
import org.wsched.Task;

/**
 * Adaptive trapezoid quadrature of f(x) = (x² + 1)·x over [0, n] (the Cilk "integrate"
 * example): an interval is halved until the two halves agree with the whole to within
 * {@code epsilon}; every halving spawns its left half, no cutoff (fine-grained, like fib).
 */
public final class Integrate {

    private Integrate() {
    }

    /** The integrand (x² + 1)·x. */
    public static double f(double x) {
        return (x * x + 1.0) * x;
    }

    /** Exact value of the integral over [0, n]. */
    public static double exact(double n) {
        return n * n * n * n / 4 + n * n / 2;
    }

    /** Serial. */
    public static double serial(double x1, double y1, double x2, double y2, double area, double eps) {
        double half = (x2 - x1) / 2;
        double x0 = x1 + half;
        double y0 = f(x0);
        double left = (y1 + y0) / 2 * half;
        double right = (y0 + y2) / 2 * half;
        double both = left + right;
        if (Math.abs(both - area) < eps) {
            return both;
        }
        return serial(x1, y1, x0, y0, left, eps) + serial(x0, y0, x2, y2, right, eps);
    }

    /** wsched: spawn the left half, compute the right, join. */
    public static double wsched(double x1, double y1, double x2, double y2, double area, double eps) {
        double half = (x2 - x1) / 2;
        double x0 = x1 + half;
        double y0 = f(x0);
        double left = (y1 + y0) / 2 * half;
        double right = (y0 + y2) / 2 * half;
        double both = left + right;
        if (Math.abs(both - area) < eps) {
            return both;
        }
        Task<Double> l = Task.spawn(() -> wsched(x1, y1, x0, y0, left, eps));
        double r = wsched(x0, y0, x2, y2, right, eps);
        return l.join() + r;
    }

    /** The integration range and tolerance of a frames run. */
    public record Params(double upper, double eps) {
    }

    /**
     * wsched frames, allocation-free: ctx = {@link Params}; arg = depth &lt;&lt; 56 | index, the
     * interval [index, index + 1]·upper/2^depth of the halving tree. Those endpoints are exact
     * dyadic rationals (for the sizes used), so x, f(x) and the trapezoid of the interval are
     * bit for bit what {@link #serial} passes down; depth 0 (the root) has area 0 as there.
     * Returns the value's bits ({@link Double#doubleToRawLongBits}).
     */
    public static long frames(Frames f, Object ctx, long arg) {
        Params p = (Params) ctx;
        int depth = (int) (arg >>> 56);
        long index = arg & ((1L << 56) - 1);
        double x1 = Math.scalb(p.upper() * index, -depth);
        double x2 = Math.scalb(p.upper() * (index + 1), -depth);
        double y1 = f(x1);
        double y2 = f(x2);
        double area = depth == 0 ? 0.0 : (y1 + y2) / 2 * (x2 - x1);
        double half = (x2 - x1) / 2;
        double x0 = x1 + half;
        double y0 = f(x0);
        double left = (y1 + y0) / 2 * half;
        double right = (y0 + y2) / 2 * half;
        double both = left + right;
        if (Math.abs(both - area) < p.eps()) {
            return Double.doubleToRawLongBits(both);
        }
        long child = (long) (depth + 1) << 56 | (index << 1);
        f.spawn(Integrate::frames, ctx, child);
        double r = Double.longBitsToDouble(frames(f, ctx, child | 1));
        return Double.doubleToRawLongBits(Double.longBitsToDouble(f.sync()) + r);
    }

    /** ForkJoinPool: fork the left half, compute the right, join. */
    public static final class FjpIntegrate extends RecursiveTask<Double> {
        private final double x1;
        private final double y1;
        private final double x2;
        private final double y2;
        private final double area;
        private final double eps;

        /** The integral over [x1, x2] (as {@link Integrate#wsched}). */
        public FjpIntegrate(double x1, double y1, double x2, double y2, double area, double eps) {
            this.x1 = x1;
            this.y1 = y1;
            this.x2 = x2;
            this.y2 = y2;
            this.area = area;
            this.eps = eps;
        }

        @Override
        protected Double compute() {
            double half = (x2 - x1) / 2;
            double x0 = x1 + half;
            double y0 = f(x0);
            double left = (y1 + y0) / 2 * half;
            double right = (y0 + y2) / 2 * half;
            double both = left + right;
            if (Math.abs(both - area) < eps) {
                return both;
            }
            FjpIntegrate l = new FjpIntegrate(x1, y1, x0, y0, left, eps);
            l.fork();
            double r = new FjpIntegrate(x0, y0, x2, y2, right, eps).compute();
            return l.join() + r;
        }
    }
}
