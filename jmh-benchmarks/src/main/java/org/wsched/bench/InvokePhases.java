package org.wsched.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import org.wsched.Scheduler;
import org.wsched.workloads.NQueens;

/**
 * Where the time of one {@code invoke} goes, wsched against {@code ForkJoinPool} in one JVM: each
 * round calls {@code invoke} once on a pool that has been idle for the other implementations'
 * rounds (as {@code jmh-benchmarks/same-jvm-ab} does), and splits the round into <b>start</b>
 * (the call to {@code invoke} until the root body starts on a worker: submission and waking a
 * parked worker), <b>body</b> (the root body, spawns and joins included) and <b>finish</b> (the
 * body's end until {@code invoke} returns: completion and waking the caller). The order of the
 * implementations rotates every round; the second half of the rounds is reported, as medians.
 *
 * <p>Programs: {@code nqueens} (12 queens, spawning the first 4 rows, the inputs of the same-JVM
 * comparison; a serial round runs too) and {@code empty} (a root body that returns at once: start
 * and finish alone).
 *
 * <pre>java -cp jmh-benchmarks/target/benchmarks.jar org.wsched.bench.InvokePhases nqueens 1 400 [20000]</pre>
 *
 * The optional last argument is a warm-up: that many back-to-back invokes of an empty root on each
 * pool before the rounds, so that the JIT compiles the invoke path first (see {@link #run}).
 *
 * Output, one line per implementation:
 * {@code impl <name> start_us <m> body_us <m> finish_us <m> total_us <m>}.
 * {@code jmh-benchmarks/invoke-phases} runs it over several JVMs and summarizes.
 */
public final class InvokePhases {

    static final int QUEENS = 12;
    static final int QUEENS_SPAWN_DEPTH = 4;

    /** When the current round's root body started and ended ({@code System.nanoTime()}). */
    private static volatile long bodyStart;
    private static volatile long bodyEnd;

    private InvokePhases() {
    }

    /** The medians of one implementation, in microseconds. */
    record Phases(double startMicros, double bodyMicros, double finishMicros, double totalMicros) {
    }

    public static void main(String[] a) throws Exception {
        String usage = "usage: InvokePhases PROGRAM PARALLELISM ROUNDS [WARMUP_INVOKES] (PROGRAM: nqueens or empty), "
                + "e.g. InvokePhases nqueens 1 400";
        if (a.length != 3 && a.length != 4) {
            System.err.println(usage);
            System.exit(2);
        }
        int p;
        int rounds;
        int warmup;
        try {
            p = Integer.parseInt(a[1]);
            rounds = Integer.parseInt(a[2]);
            warmup = a.length == 4 ? Integer.parseInt(a[3]) : 0;
        } catch (NumberFormatException e) {
            System.err.println("PARALLELISM, ROUNDS and WARMUP_INVOKES must be whole numbers (" + e.getMessage() + "); " + usage);
            System.exit(2);
            return;
        }
        Map<String, Phases> r;
        try {
            r = run(a[0], p, rounds, warmup);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "; " + usage);
            System.exit(2);
            return;
        }
        for (Map.Entry<String, Phases> e : r.entrySet()) {
            Phases ph = e.getValue();
            System.out.printf("impl %s start_us %.1f body_us %.1f finish_us %.1f total_us %.1f%n", e.getKey(),
                    ph.startMicros(), ph.bodyMicros(), ph.finishMicros(), ph.totalMicros());
        }
    }

    /**
     * Runs {@code rounds} rounds of {@code program} and returns, per implementation (wsched, fjp,
     * and serial for nqueens), the medians over the second half of the rounds. First,
     * {@code warmupInvokes} back-to-back invokes of an empty root on each pool let the JIT compile
     * the path of an invoke (submission, wake-up, run, completion), which otherwise runs once per
     * round and may stay interpreted for the whole run.
     */
    static Map<String, Phases> run(String program, int parallelism, int rounds, int warmupInvokes) throws Exception {
        if (!program.equals("nqueens") && !program.equals("empty")) {
            throw new IllegalArgumentException("program=" + program + ": choose nqueens or empty");
        }
        if (parallelism < 1 || rounds < 2 || warmupInvokes < 0) {
            throw new IllegalArgumentException("need parallelism >= 1, at least 2 rounds and no negative warm-up, got "
                    + parallelism + ", " + rounds + " and " + warmupInvokes);
        }
        boolean queens = program.equals("nqueens");
        List<String> names = new ArrayList<>(List.of("wsched", "fjp"));
        if (queens) {
            names.add("serial");
        }
        int k = names.size();
        long expected = queens ? NQueens.SOLUTIONS[QUEENS] : 0L;
        long[][][] t = new long[k][4][rounds];
        try (ImplPool ws = ImplPool.open("wsched", parallelism); ImplPool fj = ImplPool.open("fjp", parallelism)) {
            for (int i = 0; i < warmupInvokes; i++) {
                round(0, false, ws.sched, fj.fjp);
                round(1, false, ws.sched, fj.fjp);
            }
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < k; j++) {
                    int impl = (j + r) % k;
                    long t0 = System.nanoTime();
                    long v = round(impl, queens, ws.sched, fj.fjp);
                    long t1 = System.nanoTime();
                    long s = bodyStart;
                    long e = bodyEnd;
                    if (v != expected) {
                        throw new IllegalStateException(names.get(impl) + " computed " + v + ", not " + expected);
                    }
                    t[impl][0][r] = s - t0;
                    t[impl][1][r] = e - s;
                    t[impl][2][r] = t1 - e;
                    t[impl][3][r] = t1 - t0;
                }
            }
        }
        Map<String, Phases> out = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            out.put(names.get(i), new Phases(median(t[i][0]), median(t[i][1]), median(t[i][2]), median(t[i][3])));
        }
        return out;
    }

    private static long round(int impl, boolean queens, Scheduler ws, ForkJoinPool fjp) {
        int all = (1 << QUEENS) - 1;
        if (impl == 0) {
            return ws.invoke(() -> {
                bodyStart = System.nanoTime();
                long x = queens ? NQueens.wsched(all, 0, 0, 0, 0, QUEENS_SPAWN_DEPTH) : 0L;
                bodyEnd = System.nanoTime();
                return x;
            });
        }
        if (impl == 1) {
            return fjp.invoke(new RecursiveTask<Long>() {
                @Override
                protected Long compute() {
                    bodyStart = System.nanoTime();
                    long x = queens ? new NQueens.FjpQueens(all, 0, 0, 0, 0, QUEENS_SPAWN_DEPTH).invoke() : 0L;
                    bodyEnd = System.nanoTime();
                    return x;
                }
            });
        }
        bodyStart = System.nanoTime();
        long x = NQueens.serial(all, 0, 0, 0);
        bodyEnd = System.nanoTime();
        return x;
    }

    /** Median of the second half (the first half warms up), in microseconds. */
    private static double median(long[] v) {
        long[] s = Arrays.copyOfRange(v, v.length / 2, v.length);
        Arrays.sort(s);
        return s[s.length / 2] / 1e3;
    }
}
