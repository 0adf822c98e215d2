package org.wsched;

/**
 * One worker's statistics counters: plain {@code long} fields written only by their worker, so
 * counting costs no atomic and no shared write; {@link AbstractPool#stats()} sums them with racy
 * reads (a snapshot, exact once the workers have exited). Padding before and after, by an
 * inheritance chain (HotSpot lays out a superclass's fields first), keeps the block on cache lines
 * no other field shares, so counting never invalidates a line another thread reads.
 */
final class WorkerCounters extends WorkerCountersFields {
    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;
}

/** Padding before the counters. */
abstract class WorkerCountersPad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

/** The counters themselves (see {@link WorkerCounters}). */
abstract class WorkerCountersFields extends WorkerCountersPad {
    /** Tasks run outside the join fast path (worker loop, wait loop, helping, slow joins). */
    long tasksExecuted;
    /** Tasks the join fast path ({@link Task#joinFast}) took back from the deque and ran inline. */
    long inlineRuns;
    long spawns;
    long stealAttempts;
    long steals;
    long parks;
    long queueOffers;
    long queuePolls;
    long queueContention;
    long busyNanos;
}
