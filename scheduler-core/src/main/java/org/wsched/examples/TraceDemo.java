package org.wsched.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.wsched.Task;
import org.wsched.Trace;
import org.wsched.TraceProfile;
import org.wsched.WorkStealingPool;

/**
 * The trace-fidelity harness of docs/profiling.md: records fib (with and without a serial cutoff),
 * a mergesort and a UTS tree on a
 * real {@link WorkStealingPool} at each parallelism given, measures the untraced run time
 * (median of several runs) and the traced run time, and writes each trace in the simulator's
 * {@code wsched-dag} format together with {@code measured.csv}. The simulator then replays each
 * trace at the same P ({@code scheduler-sim/trace-fidelity DIR}) and compares.
 *
 * <pre>
 * java -cp scheduler-core-0.1.0-SNAPSHOT.jar:jctools-core.jar:agrona.jar:HdrHistogram.jar \
 *     org.wsched.examples.TraceDemo [outDir] [parallelism,...] [reps]
 * </pre>
 * Defaults: {@code trace-out}, {@code 1,2}, 9 repetitions (after 2 warm-up runs each). Public API only.
 */
public final class TraceDemo {

    static final int FIB_N = 27;
    static final int FIBC_N = 34;
    static final int FIBC_CUTOFF = 18;
    static final int SORT_N = 4_000_000;
    static final int SORT_CUTOFF = 8192;
    /** UTS geometric fixed-shape tree: b0 = 4, depth 8, seed 19 (T1's shape, two levels less). */
    static final double UTS_B0 = 4;
    static final int UTS_DEPTH = 8;
    static final int UTS_SEED = 19;

    private TraceDemo() {
    }

    /** One program to record: a name and a body that runs it in a pool and checks the result. */
    private record Program(String name, Body body) {
    }

    @FunctionalInterface
    private interface Body {
        void run(WorkStealingPool pool);
    }

    /**
     * Entry point.
     *
     * @param args optional: output directory, comma-separated parallelisms, repetitions
     * @throws IOException if a trace cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "trace-out");
        int[] ps = Arrays.stream((args.length > 1 ? args[1] : "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        Files.createDirectories(dir);
        PrintStream out = System.out;

        int[] input = new SplittableRandom(42).ints(SORT_N).toArray();
        int[] sorted = input.clone();
        Arrays.sort(sorted);
        long fibExpected = serialFib(FIB_N);
        long fibcExpected = serialFib(FIBC_N);
        long utsExpected = utsSerial(utsRoot(), 0);
        List<Program> programs = List.of(
                new Program("fib", pool -> check(pool.invoke(() -> fib(FIB_N)) == fibExpected, "fib")),
                new Program("fib-cutoff", pool -> check(pool.invoke(() -> fibCutoff(FIBC_N)) == fibcExpected,
                        "fib-cutoff")),
                new Program("mergesort", pool -> {
                    int[] a = input.clone();
                    pool.invoke(() -> mergeSort(a, new int[a.length], 0, a.length));
                    check(Arrays.equals(a, sorted), "mergesort");
                }),
                new Program("uts", pool -> {
                    byte[] root = utsRoot();
                    check(pool.invoke(() -> uts(root, 0)) == utsExpected, "uts");
                }));
        out.printf(Locale.ROOT, "wsched trace fidelity harness: fib(%d) no cutoff, fib(%d) serial below %d, mergesort of %,d ints (cutoff %,d), "
                        + "UTS geo b0=%.0f d=%d seed=%d (%,d nodes); P %s; %d reps; Java %s%n", FIB_N, FIBC_N, FIBC_CUTOFF, SORT_N, SORT_CUTOFF,
                UTS_B0, UTS_DEPTH, UTS_SEED, utsExpected, Arrays.toString(ps), reps, Runtime.version());
        StringBuilder csv = new StringBuilder(
                "program,procs,untraced_median_ms,traced_median_ms,strands,spawns,syncs,work_ms,span_ms,"
                        + "tracing_ns_per_strand,trace\n");
        for (Program prog : programs) {
            for (int p : ps) {
                // Untraced and traced runs alternate, each on a fresh pool (a trace holds every run of its
                // pool), so both see the same machine load; pool start-up is not timed. The first two of
                // each are warm-up (the traced code paths compile there); the rest give medians.
                double[] untracedMs = new double[reps + 2];
                double[] tracedMs = new double[reps + 2];
                Trace[] traces = new Trace[reps + 2];
                for (int i = 0; i < reps + 2; i++) {
                    try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(p).build()) {
                        untracedMs[i] = timeMillis(() -> prog.body().run(pool));
                    }
                    try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(p).tracing(true)
                            .traceBudget(8_000_000).build()) {
                        tracedMs[i] = timeMillis(() -> prog.body().run(pool));
                        traces[i] = pool.trace();
                    }
                }
                double[] u = Arrays.copyOfRange(untracedMs, 2, reps + 2);
                Arrays.sort(u);
                double untraced = u[reps / 2];
                // the first two traced runs are warm-up (the traced code paths compile there)
                Integer[] order = new Integer[reps];
                for (int i = 0; i < reps; i++) {
                    order[i] = i + 2;
                }
                Arrays.sort(order, (a, b) -> Double.compare(tracedMs[a], tracedMs[b]));
                int median = order[reps / 2];
                Trace trace = traces[median];
                TraceProfile prof = trace.profile();
                Path file = dir.resolve(prog.name() + "-p" + p + ".dag.gz");
                trace.writeDag(file);
                double perStrand = (tracedMs[median] - untraced) * 1e6 / prof.strands();
                out.printf(Locale.ROOT, "%-10s P=%d  untraced %9.2f ms  traced %9.2f ms  strands %,10d  "
                                + "work %9.2f ms  span %8.3f ms  tracing %6.1f ns/strand  -> %s%n",
                        prog.name(), p, untraced, tracedMs[median], prof.strands(), prof.workNanos() / 1e6,
                        prof.spanNanos() / 1e6, perStrand, file);
                csv.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%d,%d,%d,%.3f,%.3f,%.1f,%s%n", prog.name(), p,
                        untraced, tracedMs[median], prof.strands(), prof.spawns(), prof.syncs(), prof.workNanos() / 1e6,
                        prof.spanNanos() / 1e6, perStrand, file.getFileName()));
                if (prog.name().equals("fib") && p == ps[ps.length - 1]) {
                    Files.writeString(dir.resolve("fib-p" + p + ".report.txt"), prof.report(), StandardCharsets.UTF_8);
                }
            }
        }
        Files.writeString(dir.resolve("measured.csv"), csv, StandardCharsets.UTF_8);
        out.println("wrote " + dir.resolve("measured.csv"));
    }

    private static double timeMillis(Runnable r) {
        System.gc();
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what + ": wrong result");
        }
    }

    // ------------------------------------------------------------------ fib: every call a task

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        Task<Long> a = Task.spawn(() -> fib(n - 1));
        long b = fib(n - 2);
        return a.join() + b;
    }

    /** fib with a serial cutoff: calls below {@link #FIBC_CUTOFF} run serially, so strands are microseconds. */
    static long fibCutoff(int n) {
        if (n < FIBC_CUTOFF) {
            return serialFib(n);
        }
        Task<Long> a = Task.spawn(() -> fibCutoff(n - 1));
        long b = fibCutoff(n - 2);
        return a.join() + b;
    }

    static long serialFib(int n) {
        return n < 2 ? n : serialFib(n - 1) + serialFib(n - 2);
    }

    // ------------------------------------------------------------------ mergesort with Task.scope

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

    // ------------------------------------------------------------------ UTS: one task per node, SHA-1 per node

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final double LOG_Q = Math.log(1.0 - 1.0 / (1.0 + UTS_B0));

    static byte[] utsRoot() {
        byte[] buf = new byte[20];
        putInt(buf, 16, UTS_SEED);
        return SHA1.get().digest(buf);
    }

    static int utsChildren(byte[] state, int depth) {
        if (depth >= UTS_DEPTH) {
            return 0;
        }
        int r = ((state[16] & 0xff) << 24 | (state[17] & 0xff) << 16 | (state[18] & 0xff) << 8 | (state[19] & 0xff))
                & 0x7fffffff;
        double u = r / 2147483648.0;
        return (int) Math.min(100, Math.floor(Math.log(1.0 - u) / LOG_Q));
    }

    static byte[] utsChild(byte[] parent, int i) {
        MessageDigest md = SHA1.get();
        md.update(parent, 0, 20);
        byte[] idx = new byte[4];
        putInt(idx, 0, i);
        md.update(idx);
        return md.digest();
    }

    /** Counts the nodes of the subtree at {@code state}: each child a spawned task. */
    static long uts(byte[] state, int depth) {
        int k = utsChildren(state, depth);
        if (k == 0) {
            return 1;
        }
        List<Task<Long>> kids = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            byte[] c = utsChild(state, i);
            kids.add(Task.spawn(() -> uts(c, depth + 1)));
        }
        long n = 1;
        for (int i = k - 1; i >= 0; i--) {
            n += kids.get(i).join();
        }
        return n;
    }

    static long utsSerial(byte[] state, int depth) {
        int k = utsChildren(state, depth);
        long n = 1;
        for (int i = 0; i < k; i++) {
            n += utsSerial(utsChild(state, i), depth + 1);
        }
        return n;
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
