package org.wsched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.wsched.internal.VarHandles;

/**
 * One worker's statistics counters: plain {@code long} fields written only by their worker, so
 * counting costs no atomic and no shared write; {@link AbstractPool#stats()} sums them with racy
 * reads (a snapshot, exact once the workers have exited). Padding before and after, by an
 * inheritance chain (HotSpot lays out a superclass's fields first), keeps the block on cache lines
 * no other field shares, so counting never invalidates a line another thread reads.
 */
final class WorkerCounters extends WorkerCountersFields {
    private static final VarHandle BUSY_SINCE = VarHandles.field(MethodHandles.lookup(), WorkerCountersFields.class, "busySince", long.class);

    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;

    /** Worker: a run of busy time starts now, unless one is open (see busySince). */
    void startBusy() {
        if (busySince == 0L) { // plain: only this worker writes it
            long now = System.nanoTime();
            BUSY_SINCE.setRelease(this, now != 0L ? now : 1L); // pairs with getAcquire() in busyNanosNow()
        }
    }

    /** Worker: closes the open run of busy time, if any, adding it to {@link #busyNanos}. */
    void endBusy() {
        long since = busySince; // plain: only this worker writes it
        if (since != 0L) {
            busyNanos += System.nanoTime() - since;
            // Release: the sum above is visible to a reader that sees the run closed; pairs
            // with getAcquire() in busyNanosNow().
            BUSY_SINCE.setRelease(this, 0L);
        }
    }

    /**
     * Any thread (statistics): busy time so far, including the run still open at {@code now}.
     * Racy: a run closed during the read may be counted twice, never lost.
     */
    long busyNanosNow(long now) {
        long since = (long) BUSY_SINCE.getAcquire(this); // pairs with the release stores in startBusy()/endBusy()
        long done = busyNanos; // plain: read after the acquire above, so it includes every closed run
        return since != 0L ? done + Math.max(0L, now - since) : done;
    }
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
    /**
     * When the worker's open run of busy time began ({@code System.nanoTime()}, never 0), or 0
     * if none is open: opened by the first top-level task the worker's loop finds after it found
     * none, closed when it next finds none. A stream of tasks run back to back costs no clock
     * read per task. Written by the worker only, with release stores (read by statistics).
     */
    long busySince;
    /** Submitted tasks this worker started from its loop: the count of the latency histogram. */
    long submissionsStarted;
}
