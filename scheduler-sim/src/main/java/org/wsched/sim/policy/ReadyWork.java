package org.wsched.sim.policy;

/**
 * The per-run state of a {@link SchedulerPolicy}: where ready nodes wait and how processors
 * get them. The simulator ({@code org.wsched.sim.engine.Simulator}) is the mechanism and calls
 * these methods; it never looks inside.
 */
public interface ReadyWork {
    /**
     * Processor {@code proc} finished a node that made {@code count} successors ready:
     * {@code nodes[0..count)}, reached through edges of kinds {@code edgeKinds[0..count)}
     * (codes of {@link org.wsched.sim.graph.EdgeKind}), in the graph's successor order. At time 0
     * the graph's sources are reported as enabled by processor 0.
     */
    void enabled(int proc, int[] nodes, byte[] edgeKinds, int count);

    /** The next node processor {@code proc} runs without stealing, or −1 if it has none. */
    int takeLocal(int proc);

    /**
     * One steal attempt by {@code thief}, whose latency the simulator has already charged;
     * returns the node the thief runs now, or −1 if the attempt failed. Only called when
     * {@link SchedulerPolicy#steals()}; a policy whose processors do not steal need not
     * implement it.
     */
    default int steal(int thief) {
        throw new UnsupportedOperationException("a policy whose processors do not steal was asked for a steal");
    }

    /** Whether any ready node waits anywhere (the simulator wakes or un-parks idle processors). */
    boolean hasReadyWork();

    /**
     * The simulator accounted for {@code count} failed steal attempts by {@code thief} without
     * calling {@link #steal} (while every deque was empty); policies with per-thief state, such
     * as round-robin victims, advance it here.
     */
    default void skippedAttempts(int thief, long count) {
    }
}
