package org.wsched.sim.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;

/**
 * Runs every (dag, scheduler, procs, seed) combination on a pool of threads and returns the
 * results in a fixed order (dag, scheduler, procs, seed), whatever order the runs finish in.
 * Graphs are immutable and shared by the runs.
 */
public final class Sweep {
    private Sweep() {
    }

    /** One dag of the sweep: its spec as given and its graph. */
    public record Dag(String spec, TaskGraph graph) {
    }

    /**
     * Runs the sweep.
     *
     * @param progress where to draw a progress bar, or null for none
     */
    public static List<RunResult> run(List<Dag> dags, List<SchedulerPolicy> schedulers, List<Integer> procs,
                                      List<Long> seeds, long stealLatency, int threads, PrintWriter progress)
            throws InterruptedException {
        List<Runnable> jobs = new ArrayList<>();
        int total = dags.size() * schedulers.size() * procs.size() * seeds.size();
        RunResult[] results = new RunResult[total];
        AtomicInteger done = new AtomicInteger();
        int index = 0;
        for (Dag d : dags) {
            for (SchedulerPolicy s : schedulers) {
                for (int p : procs) {
                    for (long seed : seeds) {
                        int slot = index++;
                        jobs.add(() -> {
                            SimConfig c = new SimConfig(p, seed, stealLatency);
                            RunStats stats = Simulator.run(d.graph(), s, c);
                            results[slot] = RunResult.of(d.spec(), s.name(), d.graph(), c, stats);
                            int n = done.incrementAndGet();
                            if (progress != null) {
                                drawBar(progress, n, total);
                            }
                        });
                    }
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "wsched-sim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable j : jobs) {
                futures.add(pool.submit(j));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (progress != null) {
            progress.print("\r" + " ".repeat(70) + "\r");
            progress.flush();
        }
        return List.of(results);
    }

    private static synchronized void drawBar(PrintWriter out, int done, int total) {
        int width = 40;
        int filled = (int) ((long) done * width / total);
        out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " runs");
        out.flush();
    }
}
