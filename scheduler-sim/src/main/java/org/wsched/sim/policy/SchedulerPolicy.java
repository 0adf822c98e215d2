package org.wsched.sim.policy;

import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.util.SplitMix64;

/**
 * A scheduling policy the simulator runs: an immutable description that creates fresh
 * {@link ReadyWork} state for every run. Find the named ones in {@link Schedulers}.
 */
public interface SchedulerPolicy {
    /** The CLI name, e.g. {@code ws-p2c}. */
    String name();

    /** One line saying what the policy does. */
    String description();

    /**
     * For a non-stealing policy: whether free processors choose only once every completion of
     * the current tick has been processed, so that they see every node ready at that tick (a
     * list scheduler with priorities, as Graham's model has it). If false, a processor that
     * finishes a node takes the next one at once, before later completions of the same tick;
     * for a FIFO queue this changes only which processor runs a node, never when.
     */
    default boolean choosesPerTick() {
        return false;
    }

    /**
     * Whether the policy knows the whole graph in advance (an offline list scheduler such as
     * {@code hlfet}) rather than only the nodes made ready so far; tables and charts label it.
     */
    default boolean offline() {
        return false;
    }

    /** The name as tables and charts show it: {@code hlfet (offline)} for an offline policy. */
    default String label() {
        return offline() ? name() + " (offline)" : name();
    }

    /**
     * Whether idle processors steal: each attempt costs the steal latency whether it succeeds
     * or not. If false, an idle processor waits at no cost until a node becomes ready and takes
     * it at once (a centralized greedy scheduler, the default).
     */
    default boolean steals() {
        return false;
    }

    /** Fresh state for one run on {@code procs} processors, drawing randomness from {@code rng}. */
    ReadyWork start(TaskGraph graph, int procs, SplitMix64 rng);
}
