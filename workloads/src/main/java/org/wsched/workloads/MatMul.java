package org.wsched.workloads;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import org.wsched.Task;

/**
 * Divide-and-conquer matrix multiply C += A·B on n×n row-major {@code double[]} (n a power of
 * two), Cilk style without temporaries: split into quadrants, run the four products that write
 * disjoint quadrants of C in parallel, then the other four; blocks of at most {@code leaf} rows
 * use an i-k-j loop.
 */
public final class MatMul {

    private MatMul() {
    }

    /** One recursion of a form: C[i0.., j0..] += A[i0.., k0..]·B[k0.., j0..] over s×s blocks. */
    @FunctionalInterface
    interface Recursion {
        void run(Problem p, int i0, int j0, int k0, int s);
    }

    /** The problem: A, B, C and the sizes. */
    public static final class Problem {
        final double[] a;
        final double[] b;
        final double[] c;
        final int n;
        final int leaf;

        /** Random integer matrices A and B (entries -4..4) of {@code n×n}, C zero; {@code n}, {@code leaf} powers of two. */
        public Problem(int n, int leaf, long seed) {
            if (Integer.bitCount(n) != 1 || Integer.bitCount(leaf) != 1) {
                throw new IllegalArgumentException("n and leaf must be powers of two: n=" + n + ", leaf=" + leaf);
            }
            this.n = n;
            this.leaf = leaf;
            a = new double[n * n];
            b = new double[n * n];
            c = new double[n * n];
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            for (int i = 0; i < n * n; i++) {
                a[i] = r.nextInt(-4, 5);
                b[i] = r.nextInt(-4, 5);
            }
        }

        /** Sum of C (integers, so exact and order-independent). */
        public double checksum() {
            double s = 0;
            for (double v : c) {
                s += v;
            }
            return s;
        }

        /** The matrices' side. */
        public int n() {
            return n;
        }

        /** A[i][k]. */
        public double a(int i, int k) {
            return a[i * n + k];
        }

        /** B[k][j]. */
        public double b(int k, int j) {
            return b[k * n + j];
        }

        /** Sets C to zero (before a multiply: the forms add into C). */
        public void clear() {
            java.util.Arrays.fill(c, 0.0);
        }

        /**
         * Runs one multiply: clears C, runs {@code recursion} over the whole matrices, returns the
         * checksum.
         */
        double solve(Recursion recursion) {
            clear();
            recursion.run(this, 0, 0, 0, n);
            return checksum();
        }

        /** Multiplies an s×s block directly if it is a leaf (s ≤ leaf); returns whether it did. */
        boolean leafDone(int i0, int j0, int k0, int s) {
            if (s > leaf) {
                return false;
            }
            kernel(i0, j0, k0, s);
            return true;
        }

        void kernel(int i0, int j0, int k0, int s) {
            final int n = this.n;
            for (int i = i0; i < i0 + s; i++) {
                int ci = i * n;
                int ai = i * n;
                for (int k = k0; k < k0 + s; k++) {
                    double aik = a[ai + k];
                    int bk = k * n;
                    for (int j = j0; j < j0 + s; j++) {
                        c[ci + j] += aik * b[bk + j];
                    }
                }
            }
        }
    }

    /** Serial recursion (same blocking as the parallel ones). */
    public static double serial(Problem p) {
        return p.solve(MatMul::serial);
    }

    static void serial(Problem p, int i0, int j0, int k0, int s) {
        if (p.leafDone(i0, j0, k0, s)) {
            return;
        }
        int h = s >>> 1;
        for (int k : new int[] {k0, k0 + h}) {
            serial(p, i0, j0, k, h);
            serial(p, i0, j0 + h, k, h);
            serial(p, i0 + h, j0, k, h);
            serial(p, i0 + h, j0 + h, k, h);
        }
    }

    /** wsched: a Task.scope per phase, three spawns and one inline. */
    public static double wsched(Problem p) {
        return p.solve(MatMul::wsched);
    }

    static void wsched(Problem p, int i0, int j0, int k0, int s) {
        if (p.leafDone(i0, j0, k0, s)) {
            return;
        }
        int h = s >>> 1;
        for (int ph = 0; ph < 2; ph++) {
            int k = k0 + ph * h;
            Task.scope(sc -> {
                sc.spawn(() -> wsched(p, i0, j0, k, h));
                sc.spawn(() -> wsched(p, i0, j0 + h, k, h));
                sc.spawn(() -> wsched(p, i0 + h, j0, k, h));
                wsched(p, i0 + h, j0 + h, k, h);
            });
        }
    }

    /** ForkJoinPool: {@code invokeAll} of the four products per phase (forks three, computes one). */
    public static final class FjpMatMul extends RecursiveAction {
        private final Problem p;
        private final int i0;
        private final int j0;
        private final int k0;
        private final int s;

        /** C[i0.., j0..] += A[i0.., k0..]·B[k0.., j0..] over s×s blocks; the root is {@code (p, 0, 0, 0, p.n())}. */
        public FjpMatMul(Problem p, int i0, int j0, int k0, int s) {
            this.p = p;
            this.i0 = i0;
            this.j0 = j0;
            this.k0 = k0;
            this.s = s;
        }

        @Override
        protected void compute() {
            if (p.leafDone(i0, j0, k0, s)) {
                return;
            }
            int h = s >>> 1;
            for (int ph = 0; ph < 2; ph++) {
                int k = k0 + ph * h;
                ForkJoinTask.invokeAll(new FjpMatMul(p, i0, j0, k, h), new FjpMatMul(p, i0, j0 + h, k, h),
                        new FjpMatMul(p, i0 + h, j0, k, h), new FjpMatMul(p, i0 + h, j0 + h, k, h));
            }
        }
    }
}
