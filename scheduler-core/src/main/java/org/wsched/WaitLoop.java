package org.wsched;

import java.util.concurrent.locks.LockSupport;

/**
 * The one wait loop of a worker, used by every join, {@code Future.get} and timed wait of a
 * worker: help with other work (the pool's policy decides what: {@link AbstractPool#helpOnce}),
 * then spin, yield and park for short, growing periods, registered as a waiter so completion
 * unparks it at once. Threads that are not workers block in {@link TaskState#awaitBlocking}.
 */
final class WaitLoop {

    /** Nested helping (running other tasks while joining) stops at this depth; the joiner then blocks. */
    static final int MAX_HELP_DEPTH = 16;
    /** While submissions wait, a joining worker runs them once every this many + 1 joins (see fairnessTick). */
    static final int FAIRNESS_MASK = 63;

    private WaitLoop() {
    }

    /**
     * The one wait loop: worker {@code w} waits until {@code task} is done, helping with other
     * work meanwhile ({@link AbstractPool#helpOnce}), then spinning, yielding and parking for short,
     * growing periods (registered as a waiter, so completion unparks it at once). Every join,
     * {@code Future.get} and timed wait of a worker ends here.
     *
     * <p>Interrupts: with {@code interruptible} (Future.get) an interrupt throws
     * {@link InterruptedException}; otherwise (join) the interrupt flag is cleared while waiting,
     * so parking does not degenerate into spinning, and set again on return. A pool stopped by
     * {@code shutdownNow} ends every wait with a {@link java.util.concurrent.CancellationException}.
     *
     * @param deadline {@code System.nanoTime()} deadline, or 0 for none
     * @return true if the task is done, false if the deadline passed
     * @throws InterruptedException if {@code interruptible} and the thread was interrupted
     */
    static boolean awaitDone(Worker w, Task<?> task, long deadline, boolean interruptible) throws InterruptedException {
        boolean interrupted = false;
        int spins = 0;
        try {
            for (;;) {
                if (w.takenCount != 0) {
                    WorkerLoop.completeTaken(w); // a task taken or helped deeper down that an error left pending
                }
                if (task.isDone()) {
                    return true;
                }
                if (w.pool.helpOnce(w, task)) {
                    spins = 0;
                    continue;
                }
                if (task.isDone()) {
                    return true;
                }
                if (Thread.interrupted()) {
                    if (interruptible) {
                        throw new InterruptedException("interrupted while waiting for " + task);
                    }
                    interrupted = true;
                }
                if (w.pool.lvState() >= AbstractPool.STOP) {
                    throw new java.util.concurrent.CancellationException("the " + w.pool.kind() + " pool was stopped by "
                            + "shutdownNow() while this worker waited for " + task);
                }
                long parkNanos = 1_000_000L;
                if (deadline != 0L) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        return false;
                    }
                    parkNanos = Math.min(parkNanos, left);
                }
                waitStep(w, task, spins++, parkNanos);
            }
        } finally {
            w.waitingOn = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link #awaitDone} for join: no deadline, not interruptible. */
    static void awaitDoneUninterruptibly(Worker w, Task<?> task) {
        try {
            awaitDone(w, task, 0L, false);
        } catch (InterruptedException e) {
            throw new AssertionError("not interruptible", e);
        }
    }

    /**
     * One step of waiting for {@code task} when there is nothing to help with: spin, then
     * yield, then park for at most {@code parkNanos} (registered as a waiter, so completion
     * wakes it at once).
     */
    private static void waitStep(Worker w, Task<?> task, int spins, long parkNanos) {
        if (spins < 256) {
            Thread.onSpinWait();
        } else if (spins < 512) {
            Thread.yield();
        } else {
            if (w.waitingOn != task) {
                if (!task.registerWaiter(new TaskState.WaitNode(w.thread()))) {
                    return; // completing right now
                }
                w.waitingOn = task;
            }
            if (!task.isDone()) {
                LockSupport.parkNanos(task, parkNanos);
            }
        }
    }

    /**
     * Counts a join of {@code w} for fairness; every {@link #FAIRNESS_MASK}+1 counted joins, runs
     * the waiting submissions first. The join fast path ({@link Task#joinFast}) calls this only
     * while the pool's {@link org.wsched.internal.idle.SubmissionFlag} is raised, so a
     * computation with no submissions waiting pays one plain load per join and no count; the
     * slow join paths (tracing, centralized pool) call it on every join.
     */
    static void fairnessTick(Worker w) {
        if ((++w.fairnessTicks & FAIRNESS_MASK) == 0) {
            runWaitingSubmissions(w);
        }
    }

    /**
     * The join fast path and frames syncs saw the "submissions waiting" flag raised: if the queue
     * is in fact empty (a worker took the submission between its offer and the raise: the usual
     * {@code invoke}), lowers the flag at once, so the fast path takes this branch once rather
     * than until the 64th join; otherwise counts the join ({@link #fairnessTick}).
     */
    static void fairnessTickRaised(Worker w) {
        if (!w.pool.sharedQueue.lowerIfEmpty()) {
            fairnessTick(w);
        }
    }

    /**
     * Fairness inside long computations: a joining worker first runs the submissions waiting in
     * the shared queue (up to {@code FAIRNESS_MASK + 1} of them, depth-bounded), so external work
     * does not wait for a whole fork/join computation to end, and a steady stream of submissions
     * cannot build a backlog behind it. A worker that finds the queue empty lowers the pool's
     * "submissions waiting" flag (with the second look of the Dekker pair, see SubmissionFlag).
     */
    static void runWaitingSubmissions(Worker w) {
        SharedQueues q = w.pool.sharedQueue;
        if (q.lowerIfEmpty() || w.helpDepth >= MAX_HELP_DEPTH) {
            return;
        }
        w.helpDepth++;
        try {
            for (int n = 0; n <= FAIRNESS_MASK; n++) {
                Task<?> t = w.pool.pollShared(w); // nothing once the pool stops
                if (t == null) {
                    q.lowerIfEmpty(); // another worker took the rest (or the pool stops)
                    break;
                }
                WorkerLoop.runTaken(w, t);
            }
        } finally {
            w.helpDepth--;
        }
    }
}
