package org.wsched.examples;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import org.wsched.CentralizedPool;
import org.wsched.LongTask;
import org.wsched.Scheduler;
import org.wsched.SchedulerStats;
import org.wsched.Task;
import org.wsched.WorkStealingPool;

/**
 * Runs fib (no cutoff: every call a task) and a parallel mergesort on {@link WorkStealingPool},
 * {@link CentralizedPool} and {@link ForkJoinPool}, and prints median times and steal counts.
 *
 * <pre>
 * java -cp scheduler-core/target/classes:... org.wsched.examples.Demo [fibN] [sortSize] [parallelism]
 * </pre>
 * This is a demonstration, not a benchmark: {@code jmh-benchmarks} measures properly.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Entry point.
     *
     * @param args optional: fib argument (default 30), sort size (default 5,000,000), parallelism
     *     (default available processors)
     */
    public static void main(String[] args) {
        int fibN = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int sortN = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        int p = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int[] input = new SplittableRandom(42).ints(sortN).toArray();
        int[] expected = input.clone();
        Arrays.sort(expected);
        System.out.printf("wsched demo: fib(%d) with no cutoff, mergesort of %,d ints, parallelism %d, %s%n",
                fibN, sortN, p, Runtime.version());

        try (WorkStealingPool ws = WorkStealingPool.builder().parallelism(p).build();
             CentralizedPool cp = CentralizedPool.builder().parallelism(p).build()) {
            ForkJoinPool fjp = new ForkJoinPool(p);
            try {
                for (Scheduler s : new Scheduler[] {ws, cp}) {
                    String name = s instanceof WorkStealingPool ? "WorkStealingPool" : "CentralizedPool";
                    long fibMs = medianMillis(() -> check(s.invoke(() -> fib(fibN)) == serialFib(fibN)));
                    long sortMs = medianMillis(() -> {
                        int[] a = input.clone();
                        s.invoke(() -> mergeSort(a, new int[a.length], 0, a.length));
                        check(Arrays.equals(a, expected));
                    });
                    SchedulerStats st = s.stats();
                    System.out.printf("%-18s fib %5d ms   sort %5d ms   tasks %,d   steals %,d / %,d attempts%n",
                            name, fibMs, sortMs, st.tasksExecuted(), st.steals(), st.stealAttempts());
                }
                long fibMs = medianMillis(() -> check(fjp.invoke(new FjpFib(fibN)) == serialFib(fibN)));
                long sortMs = medianMillis(() -> {
                    int[] a = input.clone();
                    fjp.invoke(new FjpSort(a, new int[a.length], 0, a.length));
                    check(Arrays.equals(a, expected));
                });
                System.out.printf("%-18s fib %5d ms   sort %5d ms   steals %,d%n", "ForkJoinPool", fibMs, sortMs,
                        fjp.getStealCount());
                long serialFib = medianMillis(() -> check(serialFib(fibN) >= 0));
                long serialSort = medianMillis(() -> {
                    int[] a = input.clone();
                    serialSort(a, new int[a.length], 0, a.length);
                });
                System.out.printf("%-18s fib %5d ms   sort %5d ms%n", "serial", serialFib, serialSort);
            } finally {
                fjp.shutdown();
            }
        }
    }

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        LongTask a = Task.spawnLong(() -> fib(n - 1)); // unboxed Task<Long>
        long b = fib(n - 2);
        return a.joinLong() + b;
    }

    static long serialFib(int n) {
        return n < 2 ? n : serialFib(n - 1) + serialFib(n - 2);
    }

    static final int SORT_CUTOFF = 4096;

    static void mergeSort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo <= SORT_CUTOFF) {
            Arrays.sort(a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        Task.scope(s -> {
            s.spawn(() -> mergeSort(a, tmp, lo, mid));
            s.spawn(() -> mergeSort(a, tmp, mid, hi));
        });
        merge(a, tmp, lo, mid, hi);
    }

    static void serialSort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo <= SORT_CUTOFF) {
            Arrays.sort(a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        serialSort(a, tmp, lo, mid);
        serialSort(a, tmp, mid, hi);
        merge(a, tmp, lo, mid, hi);
    }

    static void merge(int[] a, int[] tmp, int lo, int mid, int hi) {
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && tmp[i] <= tmp[j])) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    static final class FjpFib extends RecursiveTask<Long> {
        final int n;

        FjpFib(int n) {
            this.n = n;
        }

        @Override
        protected Long compute() {
            if (n < 2) {
                return (long) n;
            }
            FjpFib f1 = new FjpFib(n - 1);
            f1.fork();
            long b = new FjpFib(n - 2).compute();
            return f1.join() + b;
        }
    }

    static final class FjpSort extends RecursiveAction {
        final int[] a;
        final int[] tmp;
        final int lo;
        final int hi;

        FjpSort(int[] a, int[] tmp, int lo, int hi) {
            this.a = a;
            this.tmp = tmp;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo <= SORT_CUTOFF) {
                Arrays.sort(a, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            FjpSort left = new FjpSort(a, tmp, lo, mid);
            left.fork();
            new FjpSort(a, tmp, mid, hi).compute();
            left.join();
            merge(a, tmp, lo, mid, hi);
        }
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new AssertionError("wrong result");
        }
    }

    private static long medianMillis(Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run(); // warm-up
        }
        long[] t = new long[7];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1_000_000L;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
