package org.wsched.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.HdrHistogram.Recorder;

/**
 * Submission throughput outside JMH, window by window: the workload of {@link SubmitBench}, the
 * same code ({@link SubmitLoad}: 4 producer threads each submit {@code perProducer} tiny tasks and
 * wait for all their futures; the task reads the clock and records its submit-to-start delay in
 * one shared {@link Recorder}), repeated for {@code batches} batches in one JVM, printing the median batch
 * time of every window of 50 batches. On this 2-core machine the batch time is bistable (a fast
 * and a slow level about twice as long, switching between JVMs and within one): a mean over
 * batches or over JMH iterations hides which level was measured, so phases must be counted.
 * {@code jmh-benchmarks/submit-phases} runs it over many JVMs and summarizes.
 *
 * <pre>java -cp jmh-benchmarks/target/benchmarks.jar org.wsched.bench.SubmitPhases wsched 2 1200 10000 [bare]</pre>
 *
 * With {@code bare} the task only reads the clock, without recording into the shared
 * {@link Recorder}: the recorder's own contention (two atomic increments on one shared line per
 * task, in every implementation) then no longer hides the cost of the scheduler's path.
 * Output, one line per window: {@code window <n> median_ms <m>}; then {@code windows <n> tasks <count>}.
 */
public final class SubmitPhases {

    /** Batches per printed window. */
    static final int WINDOW = 50;
    static final int PRODUCERS = 4;

    private SubmitPhases() {
    }

    public static void main(String[] a) throws Exception {
        String usage = "usage: SubmitPhases IMPL PARALLELISM BATCHES TASKS_PER_PRODUCER [bare]"
                + " (IMPL: wsched, centralized or fjp), e.g. SubmitPhases wsched 2 1200 10000";
        if (a.length < 4 || a.length > 5 || (a.length == 5 && !a[4].equals("bare"))) {
            System.err.println(usage);
            System.exit(2);
        }
        int p;
        int batches;
        int per;
        try {
            p = Integer.parseInt(a[1]);
            batches = Integer.parseInt(a[2]);
            per = Integer.parseInt(a[3]);
        } catch (NumberFormatException e) {
            System.err.println("PARALLELISM, BATCHES and TASKS_PER_PRODUCER must be whole numbers (" + e.getMessage()
                    + "); " + usage);
            System.exit(2);
            return;
        }
        boolean record = a.length == 4;
        long[] windows;
        try {
            windows = run(a[0], p, batches, per, record,
                    (w, ms) -> System.out.printf("window %d median_ms %.3f%n", w, ms));
        } catch (IllegalArgumentException e) { // a bad IMPL, or too few batches: the reason, not a trace
            System.err.println(e.getMessage() + "; " + usage);
            System.exit(2);
            return;
        }
        System.out.println("windows " + windows.length + " tasks " + (long) batches * PRODUCERS * per);
    }

    /** Receives the median of each window as it ends. */
    interface WindowSink {
        void window(int index, double medianMillis);
    }

    /**
     * Runs {@code batches} batches on a new pool of {@code impl} and returns each full window's
     * median batch time in nanoseconds (a last partial window is dropped). With {@code record}
     * every task records its submit-to-start delay in one shared recorder (as {@link SubmitBench}).
     */
    static long[] run(String impl, int parallelism, int batches, int perProducer, boolean record, WindowSink sink)
            throws Exception {
        Impl kind = Impl.parse(impl);
        if (kind != Impl.WSCHED && kind != Impl.CENTRALIZED && kind != Impl.FJP) {
            throw new IllegalArgumentException("impl=" + impl + ": submission phases are measured on wsched, "
                    + "centralized or fjp (the frames forms have no submission path of their own)");
        }
        if (batches < WINDOW || perProducer < 1) {
            throw new IllegalArgumentException("need at least " + WINDOW + " batches and 1 task per producer, got "
                    + batches + " and " + perProducer);
        }
        Recorder rec = new Recorder(3);
        ExecutorService producers = SubmitLoad.producers(PRODUCERS);
        List<Long> out = new ArrayList<>();
        try (ImplPool pool = ImplPool.open(impl, parallelism)) {
            ExecutorService target = pool.executor();
            List<Callable<Long>> jobs = new ArrayList<>();
            for (int i = 0; i < PRODUCERS; i++) {
                jobs.add(() -> SubmitLoad.produce(target, record ? rec : null, perProducer));
            }
            long[] times = new long[WINDOW];
            for (int b = 0; b < batches; b++) {
                long t0 = System.nanoTime();
                long n = 0;
                for (Future<Long> f : producers.invokeAll(jobs)) {
                    n += f.get();
                }
                times[b % WINDOW] = System.nanoTime() - t0;
                if (n != (long) PRODUCERS * perProducer) {
                    throw new IllegalStateException("batch " + b + " on " + impl + " completed " + n + " tasks, not "
                            + (long) PRODUCERS * perProducer);
                }
                if (b % WINDOW == WINDOW - 1) {
                    long[] s = times.clone();
                    Arrays.sort(s);
                    long median = s[WINDOW / 2];
                    out.add(median);
                    sink.window(out.size(), median / 1e6);
                }
            }
        } finally {
            producers.shutdownNow();
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
