package org.wsched.bench;

import java.util.concurrent.RecursiveTask;
import org.wsched.Task;

/**
 * Adaptive trapezoid quadrature of f(x) = (x² + 1)·x over [0, n] (the Cilk "integrate"
 * example): an interval is halved until the two halves agree with the whole to within
 * {@code epsilon}; every halving spawns its left half, no cutoff (fine-grained, like fib).
 */
public final class Integrate {

    private Integrate() {
    }

    static double f(double x) {
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

    /** ForkJoinPool: fork the left half, compute the right, join. */
    public static final class FjpIntegrate extends RecursiveTask<Double> {
        private final double x1;
        private final double y1;
        private final double x2;
        private final double y2;
        private final double area;
        private final double eps;

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
