package org.wsched.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.wsched.Scheduler;
import org.wsched.workloads.Fib;

/**
 * Idle CPU and wake-up latency, outside JMH (both need wall-clock waiting, not ops).
 *
 * <ul>
 *   <li><b>Idle CPU</b>: after a burst of work (fib without cutoff and a flood of external
 *       submissions), the CPU time of the pool's worker threads (found by thread name prefix:
 *       {@code wsched-ws-}, {@code wsched-central-}, {@code ForkJoinPool-}) over the next second,
 *       from {@link ThreadMXBean#getThreadCpuTime}; reported in percent of one core, for the
 *       window [0, 1 s) right after the burst (includes spin-down) and [1 s, 2 s).
 *   <li><b>Wake-up latency</b>: {@code samples} times, wait {@code gapMillis} so every worker
 *       parks, then take {@code System.nanoTime()}, {@code submit} a task that reads
 *       {@code System.nanoTime()} first thing, and wait for it: submit-to-start, p50/p90/p99/max.
 * </ul>
 *
 * Usage: {@code IdleHarness [samples] [gapMillis] [parallelism,...]}; prints one JSON object.
 */
public final class IdleHarness {

    private IdleHarness() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int gapMillis = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String[] ps = (args.length > 2 ? args[2] : "1,2").split(",");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("thread CPU time not supported on this JVM");
        }
        mx.setThreadCpuTimeEnabled(true);
        List<String> rows = new ArrayList<>();
        for (String pStr : ps) {
            int p = Integer.parseInt(pStr.trim());
            for (String impl : new String[] {"wsched", "centralized", "fjp"}) {
                rows.add(measure(mx, impl, p, samples, gapMillis));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("{\"samples\": ").append(samples).append(", \"gapMillis\": ").append(gapMillis)
                .append(", \"results\": [\n  ").append(String.join(",\n  ", rows)).append("\n]}");
        System.out.println(sb);
    }

    private static String measure(ThreadMXBean mx, String impl, int p, int samples, int gapMillis) throws Exception {
        ImplPool implPool = ImplPool.open(impl, p);
        ExecutorService pool = implPool.executor();
        Scheduler sched = implPool.sched;
        ForkJoinPool fjp = implPool.fjp;
        String prefix = switch (implPool.kind) {
            case WSCHED -> "wsched-ws-";
            case CENTRALIZED -> "wsched-central-";
            case FJP -> "ForkJoinPool-";
            default -> throw new IllegalArgumentException("impl must be wsched, centralized or fjp, not '" + impl + "'");
        };
        try {
            // Warm up the code paths, then the burst right before the idle window.
            for (int i = 0; i < 3; i++) {
                burst(pool, sched, fjp);
            }
            double[] idle = new double[2];
            int reps = 3;
            double[][] perRep = new double[reps][];
            for (int r = 0; r < reps; r++) {
                burst(pool, sched, fjp);
                Map<Long, Long> t0 = cpu(mx, prefix);
                long w0 = System.nanoTime();
                Thread.sleep(1000);
                Map<Long, Long> t1 = cpu(mx, prefix);
                long w1 = System.nanoTime();
                Thread.sleep(1000);
                Map<Long, Long> t2 = cpu(mx, prefix);
                long w2 = System.nanoTime();
                perRep[r] = new double[] {100.0 * delta(t0, t1) / (w1 - w0), 100.0 * delta(t1, t2) / (w2 - w1)};
            }
            for (int k = 0; k < 2; k++) {
                double[] v = new double[reps];
                for (int r = 0; r < reps; r++) {
                    v[r] = perRep[r][k];
                }
                java.util.Arrays.sort(v);
                idle[k] = v[reps / 2];
            }
            int threads = cpu(mx, prefix).size();

            Histogram h = new Histogram(3);
            for (int s = 0; s < samples; s++) {
                Thread.sleep(gapMillis);
                long[] started = new long[1];
                long submitted = System.nanoTime();
                Future<?> f = pool.submit(() -> {
                    started[0] = System.nanoTime();
                });
                f.get();
                h.recordValue(Math.max(0, started[0] - submitted));
            }
            return String.format(Locale.ROOT,
                    "{\"impl\": \"%s\", \"parallelism\": %d, \"workerThreads\": %d, \"idleCpuPct\": %.4f, "
                            + "\"idleCpuPctSecond2\": %.4f, \"wakeP50Us\": %.1f, \"wakeP90Us\": %.1f, \"wakeP99Us\": %.1f, "
                            + "\"wakeMaxUs\": %.1f, \"wakeSamples\": %d}",
                    impl, p, threads, idle[0], idle[1], h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
        } finally {
            implPool.close();
        }
    }

    /** About half a second of fork/join work and 20,000 external submissions. */
    private static void burst(ExecutorService pool, Scheduler sched, ForkJoinPool fjp) throws Exception {
        long deadline = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < deadline) {
            long r = sched != null ? sched.invoke(() -> Fib.wsched(22)) : fjp.invoke(new Fib.FjpFib(22));
            if (r != Fib.serial(22)) {
                throw new IllegalStateException("WRONG RESULT: fib(22) = " + r);
            }
        }
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int v = i;
            fs.add(pool.submit(() -> v));
        }
        for (Future<Integer> f : fs) {
            f.get();
        }
    }

    /** CPU time of the live threads whose name starts with prefix, by thread id. */
    private static Map<Long, Long> cpu(ThreadMXBean mx, String prefix) {
        Map<Long, Long> m = new HashMap<>();
        for (ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null && ti.getThreadName().startsWith(prefix)) {
                long c = mx.getThreadCpuTime(ti.getThreadId());
                if (c >= 0) {
                    m.put(ti.getThreadId(), c);
                }
            }
        }
        return m;
    }

    /** CPU used between two snapshots; a thread that appeared in between counts from zero. */
    private static long delta(Map<Long, Long> a, Map<Long, Long> b) {
        long d = 0;
        for (Map.Entry<Long, Long> e : b.entrySet()) {
            d += e.getValue() - a.getOrDefault(e.getKey(), 0L);
        }
        return d;
    }
}
