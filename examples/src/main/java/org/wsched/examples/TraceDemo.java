package org.wsched.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.wsched.Trace;
import org.wsched.TraceProfile;
import org.wsched.WorkStealingPool;
import org.wsched.workloads.Fib;
import org.wsched.workloads.MergeSort;
import org.wsched.workloads.Uts;
import org.wsched.workloads.UtsTree;

/**
 * The trace-fidelity harness of docs/profiling.md: records fib (with and without a serial cutoff),
 * a mergesort and a UTS tree (the programs of {@code org.wsched.workloads}: {@link Fib#wsched},
 * {@link Fib#wschedCutoff}, {@link MergeSort#wsched}, {@link Uts#wschedNode}) on a real {@link WorkStealingPool} at each parallelism given, times
 * untraced and traced runs (each mode in its own JVMs, a fresh pool per run), and writes, for each
 * program and P, two traces in the simulator's {@code wsched-dag} format (the run with the median
 * work and the run with the least work) together with {@code measured.csv} (median and best
 * untraced run times, median and least work). The simulator then replays each trace
 * ({@code scheduler-sim/trace-fidelity DIR}) and compares median with median and best with best.
 *
 * <pre>
 * java -cp examples/target/wsched-examples.jar org.wsched.examples.TraceDemo [outDir] [parallelism,...] [reps] [program,...]
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
    static final UtsTree UTS_TREE = UtsTree.geometric(UTS_B0, UTS_DEPTH, UTS_SEED);

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
     * {@code measured.csv} with the median and the best of all their runs pooled. With
     * {@code --child DIR PROGRAM P MODE REPS [JVM]}: one such JVM.
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
        out.println("before: " + HostSpeedProbe.sample(2_000_000_000L).summary());
        StringBuilder csv = new StringBuilder("program,procs,untraced_median_ms,untraced_best_ms,traced_median_ms,"
                + "strands,spawns,syncs,work_median_ms,work_best_ms,tracer_overhead_removed_ns,tracing_ns_per_strand,"
                + "trace,trace_best\n");
        List<String> programs = args.length > 3 ? List.of(args[3].split(",")) : PROGRAMS;
        for (String prog : programs) {
            if (!PROGRAMS.contains(prog)) {
                throw unknownProgram(prog); // before any JVM starts
            }
            for (int p : ps) {
                // The host's speed changes from moment to moment (see docs/profiling.md): JVMS JVMs per
                // mode, every run of every JVM pooled, and both the median and the best run kept.
                List<Map<String, String>> untraced = new ArrayList<>();
                List<Map<String, String>> traced = new ArrayList<>();
                for (int j = 0; j < JVMS; j++) {
                    untraced.add(runChild(dir, prog, p, "untraced", reps, j));
                    traced.add(runChild(dir, prog, p, "traced", reps, j));
                }
                double[] times = pooled(untraced, "times");
                double[] walls = pooled(traced, "times");
                double[] works = pooled(traced, "works");
                double u = median(times);
                double uBest = min(times);
                double t = median(walls);
                double wMedian = median(works);
                double wBest = min(works);
                // The median row's trace: the JVM-median trace whose work is nearest the pooled median;
                // the best row's: the trace with the least work of all.
                Map<String, String> med = traced.get(0);
                Map<String, String> best = traced.get(0);
                for (Map<String, String> r : traced) {
                    if (Math.abs(num(r, "median_work") - wMedian) < Math.abs(num(med, "median_work") - wMedian)) {
                        med = r;
                    }
                    if (num(r, "best_work") < num(best, "best_work")) {
                        best = r;
                    }
                }
                Path keptMedian = keep(dir, med.get("median_file"), prog + "-p" + p + ".dag.gz");
                Path keptBest = keep(dir, best.get("best_file"), prog + "-p" + p + "-best.dag.gz");
                for (Map<String, String> r : traced) {
                    for (String f : List.of(r.get("median_file"), r.get("best_file"))) {
                        Files.deleteIfExists(dir.resolve(f));
                        Files.deleteIfExists(dir.resolve(reportOf(f)));
                    }
                }
                long strands = Long.parseLong(med.get("strands"));
                double perStrand = (t - u) * 1e6 / strands;
                out.printf(Locale.ROOT, "%-10s P=%d  untraced median %8.2f best %8.2f ms (%d runs)  traced median %8.2f ms  "
                                + "work median %8.2f best %8.2f ms  strands %,10d  tracer overhead removed %5.1f ns/strand  "
                                + "tracing %6.1f ns/strand%n  untraced JVM medians %s%n  work JVM medians %s%n",
                        prog, p, u, uBest, times.length, t, wMedian, wBest, strands, num(med, "overhead"), perStrand,
                        jvmMedians(untraced, "times"), jvmMedians(traced, "works"));
                csv.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%.3f,%d,%s,%s,%.3f,%.3f,%s,%.1f,%s,%s%n", prog, p, u,
                        uBest, t, strands, med.get("spawns"), med.get("syncs"), num(med, "median_work"), wBest,
                        med.get("overhead"), perStrand, keptMedian.getFileName(), keptBest.getFileName()));
            }
        }
        out.println("after: " + HostSpeedProbe.sample(2_000_000_000L).summary());
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

    /** Copies a child's trace (and its report) to the name the simulator's script reads. */
    private static Path keep(Path dir, String file, String name) throws IOException {
        Path kept = dir.resolve(name);
        Files.copy(dir.resolve(file), kept, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve(reportOf(file)), dir.resolve(reportOf(name)), StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    private static double num(Map<String, String> result, String key) {
        return Double.parseDouble(result.get(key));
    }

    /** The comma-separated values under {@code key} of one result. */
    private static double[] values(Map<String, String> result, String key) {
        return Arrays.stream(result.get(key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** The values under {@code key} of all results, in one array. */
    private static double[] pooled(List<Map<String, String>> results, String key) {
        return results.stream().flatMapToDouble(r -> Arrays.stream(values(r, key))).toArray();
    }

    private static String jvmMedians(List<Map<String, String>> results, String key) {
        StringBuilder b = new StringBuilder();
        for (Map<String, String> r : results) {
            b.append(b.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", median(values(r, key))));
        }
        return b.toString();
    }

    private static double median(double[] values) {
        return values[medianIndex(values)];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
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

    /** The index of the smallest value. */
    private static int minIndex(double[] values) {
        int m = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[m]) {
                m = i;
            }
        }
        return m;
    }

    /** The report file written beside a trace file. */
    private static String reportOf(String dagFile) {
        return dagFile.replace(".dag.gz", ".report.txt");
    }

    /** Starts one child JVM and returns its RESULT line's {@code key=value} fields. */
    private static Map<String, String> runChild(Path dir, String prog, int p, String mode, int reps, int jvm)
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
        Map<String, String> fields = new HashMap<>();
        for (String kv : result.substring("RESULT ".length()).split(" ")) {
            int eq = kv.indexOf('=');
            fields.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return fields;
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
        if (!traced) {
            System.out.printf(Locale.ROOT, "RESULT times=%s%n", joined(ms));
            return;
        }
        double[] works = new double[reps];
        TraceProfile[] profiles = new TraceProfile[reps];
        for (int i = 0; i < reps; i++) {
            profiles[i] = traces[i].profile();
            works[i] = profiles[i].workNanos() / 1e6;
        }
        int median = medianIndex(works);
        int best = minIndex(works);
        String medianFile = writeTrace(dir, prog + "-p" + p + "-jvm" + jvm + "-median.dag.gz", traces[median], profiles[median]);
        String bestFile = writeTrace(dir, prog + "-p" + p + "-jvm" + jvm + "-best.dag.gz", traces[best], profiles[best]);
        TraceProfile prof = profiles[median];
        System.out.printf(Locale.ROOT, "RESULT times=%s works=%s strands=%d spawns=%d syncs=%d overhead=%.1f "
                        + "median_work=%.3f median_file=%s best_work=%.3f best_file=%s%n", joined(ms), joined(works),
                prof.strands(), prof.spawns(), prof.syncs(), traces[median].tracerOverheadNanos(), works[median],
                medianFile, works[best], bestFile);
    }

    private static String writeTrace(Path dir, String name, Trace trace, TraceProfile prof) throws IOException {
        trace.writeDag(dir.resolve(name));
        Files.writeString(dir.resolve(reportOf(name)), prof.report(), StandardCharsets.UTF_8);
        return name;
    }

    private static String joined(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return b.toString();
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
                long expected = Fib.serial(FIB_N);
                return pool -> check(pool.invoke(() -> Fib.wsched(FIB_N)) == expected, "fib");
            }
            case "fib-cutoff": {
                long expected = Fib.serial(FIBC_N);
                return pool -> check(pool.invoke(() -> Fib.wschedCutoff(FIBC_N, FIBC_CUTOFF)) == expected, "fib-cutoff");
            }
            case "mergesort": {
                int[] input = new SplittableRandom(42).ints(SORT_N).toArray();
                int[] sorted = input.clone();
                Arrays.sort(sorted);
                return pool -> {
                    int[] a = input.clone();
                    pool.invoke(() -> {
                        MergeSort.wsched(a, new int[a.length], 0, a.length, SORT_CUTOFF);
                        return null;
                    });
                    check(Arrays.equals(a, sorted), "mergesort");
                };
            }
            case "uts": {
                UtsTree t = UTS_TREE;
                long expected = Uts.serial(t, t.root(), 0);
                return pool -> {
                    int[] root = t.root();
                    check(pool.invoke(() -> Uts.wschedNode(t, root, 0)) == expected, "uts");
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
}
