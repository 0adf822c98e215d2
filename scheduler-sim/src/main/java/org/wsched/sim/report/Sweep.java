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

    /**
     * What a sweep runs: every combination of these, in this order.
     *
     * @param available P_A for multiprogrammed runs (at most P: min(P_A, P) is used), or 0 for
     *                  dedicated processors
     * @param quantum   the kernel's quantum when {@code available > 0}
     */
    public record Plan(List<Dag> dags, List<SchedulerPolicy> schedulers, List<Long> latencies, List<Integer> procs,
                       List<Long> seeds, int available, long quantum) {
        /** The number of runs. */
        public int runs() {
            return dags.size() * schedulers.size() * latencies.size() * procs.size() * seeds.size();
        }

        /** The configuration of one run. */
        public SimConfig config(int p, long seed, long latency) {
            return available > 0 && available < p ? new SimConfig(p, seed, latency, available, quantum)
                    : new SimConfig(p, seed, latency);
        }

        /** The estimated events of the whole sweep ({@link EventEstimate}). */
        public double events() {
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
    }

    /**
     * Runs the sweep.
     *
     * @param progress where to report progress, or null for nowhere
     */
    public static List<RunResult> run(Plan plan, int threads, Progress progress) throws InterruptedException {
        List<Runnable> jobs = new ArrayList<>();
        RunResult[] results = new RunResult[plan.runs()];
        int index = 0;
        for (Dag d : plan.dags()) {
            for (SchedulerPolicy s : plan.schedulers()) {
                for (long latency : plan.latencies()) {
                    for (int p : plan.procs()) {
                        double weight = EventEstimate.events(d.graph(), s, p, latency);
                        for (long seed : plan.seeds()) {
                            int slot = index++;
                            jobs.add(() -> {
                                SimConfig c = plan.config(p, seed, latency);
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
