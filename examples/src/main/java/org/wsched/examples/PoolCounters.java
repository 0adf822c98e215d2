package org.wsched.examples;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.wsched.CentralizedPool;
import org.wsched.Scheduler;
import org.wsched.SchedulerStats;
import org.wsched.WorkStealingPool;
import org.wsched.workloads.Fib;
import org.wsched.workloads.MergeSort;

/**
 * Runs the same programs on {@link WorkStealingPool} and {@link CentralizedPool} and prints, per
 * run, the time and the counters that explain it: steals and steal attempts (work stealing)
 * against shared-queue offers, polls and contention (centralized).
 *
 * <pre>
 * java -cp ... org.wsched.examples.PoolCounters [parallelism=2] [runs=10]
 * </pre>
 */
public final class PoolCounters {

    private PoolCounters() {
    }

    /**
     * Entry point.
     *
     * @param args optional parallelism (default 2) and number of measured runs (default 10)
     */
    public static void main(String[] args) {
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int[] input = new SplittableRandom(42).ints(2_000_000).toArray();
        System.out.printf("%-13s %-12s %9s %12s %10s %12s %12s %12s %12s %8s%n", "program", "pool", "median ms",
                "tasks/run", "steals/run", "attempts/run", "offers/run", "polls/run", "contended/run", "parks/run");
        for (String program : new String[] {"fib(27)", "mergesort 2M"}) {
            Consumer<Scheduler> body = program.startsWith("fib")
                    ? s -> s.invoke(() -> Fib.wschedLong(27))
                    : s -> {
                        int[] a = input.clone();
                        s.invoke(() -> {
                            MergeSort.wsched(a, new int[a.length], 0, a.length, Demo.SORT_CUTOFF);
                            return null;
                        });
                    };
            for (boolean ws : new boolean[] {true, false}) {
                Scheduler s = ws ? WorkStealingPool.builder().parallelism(p).build()
                        : CentralizedPool.builder().parallelism(p).build();
                try (s) {
                    for (int i = 0; i < 3; i++) {
                        body.accept(s); // warm-up
                    }
                    SchedulerStats before = s.stats();
                    long[] t = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        long start = System.nanoTime();
                        body.accept(s);
                        t[i] = System.nanoTime() - start;
                    }
                    SchedulerStats after = s.stats();
                    Arrays.sort(t);
                    System.out.printf("%-13s %-12s %9.1f %,12d %,10d %,12d %,12d %,12d %,12d %,8d%n", program, after.scheduler(),
                            t[runs / 2] / 1e6,
                            (after.tasksExecuted() - before.tasksExecuted()) / runs,
                            (after.steals() - before.steals()) / runs,
                            (after.stealAttempts() - before.stealAttempts()) / runs,
                            (after.queueOffers() - before.queueOffers()) / runs,
                            (after.queuePolls() - before.queuePolls()) / runs,
                            (after.queueContention() - before.queueContention()) / runs,
                            (after.parks() - before.parks()) / runs);
                }
            }
        }
    }
}
