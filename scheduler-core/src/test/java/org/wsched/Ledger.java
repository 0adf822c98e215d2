package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Accounts for every task handed to a pool (issue #13, item 1): each accepted task (execute or
 * submit returned without RejectedExecutionException) must end exactly one way: it ran, it is in
 * exactly one list returned by shutdownNow (running that Runnable afterwards runs it), or its
 * Future is done and cancelled. The three sets are disjoint and cover every accepted task; a
 * rejected task never runs.
 */
final class Ledger {

    static final int UNKNOWN = 0;
    static final int ACCEPTED = 1;
    static final int REJECTED = 2;

    final int size;
    /** Runs by the pool (before the drain). */
    final AtomicIntegerArray ran;
    /** Runs by the test, of the Runnables shutdownNow returned (after the pool terminated). */
    final AtomicIntegerArray drained;
    final AtomicIntegerArray accepted;
    final AtomicReferenceArray<Future<?>> futures;
    private volatile boolean draining;
    private final java.util.concurrent.atomic.AtomicLong drainedRuns = new java.util.concurrent.atomic.AtomicLong();
    private int returnedCount;
    private int returnedDead;
    private final List<Throwable> drainFailures = new ArrayList<>();

    Ledger(int size) {
        this.size = size;
        ran = new AtomicIntegerArray(size);
        drained = new AtomicIntegerArray(size);
        accepted = new AtomicIntegerArray(size);
        futures = new AtomicReferenceArray<>(size);
    }

    /** The counting body of task {@code id}. */
    Runnable task(int id) {
        return () -> mark(id);
    }

    /** Counts one run of task {@code id}: by the pool, or (after {@link #drain}) by the test. */
    void mark(int id) {
        if (draining) {
            drained.incrementAndGet(id);
            drainedRuns.incrementAndGet();
        } else {
            ran.incrementAndGet(id);
        }
    }

    boolean isDraining() {
        return draining;
    }

    /** Hands task {@code id} to the pool: execute (no Future) or submit. */
    void offer(Scheduler pool, int id, boolean execute) {
        offer(pool, id, execute, task(id));
    }

    void offer(Scheduler pool, int id, boolean execute, Runnable body) {
        try {
            if (execute) {
                pool.execute(body);
            } else {
                futures.set(id, pool.submit(body));
            }
            accepted.set(id, ACCEPTED);
        } catch (RejectedExecutionException e) {
            accepted.set(id, REJECTED);
        }
    }

    /** Runs, on this thread, every Runnable that shutdownNow returned; call once the pool terminated. */
    void drain(List<? extends Runnable> returned) {
        draining = true;
        for (Runnable r : returned) {
            returnedCount++;
            long before = drainedSum();
            try {
                r.run();
            } catch (Throwable t) {
                drainFailures.add(t);
            }
            if (drainedSum() == before) {
                returnedDead++; // returned, but running it did nothing: already cancelled or run
            }
        }
    }

    private long drainedSum() {
        return drainedRuns.get();
    }

    /** Asserts the accounting; {@code what} names the round. */
    void assertEveryAcceptedTaskEndedExactlyOnce(String what) {
        int acc = 0, rej = 0, ranN = 0, drainedN = 0, cancelledN = 0, lost = 0, twice = 0, rejectedRan = 0, lostExec = 0;
        List<Integer> lostIds = new ArrayList<>();
        List<Integer> twiceIds = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int a = accepted.get(i);
            int r = ran.get(i);
            int d = drained.get(i);
            Future<?> f = futures.get(i);
            int c = f != null && f.isCancelled() ? 1 : 0;
            if (a == REJECTED) {
                rej++;
                if (r + d > 0) {
                    rejectedRan++;
                }
                continue;
            }
            if (a != ACCEPTED) {
                continue; // never offered (a producer stopped early)
            }
            acc++;
            ranN += r;
            drainedN += d;
            cancelledN += c;
            int ways = r + d + c;
            if (ways == 0) {
                lost++;
                if (f == null) {
                    lostExec++;
                }
                if (lostIds.size() < 5) {
                    lostIds.add(i);
                }
            } else if (ways > 1) {
                twice++;
                if (twiceIds.size() < 5) {
                    twiceIds.add(i);
                }
            }
        }
        String summary = what + ": accepted " + acc + ", rejected " + rej + "; ran " + ranN + ", returned by shutdownNow "
                + returnedCount + " (ran when run: " + drainedN + ", did nothing when run: " + returnedDead
                + "), cancelled futures " + cancelledN + "; LOST " + lost + " (of which execute() tasks " + lostExec
                + ", e.g. ids " + lostIds + "), ended more than one way " + twice + " (e.g. ids " + twiceIds
                + "), rejected but ran " + rejectedRan + ", drain failures " + drainFailures;
        assertThat(lost).as(summary).isZero();
        assertThat(twice).as(summary).isZero();
        assertThat(rejectedRan).as(summary).isZero();
        assertThat(returnedDead).as("every Runnable shutdownNow returned must be runnable (never started, not cancelled): "
                + summary).isZero();
        assertThat(drainFailures).as(summary).isEmpty();
    }
}
