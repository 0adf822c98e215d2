package org.wsched.sim.metrics;

import java.util.Locale;
import org.wsched.sim.engine.Sweep;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.SchedulerPolicy;

/**
 * A rough upper estimate of the events one run processes, to warn before a run that will take
 * minutes and to weight a sweep's progress: one per node, plus, for a stealing policy, one per
 * steal attempt, of which each of the P processors makes at most one every L ticks for as long
 * as the run lasts (at least the lower bound). Parked thieves make the real count smaller.
 */
public final class EventEstimate {
    /** Above this many estimated events a run gets a warning (minutes at ~10 M events/s). */
    public static final double HUGE = 1e9;
    /** Simulated events per second assumed for time estimates. */
    private static final double EVENTS_PER_SECOND = 1e7;

    private EventEstimate() {
    }

    /** Estimated events of {@code policy} on {@code g} with P processors and steal latency L. */
    public static double events(TaskGraph g, SchedulerPolicy policy, int procs, long latency) {
        double events = g.nodeCount();
        if (policy.steals() && procs > 1) {
            events += (double) procs * Bounds.lowerBound(g.work(), g.span(), procs) / latency;
        }
        return events;
    }

    /** Estimated events of one run of a sweep. */
    public static double events(Sweep.Run run) {
        return events(run.dag().graph(), run.scheduler(), run.config().procs(), run.config().stealLatency());
    }

    /** Estimated events of every run of {@code plan}. */
    public static double events(Sweep.Plan plan) {
        double e = 0;
        for (Sweep.Dag d : plan.dags()) {
            for (SchedulerPolicy s : plan.schedulers()) {
                for (long l : plan.latencies()) {
                    for (int p : plan.procs()) {
                        e += events(d.graph(), s, p, l) * plan.seeds().size();
                    }
                }
            }
        }
        return e;
    }

    /**
     * A one-line warning if the run of {@code policy} on {@code g} with P processors and steal
     * latency L is estimated to be huge, else null.
     *
     * @param what the run, e.g. "this run"
     */
    public static String warning(String what, TaskGraph g, SchedulerPolicy policy, int procs, long latency) {
        double events = events(g, policy, procs, latency);
        if (events < HUGE) {
            return null;
        }
        return String.format(Locale.ROOT, "warning: %s may process about %.1e events (%,d nodes and up to "
                + "P x lower bound / steal latency = %,d x %,d / %,d steal attempts): at least %s at %.0e events/s; "
                + "a smaller --procs or a larger --steal-latency is faster", what, events, g.nodeCount(), procs,
                Bounds.lowerBound(g.work(), g.span(), procs), latency, duration(events / EVENTS_PER_SECOND),
                EVENTS_PER_SECOND);
    }

    /** A duration in seconds as "42 s", "12 min" or "3.5 h". */
    public static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
