package org.wsched.sim.metrics;

import java.util.List;
import java.util.Map;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Sweep;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.util.KeyValues;

/**
 * Everything reported for one simulated run: the graph's work and span, the makespan, the
 * bounds and how far the run is from them, and the stealing and load-balance counters.
 * {@link #toMap()} gives the keys, in order, that JSON and CSV output use.
 *
 * @param dag                   the dag spec as given
 * @param scheduler             the policy name
 * @param procs                 P
 * @param seed                  the run's seed
 * @param stealLatency          ticks per steal attempt
 * @param timeUnit              what a tick stands for
 * @param nodes                 node count
 * @param edges                 edge count
 * @param work                  T1
 * @param span                  T∞
 * @param makespan              T_P
 * @param lowerBound            max(⌈T1/P⌉, T∞)
 * @param grahamBound           T1/P + (1 − 1/P)·T∞
 * @param stealAttempts         steal attempts
 * @param steals                successful steals
 * @param idleTicks             P·T_P − T1: processor ticks not spent running nodes
 * @param busyMin               least busy ticks of a processor
 * @param busyMax               most busy ticks of a processor
 * @param available             P_A, processors the kernel grants per quantum (P when dedicated)
 * @param quantum               the kernel's quantum in ticks (0 when dedicated)
 */
public record RunResult(String dag, String scheduler, int procs, long seed, long stealLatency, String timeUnit,
                        int nodes, int edges, long work, long span, long makespan, long lowerBound,
                        double grahamBound, long stealAttempts, long steals, long idleTicks, long busyMin,
                        long busyMax, int available, long quantum) {

    /** The keys of {@link #toMap()}, in order: the JSON keys and the CSV header. */
    public static final List<String> KEYS = List.of("dag", "scheduler", "procs", "seed", "stealLatency", "timeUnit",
            "nodes", "edges", "work", "span", "parallelism", "makespan", "lowerBound", "grahamBound",
            "ratioToLowerBound", "ratioToWorkPlusSpan", "speedup", "efficiency", "utilization", "stealAttempts",
            "steals", "stealAttemptsPerPSpan", "idleTicks", "busyMin", "busyMax", "busyMean", "imbalance", "available",
            "quantum", "abpBound", "ratioToAbpBound");

    /** The result of one run of a sweep. */
    public static RunResult of(Sweep.Run run) {
        return of(run.dag().spec(), run.scheduler().name(), run.dag().graph(), run.config(), run.stats());
    }

    /**
     * Derives the result of a run from its graph, configuration and measurements. In a
     * multiprogrammed run the lower bound is max(⌈T1/P_A⌉, T∞): at most P_A processors run at once.
     */
    public static RunResult of(String dag, String scheduler, TaskGraph g, SimConfig c, RunStats s) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long b : s.busy()) {
            min = Math.min(min, b);
            max = Math.max(max, b);
        }
        int p = c.procs();
        return new RunResult(dag, scheduler, p, c.seed(), c.stealLatency(), g.timeUnit(), g.nodeCount(),
                g.edgeCount(), g.work(), g.span(), s.makespan(), Bounds.lowerBound(g.work(), g.span(), c.available()),
                Bounds.grahamBound(g.work(), g.span(), p), s.stealAttempts(), s.steals(),
                p * s.makespan() - g.work(), min, max, c.available(), c.quantum());
    }

    /** T1 / T∞. */
    public double parallelism() {
        return span == 0 ? 1.0 : (double) work / span;
    }

    /** T_P / lower bound (1 is optimal). */
    public double ratioToLowerBound() {
        return lowerBound == 0 ? 1.0 : (double) makespan / lowerBound;
    }

    /** T_P / (T1/P + T∞): the constant hidden in work stealing's O(T1/P + T∞). */
    public double ratioToWorkPlusSpan() {
        double d = (double) work / procs + span;
        return d == 0 ? 1.0 : makespan / d;
    }

    /** T1 / T_P. */
    public double speedup() {
        return makespan == 0 ? 1.0 : (double) work / makespan;
    }

    /** Speedup / P. */
    public double efficiency() {
        return speedup() / procs;
    }

    /** Fraction of processor time spent running nodes: T1 / (P·T_P). */
    public double utilization() {
        return makespan == 0 ? 1.0 : (double) work / ((double) procs * makespan);
    }

    /** Steal attempts / (P·T∞): the constant in the O(P·T∞) bound on attempts. */
    public double stealAttemptsPerPSpan() {
        return span == 0 ? 0.0 : (double) stealAttempts / ((double) procs * span);
    }

    /** Mean busy ticks per processor, T1 / P. */
    public double busyMean() {
        return (double) work / procs;
    }

    /** Load imbalance: busiest processor's ticks over the mean (1 is perfectly balanced). */
    public double imbalance() {
        return work == 0 ? 1.0 : busyMax / busyMean();
    }

    /**
     * Arora, Blumofe and Plaxton's T1/P_A + T∞·P/P_A: work stealing's expected makespan is
     * O(this) when a kernel grants P_A of P processors (equal to T1/P + T∞ when dedicated).
     */
    public double abpBound() {
        return (double) work / available + (double) span * procs / available;
    }

    /** T_P / (T1/P_A + T∞·P/P_A): the constant hidden in the O(). */
    public double ratioToAbpBound() {
        double b = abpBound();
        return b == 0 ? 1.0 : makespan / b;
    }

    /** All reported values under the keys of {@link #KEYS}, in that order. */
    public Map<String, Object> toMap() {
        return KeyValues.zip(KEYS, dag, scheduler, procs, seed, stealLatency, timeUnit, nodes, edges, work, span,
                parallelism(), makespan, lowerBound, grahamBound, ratioToLowerBound(), ratioToWorkPlusSpan(),
                speedup(), efficiency(), utilization(), stealAttempts, steals, stealAttemptsPerPSpan(), idleTicks,
                busyMin, busyMax, busyMean(), imbalance(), available, quantum, abpBound(), ratioToAbpBound());
    }
}
