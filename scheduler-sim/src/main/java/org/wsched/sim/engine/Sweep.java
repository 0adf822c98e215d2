package org.wsched.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.SchedulerPolicy;

/**
 * Runs every (dag, scheduler, steal latency, procs, seed) combination on a pool of threads and
 * returns the runs in that fixed order, whatever order they finish in. Graphs are immutable and
 * shared by the runs.
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
        /** Checks that a multiprogrammed plan has only work-stealing schedulers. */
        public Plan {
            for (SchedulerPolicy s : schedulers) {
                if (available > 0 && !s.steals()) {
                    throw new IllegalArgumentException("a multiprogrammed sweep (P_A = " + available + ") needs "
                            + "work-stealing schedulers; " + s.name()
                            + " is centralized and would hand work to descheduled processors");
                }
            }
        }

        /** The number of runs. */
        public int runs() {
            return dags.size() * schedulers.size() * latencies.size() * procs.size() * seeds.size();
        }

        /** The configuration of one run. */
        public SimConfig config(int p, long seed, long latency) {
            return SimConfig.of(p, seed, latency, available, quantum);
        }
    }

    /** One finished run of a sweep: what ran, how, and what it measured. */
    public record Run(Dag dag, SchedulerPolicy scheduler, SimConfig config, RunStats stats) {
    }

    /** One run with every node's schedule recorded: its scheduler, the record and the makespan. */
    public record Recorded(SchedulerPolicy scheduler, ScheduleRecord record, long makespan) {
    }

    /**
     * Runs each of {@code schedulers} once on {@code dag} with {@code config}, recording the
     * schedules (for charts over time, such as utilisation).
     */
    public static List<Recorded> recordEach(Dag dag, List<SchedulerPolicy> schedulers, SimConfig config) {
        List<Recorded> out = new ArrayList<>();
        for (SchedulerPolicy s : schedulers) {
            ScheduleRecord rec = new ScheduleRecord(dag.graph().nodeCount());
            out.add(new Recorded(s, rec, Simulator.run(dag.graph(), s, config, rec).makespan()));
        }
        return out;
    }

    /**
     * Runs the sweep.
     *
     * @param threads how many runs at once
     * @param done    told of every run as it finishes (from the sweep's threads, one at a time or
     *                concurrently), or null
     * @return the runs in the plan's order
     */
    public static List<Run> run(Plan plan, int threads, Consumer<Run> done) throws InterruptedException {
        List<Runnable> jobs = new ArrayList<>();
        Run[] runs = new Run[plan.runs()];
        int index = 0;
        for (Dag d : plan.dags()) {
            for (SchedulerPolicy s : plan.schedulers()) {
                for (long latency : plan.latencies()) {
                    for (int p : plan.procs()) {
                        for (long seed : plan.seeds()) {
                            int slot = index++;
                            jobs.add(() -> {
                                SimConfig c = plan.config(p, seed, latency);
                                Run r = new Run(d, s, c, Simulator.run(d.graph(), s, c));
                                runs[slot] = r;
                                if (done != null) {
                                    done.accept(r);
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
        return List.of(runs);
    }
}
