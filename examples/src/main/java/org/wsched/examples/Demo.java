package org.wsched.examples;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wsched.CentralizedPool;
import org.wsched.Scheduler;
import org.wsched.SchedulerStats;
import org.wsched.WorkStealingPool;
import org.wsched.workloads.Fib;
import org.wsched.workloads.MergeSort;

/**
 * Runs fib (no cutoff: every call a task, {@link Fib}) and a parallel mergesort ({@link MergeSort},
 * {@link #SORT_CUTOFF}) on {@link WorkStealingPool},
 * {@link CentralizedPool}, {@link ForkJoinPool} and serially, and prints for each pool and program
 * the median, fastest and slowest of the timed runs and the pool's counters per timed run.
 *
 * <pre>
 * ./demo [fibN] [sortSize] [parallelism]
 * java -cp examples/target/wsched-examples.jar org.wsched.examples.Demo [fibN] [sortSize] [parallelism]
 * </pre>
 * Only the computation is timed: the input copy and the check of the result against a serial
 * run happen outside the timed region. This is a demonstration, not a benchmark:
 * {@code jmh-benchmarks} measures properly.
 */
public final class Demo {

    static final int WARMUP_RUNS = 5;
    static final int TIMED_RUNS = 7;

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
        int[] sorted = input.clone();
        Arrays.sort(sorted);
        long fibValue = Fib.serial(fibN);
        String fib = "fib(" + fibN + ")";
        String sort = String.format("sort %,d", sortN);
        // the sort's input is copied before each run, outside the timed region
        Supplier<int[]> freshInput = () -> input.clone();
        Consumer<Long> checkFib = r -> check(r == fibValue, fib);
        Consumer<int[]> checkSort = a -> check(Arrays.equals(a, sorted), sort);

        System.out.printf("wsched demo: fib(%d) with no cutoff (every call spawns a task), mergesort of %,d ints,"
                + " parallelism %d, Java %s%n", fibN, sortN, p, Runtime.version());
        System.out.printf("Each row: %d warm-up runs, then %d timed runs of the computation only (input copy and"
                + " result check are not timed); counts are per timed run.%n", WARMUP_RUNS, TIMED_RUNS);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("Note: on a busy or shared machine (load average now %s, %d cores) times swing from run"
                + " to run and wsched can look slower than ForkJoinPool; jmh-benchmarks/run measures properly.%n%n",
                load < 0 ? "unknown" : String.format("%.1f", load), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-17s %-14s %9s %7s %7s %11s %11s %13s%n", "pool", "program", "median ms", "min ms",
                "max ms", "tasks/run", "steals/run", "attempts/run");

        try (WorkStealingPool ws = WorkStealingPool.builder().parallelism(p).build();
             CentralizedPool cp = CentralizedPool.builder().parallelism(p).build()) {
            for (Scheduler s : new Scheduler[] {ws, cp}) {
                String name = s instanceof WorkStealingPool ? "WorkStealingPool" : "CentralizedPool";
                Supplier<long[]> counters = () -> {
                    SchedulerStats st = s.stats();
                    return new long[] {st.tasksExecuted(), st.steals(), st.stealAttempts()};
                };
                row(name, fib, counters, () -> null, x -> s.invoke(() -> Fib.wschedLong(fibN)), checkFib);
                row(name, sort, counters, freshInput, a -> {
                    s.invoke(() -> {
                        MergeSort.wsched(a, new int[a.length], 0, a.length, SORT_CUTOFF);
                        return null;
                    });
                    return a;
                }, checkSort);
            }
        }
        ForkJoinPool fjp = new ForkJoinPool(p);
        try {
            // ForkJoinPool counts steals only (and no attempts nor tasks)
            Supplier<long[]> counters = () -> new long[] {-1, fjp.getStealCount(), -1};
            row("ForkJoinPool", fib, counters, () -> null, x -> fjp.invoke(new Fib.FjpFib(fibN)), checkFib);
            row("ForkJoinPool", sort, counters, freshInput, a -> {
                fjp.invoke(new MergeSort.FjpSort(a, new int[a.length], 0, a.length, SORT_CUTOFF));
                return a;
            }, checkSort);
        } finally {
            fjp.shutdown();
        }
        Supplier<long[]> none = () -> new long[] {-1, -1, -1};
        row("serial", fib, none, () -> null, x -> Fib.serial(fibN), checkFib);
        row("serial", sort, none, freshInput, a -> {
            MergeSort.serial(a, new int[a.length], 0, a.length, SORT_CUTOFF);
            return a;
        }, checkSort);
    }

    /**
     * Runs {@code compute} {@link #WARMUP_RUNS} times, then {@link #TIMED_RUNS} times timing only
     * {@code compute} (not {@code prepare}, not {@code check}), and prints one row: median, fastest
     * and slowest timed run, and the growth of {@code counters} over the timed runs divided by
     * their number (a negative counter is one the pool does not keep: printed as "-").
     */
    static <I, T> void row(String pool, String program, Supplier<long[]> counters, Supplier<I> prepare,
            Function<I, T> compute, Consumer<T> check) {
        for (int i = 0; i < WARMUP_RUNS; i++) {
            check.accept(compute.apply(prepare.get()));
        }
        long[] before = counters.get();
        long[] t = new long[TIMED_RUNS];
        for (int i = 0; i < t.length; i++) {
            I in = prepare.get();
            long start = System.nanoTime();
            T r = compute.apply(in);
            t[i] = System.nanoTime() - start;
            check.accept(r);
        }
        long[] after = counters.get();
        Arrays.sort(t);
        StringBuilder counts = new StringBuilder();
        int[] widths = {11, 11, 13};
        for (int i = 0; i < before.length; i++) {
            String v = before[i] < 0 ? "-" : String.format("%,d", (after[i] - before[i]) / TIMED_RUNS);
            counts.append(' ').append(String.format("%" + widths[i] + "s", v));
        }
        System.out.printf("%-17s %-14s %9.1f %7.1f %7.1f%s%n", pool, program, t[TIMED_RUNS / 2] / 1e6, t[0] / 1e6,
                t[TIMED_RUNS - 1] / 1e6, counts);
    }

    /** Mergesort's cutoff: ranges of at most this many ints use {@link Arrays#sort}. */
    static final int SORT_CUTOFF = 4096;

    private static void check(boolean ok, String program) {
        if (!ok) {
            throw new AssertionError(program + ": wrong result (differs from the serial computation)");
        }
    }
}
