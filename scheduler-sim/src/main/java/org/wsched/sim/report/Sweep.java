package org.wsched.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.EventEstimate;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;

/**
 * Runs every (dag, scheduler, steal latency, procs, seed) combination on a pool of threads and
 * returns the results in that fixed order, whatever order the runs finish in. Graphs are
 * immutable and shared by the runs.
 */
public final class Sweep {
    private Sweep() {
    }

    /** One dag of the sweep: its spec as given and its graph. */
    public record Dag(String spec, TaskGraph graph) {
    }

    /** The number of runs of a sweep. */
    public static int runs(List<Dag> dags, List<SchedulerPolicy> schedulers, List<Long> latencies,
                           List<Integer> procs, List<Long> seeds) {
        return dags.size() * schedulers.size() * latencies.size() * procs.size() * seeds.size();
    }

    /** The estimated events of the whole sweep ({@link EventEstimate}). */
    public static double events(List<Dag> dags, List<SchedulerPolicy> schedulers, List<Long> latencies,
                                List<Integer> procs, List<Long> seeds) {
        double e = 0;
        for (Dag d : dags) {
            for (SchedulerPolicy s : schedulers) {
                for (long l : latencies) {
                    for (int p : procs) {
                        e += EventEstimate.events(d.graph(), s, p, l) * seeds.size();
                    }
                }
            }
        }
        return e;
    }

    /**
     * Runs the sweep.
     *
     * @param progress where to report progress, or null for nowhere
     */
    public static List<RunResult> run(List<Dag> dags, List<SchedulerPolicy> schedulers, List<Long> latencies,
                                      List<Integer> procs, List<Long> seeds, int threads, Progress progress)
            throws InterruptedException {
        List<Runnable> jobs = new ArrayList<>();
        RunResult[] results = new RunResult[runs(dags, schedulers, latencies, procs, seeds)];
        int index = 0;
        for (Dag d : dags) {
            for (SchedulerPolicy s : schedulers) {
                for (long latency : latencies) {
                    for (int p : procs) {
                        double weight = EventEstimate.events(d.graph(), s, p, latency);
                        for (long seed : seeds) {
                            int slot = index++;
                            jobs.add(() -> {
                                SimConfig c = new SimConfig(p, seed, latency);
                                RunStats stats = Simulator.run(d.graph(), s, c);
                                results[slot] = RunResult.of(d.spec(), s.name(), d.graph(), c, stats);
                                if (progress != null) {
                                    progress.done(weight);
                                }
                            });
                        }
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
            progress.finish();
        }
        return List.of(results);
    }
}
