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
 * a mergesort and a UTS tree on a real {@link WorkStealingPool} at each parallelism given,
 * measures the untraced run time and the traced run time (medians, each mode in its own JVM, on a
 * fresh pool per run), and writes each median traced run in the simulator's {@code wsched-dag}
 * format together with {@code measured.csv}. The simulator then replays each trace
 * ({@code scheduler-sim/trace-fidelity DIR}) and compares.
 *
 * <pre>
 * java -cp scheduler-core-0.1.0-SNAPSHOT.jar:jctools-core.jar:agrona.jar:HdrHistogram.jar \
 *     org.wsched.examples.TraceDemo [outDir] [parallelism,...] [reps] [program,...]
 * </pre>
 * Defaults: {@code trace-out}, {@code 1,2}, 9 repetitions (after at least 10 warm-up runs and 2 s in
 * each JVM). Public API only.
 */
public final class TraceDemo {

    static final int FIB_N = 30;
    static final int FIBC_N = 34;
    /** Warm-up runs before the timed ones in each JVM: at least this many, and at least {@link #WARMUP_NANOS}. */
    static final int WARMUP = 10;
    static final long WARMUP_NANOS = 2_000_000_000L;
    /** Pause before each timed run (background JIT compilation settles). */
    static final long PAUSE_MILLIS = 200;
    static final int FIBC_CUTOFF = 18;
    static final int SORT_N = 4_000_000;
    static final int SORT_CUTOFF = 8192;
    /** UTS geometric fixed-shape tree: b0 = 4, depth 8, seed 19 (T1's shape, two levels less). */
    static final double UTS_B0 = 4;
    static final int UTS_DEPTH = 8;
    static final int UTS_SEED = 19;

    private TraceDemo() {
    }

    @FunctionalInterface
    private interface Body {
        void run(WorkStealingPool pool);
    }

    /**
     * Entry point. Without {@code --child}, the driver: for every program and P it starts
     * {@link #JVMS} fresh JVMs with this class path timing untraced runs and as many timing (and
     * recording) traced runs, so neither mode's code shapes the other's JIT state, then writes
     * {@code measured.csv} with the median of the JVMs' medians. With {@code --child DIR PROGRAM P MODE REPS [JVM]}: one such JVM.
     *
     * @param args optional: output directory, comma-separated parallelisms, repetitions,
     *     comma-separated programs (default all: fib, fib-cutoff, mergesort, uts); or the
     *     child form above
     * @throws IOException if a trace cannot be written
     * @throws InterruptedException if interrupted while waiting for a child JVM
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]), args[2], Integer.parseInt(args[3]), args[4].equals("traced"),
                    Integer.parseInt(args[5]), args.length > 6 ? args[6] : "0");
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "trace-out");
        int[] ps = Arrays.stream((args.length > 1 ? args[1] : "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        Files.createDirectories(dir);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "wsched trace fidelity harness: fib(%d) no cutoff, fib(%d) serial below %d, mergesort of "
                        + "%,d ints (cutoff %,d), UTS geo b0=%.0f d=%d seed=%d; P %s; %d reps after %d+ warm-up runs, "
                        + "%d JVMs per program, P and mode (%s); Java %s%n", FIB_N, FIBC_N, FIBC_CUTOFF, SORT_N, SORT_CUTOFF,
                UTS_B0, UTS_DEPTH, UTS_SEED, Arrays.toString(ps), reps, WARMUP, JVMS, String.join(" ", CHILD_JVM_FLAGS),
                Runtime.version());
        StringBuilder csv = new StringBuilder(
                "program,procs,untraced_median_ms,traced_median_ms,strands,spawns,syncs,work_ms,span_ms,"
                        + "tracing_ns_per_strand,trace\n");
        List<String> programs = args.length > 3 ? List.of(args[3].split(",")) : PROGRAMS;
        for (String prog : programs) {
            if (!PROGRAMS.contains(prog)) {
                throw unknownProgram(prog); // before any JVM starts
            }
            for (int p : ps) {
                // JIT outcomes differ from JVM to JVM (recursive code especially): JVMS JVMs per mode,
                // and the median of their medians; the trace kept is the median traced JVM's.
                String[][] untraced = new String[JVMS][];
                String[][] traced = new String[JVMS][];
                for (int j = 0; j < JVMS; j++) {
                    untraced[j] = runChild(dir, prog, p, "untraced", reps, j);
                    traced[j] = runChild(dir, prog, p, "traced", reps, j);
                }
                // RESULT prog p mode median_ms [strands spawns syncs work_ms span_ms overhead_ns file]
                double u = Double.parseDouble(medianByTime(untraced)[4]);
                String[] tr = medianByTime(traced);
                Path kept = dir.resolve(prog + "-p" + p + ".dag.gz");
                Files.move(dir.resolve(tr[11]), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(dir.resolve(reportOf(tr[11])), dir.resolve(reportOf(kept.getFileName().toString())),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                for (String[] other : traced) {
                    if (other != tr) {
                        Files.deleteIfExists(dir.resolve(other[11]));
                        Files.deleteIfExists(dir.resolve(reportOf(other[11])));
                    }
                }
                double t = Double.parseDouble(tr[4]);
                long strands = Long.parseLong(tr[5]);
                double perStrand = (t - u) * 1e6 / strands;
                out.printf(Locale.ROOT, "%-10s P=%d  untraced %9.2f ms (JVMs %s)  traced %9.2f ms  strands %,10d  work %9.2f ms  "
                                + "span %8.3f ms  tracer overhead removed %5.1f ns/strand  tracing %6.1f ns/strand%n",
                        prog, p, u, times(untraced), t, strands, Double.parseDouble(tr[8]), Double.parseDouble(tr[9]),
                        Double.parseDouble(tr[10]), perStrand);
                csv.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%d,%s,%s,%s,%s,%.1f,%s%n", prog, p, u, t, strands,
                        tr[6], tr[7], tr[8], tr[9], perStrand, kept.getFileName()));
            }
        }
        Files.writeString(dir.resolve("measured.csv"), csv, StandardCharsets.UTF_8);
        out.println("wrote " + dir.resolve("measured.csv"));
    }

    private static final List<String> PROGRAMS = List.of("fib", "fib-cutoff", "mergesort", "uts");
    /** JVMs per program, P and mode. */
    static final int JVMS = 5;
    /**
     * Heap settings of the child JVMs: a young generation large enough that no collection
     * happens inside a timed run (each run starts after System.gc()), touched at start-up so that
     * first-touch page faults do not land in a run either. GC pauses are not what the replay
     * models.
     */
    static final List<String> CHILD_JVM_FLAGS = List.of("-Xms4g", "-Xmx4g", "-Xmn3g", "-XX:+AlwaysPreTouch");

    /** The result whose median time (field 4) is the median of the results'. */
    private static String[] medianByTime(String[][] results) {
        double[] ms = new double[results.length];
        for (int i = 0; i < results.length; i++) {
            ms[i] = Double.parseDouble(results[i][4]);
        }
        return results[medianIndex(ms)];
    }

    /** The index of the median value (the upper one of an even count). */
    private static int medianIndex(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        return order[values.length / 2];
    }

    /** The report file written beside a trace file. */
    private static String reportOf(String dagFile) {
        return dagFile.replace(".dag.gz", ".report.txt");
    }

    private static String times(String[][] results) {
        StringBuilder b = new StringBuilder();
        for (String[] r : results) {
            b.append(b.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", Double.parseDouble(r[4])));
        }
        return b.toString();
    }

    /** Starts one child JVM and returns the fields of its RESULT line. */
    private static String[] runChild(Path dir, String prog, int p, String mode, int reps, int jvm)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(CHILD_JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TraceDemo.class.getName(), "--child",
                dir.toString(), prog, Integer.toString(p), mode, Integer.toString(reps), Integer.toString(jvm)));
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (var r = proc.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int exit = proc.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException("the " + mode + " run of " + prog + " at P=" + p + " failed (exit " + exit + ")");
        }
        return result.split(" ");
    }

    /** One JVM: warm up, time {@code reps} runs of one program at one P in one mode, print RESULT. */
    private static void child(Path dir, String prog, int p, boolean traced, int reps, String jvm) throws IOException {
        Body body = program(prog);
        double[] ms = new double[reps];
        Trace[] traces = new Trace[reps];
        long warmStart = System.nanoTime();
        // Warm-up builds and profiles its traces too, so that no JIT compilation of the trace code
        // is still running in the background (taking a core from the workers) during timed runs;
        // each timed run starts after a short pause for the same reason.
        for (int i = 0; i < WARMUP || System.nanoTime() - warmStart < WARMUP_NANOS; i++) {
            try (WorkStealingPool pool = newPool(p, traced)) {
                timeMillis(() -> body.run(pool));
                if (traced) {
                    pool.trace().profile();
                }
            }
        }
        for (int i = 0; i < reps; i++) {
            try (WorkStealingPool pool = newPool(p, traced)) {
                pause();
                ms[i] = timeMillis(() -> body.run(pool));
                traces[i] = traced ? pool.trace() : null;
            }
        }
        int median = medianIndex(ms);
        if (!traced) {
            System.out.printf(Locale.ROOT, "RESULT %s %d untraced %.3f%n", prog, p, ms[median]);
            return;
        }
        Trace trace = traces[median];
        TraceProfile prof = trace.profile();
        Path file = dir.resolve(prog + "-p" + p + "-jvm" + jvm + ".dag.gz");
        trace.writeDag(file);
        Files.writeString(dir.resolve(reportOf(file.getFileName().toString())), prof.report(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "RESULT %s %d traced %.3f %d %d %d %.3f %.3f %.1f %s%n", prog, p, ms[median],
                prof.strands(), prof.spawns(), prof.syncs(), prof.workNanos() / 1e6, prof.spanNanos() / 1e6,
                trace.tracerOverheadNanos(), file.getFileName());
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WorkStealingPool newPool(int p, boolean traced) {
        return WorkStealingPool.builder().parallelism(p).tracing(traced).traceBudget(8_000_000).build();
    }

    /** The program named {@code name}, with its input built and its result checked. */
    private static Body program(String name) {
        switch (name) {
            case "fib": {
                long expected = serialFib(FIB_N);
                return pool -> check(pool.invoke(() -> fib(FIB_N)) == expected, "fib");
            }
            case "fib-cutoff": {
                long expected = serialFib(FIBC_N);
                return pool -> check(pool.invoke(() -> fibCutoff(FIBC_N)) == expected, "fib-cutoff");
            }
            case "mergesort": {
                int[] input = new SplittableRandom(42).ints(SORT_N).toArray();
                int[] sorted = input.clone();
                Arrays.sort(sorted);
                return pool -> {
                    int[] a = input.clone();
                    pool.invoke(() -> mergeSort(a, new int[a.length], 0, a.length));
                    check(Arrays.equals(a, sorted), "mergesort");
                };
            }
            case "uts": {
                long expected = utsSerial(utsRoot(), 0);
                return pool -> {
                    byte[] root = utsRoot();
                    check(pool.invoke(() -> uts(root, 0)) == expected, "uts");
                };
            }
            default:
                throw unknownProgram(name);
        }
    }

    private static IllegalArgumentException unknownProgram(String name) {
        return new IllegalArgumentException("unknown program '" + name + "': use one of " + PROGRAMS);
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
