package org.wsched;

import org.wsched.internal.jfr.TaskRunEvent;

/**
 * The worker loop and the ways a worker runs a task. {@link #runWorker}: {@code findWork → run
 * it → repeat}; when nothing is found the worker idles ({@link IdleCycle}). Every task a worker
 * runs goes through {@link #runTask} (found, stolen, taken from a queue) or
 * {@link #executeInline} (the join fast path: the joined task popped from the own deque or
 * claimed by its joiner).
 *
 * <h2>Faults at the edge of the stack</h2>
 * Nothing outside a task body may leave a task pending or kill a worker. A call that would run
 * a task the worker has taken may fail before the task starts (a {@link StackOverflowError} at
 * the call): the task then goes on the worker's <em>taken stack</em> ({@link Worker#taken},
 * plain stores, no call) and a shallower frame — the wait loop, the worker loop — completes it
 * ({@link #completeTaken}). The worker loop survives any {@link Throwable}.
 */
final class WorkerLoop {

    private WorkerLoop() {
    }

    static void runWorker(Worker w) {
        try {
            for (;;) {
                Task<?> t = null;
                try {
                    t = w.pool.findWork(w);
                    if (t != null) {
                        if (w.idleRounds != 0) {
                            // Work found after idling: the idle strategy starts its next idle
                            // period from its first (spinning) phase (Agrona's contract).
                            w.idleRounds = 0;
                            w.idle.reset();
                        }
                        runTopLevel(w, t);
                    } else {
                        w.counters.endBusy(); // found no work: the run of busy time ends
                        if (!IdleCycle.idle(w)) {
                            break;
                        }
                    }
                } catch (Throwable e) {
                    if (t != null) {
                        w.taken[w.takenCount++] = t; // completed by survive() if it did not finish
                    }
                    // Nothing outside a task body may kill a worker: a failure here (an error in
                    // the idle strategy, JFR, tracing, or an OutOfMemoryError) is survived.
                    survive(w, e);
                }
            }
        } finally {
            w.counters.endBusy();
            w.pool.workerExited(w);
        }
    }

    /** After an error outside any task body: complete the tasks it left pending, and go on. */
    private static void survive(Worker w, Throwable e) {
        w.helpDepth = 0;
        w.waitingOn = null;
        if (w.takenCount != 0) {
            completeTaken(w);
        }
        if (e instanceof OutOfMemoryError) {
            Thread.yield(); // give the heap a moment rather than fail in a tight loop
        }
    }

    /**
     * Completes what an error left on the worker's taken stack (see {@link Worker#taken}): a
     * task that was taken but never started is completed as cancelled, one whose completion
     * failed with its body's outcome (or the error). Called from shallower frames than the one
     * that failed (the wait loop, the worker loop, the next take); an entry is removed only once
     * its completion succeeded.
     */
    static void completeTaken(Worker w) {
        for (int i = w.takenCount - 1; i >= 0; i = w.takenCount - 1) {
            w.taken[i].completeAfterFailure(w.takenError[i]);
            w.taken[i] = null;
            w.takenError[i] = null;
            w.takenCount = i;
        }
    }

    /**
     * Runs a task just taken from the own deque: the joined task itself inline, any other as an
     * owned task. If the call fails before {@code t} started (a StackOverflowError at the call),
     * {@code t} goes on the taken stack, so a shallower frame completes it.
     */
    static void runTaken(Worker w, Task<?> t, Task<?> joined) {
        try {
            if (t == joined) {
                executeInline(w, t);
            } else {
                runTask(w, t, false);
            }
        } catch (Throwable e) {
            w.taken[w.takenCount++] = t; // plain stores, no call (see Worker.taken)
            throw e;
        }
    }

    /** Runs {@code t}, taken to help while waiting, one help level deeper (see WaitLoop.MAX_HELP_DEPTH). */
    static void helpRun(Worker w, Task<?> t) {
        w.helpDepth++;
        try {
            runTaken(w, t);
        } finally {
            w.helpDepth--;
        }
    }

    /** Runs {@code t}, taken from a queue or by a steal, as runTaken() does for the own deque. */
    static void runTaken(Worker w, Task<?> t) {
        try {
            runTask(w, t, true);
        } catch (Throwable e) {
            w.taken[w.takenCount++] = t; // plain stores, no call (see Worker.taken)
            throw e;
        }
    }

    private static void runTopLevel(Worker w, Task<?> t) {
        if (w.pool.lvState() < AbstractPool.STOP) {
            // An interrupt that reached this worker while it was idle (or aimed at the previous
            // task) must not leak into this task.
            Thread.interrupted();
        }
        TaskRunEvent ev = new TaskRunEvent(); // eliminated by the JIT when JFR does not record it
        ev.begin();
        w.counters.startBusy(); // a clock read only if a run of busy time starts here
        boolean submitted = t instanceof SubmittedTask;
        if (submitted) {
            w.counters.submissionsStarted++;
            long submittedAt = ((SubmittedTask<?>) t).submitNanos;
            if (submittedAt != 0L) { // a timed one (see SubmittedTask.LATENCY_SAMPLE)
                w.latency.recordValue(Math.max(0L, System.nanoTime() - submittedAt));
            }
        }
        runTask(w, t, true);
        if (w.takenCount != 0) {
            completeTaken(w);
        }
        ev.end();
        if (ev.shouldCommit()) {
            ev.worker = w.index;
            ev.submitted = submitted;
            ev.commit();
        }
        if (w.pool.lvState() < AbstractPool.STOP) {
            Thread.interrupted(); // an interrupt aimed at one task must not leak into the next
        }
    }

    /**
     * Runs a task found by {@code w}: claims it first if it requires a claim. A task spawned
     * inside the pool is cancelled instead if the pool is stopping; a submitted task that a
     * worker took from the queue always runs (shutdownNow returns only what it drained itself).
     *
     * @param shared whether another thread may be waiting for it (complete with a full fence)
     */
    static void runTask(Worker w, Task<?> t, boolean shared) {
        if (!(t instanceof SubmittedTask) && w.pool.lvState() >= AbstractPool.STOP) {
            t.cancelPending(); // shutdownNow: pending tasks are cancelled, joiners see CancellationException
            return;
        }
        if (t.claimed() && !t.claim()) {
            return; // cancelled, drained, or run by its joiner
        }
        runOwned(w, t, shared);
        if (t instanceof SubmittedTask) {
            SubmittedTask<?> st = (SubmittedTask<?>) t;
            if (st.origin == SubmittedTask.Origin.EXECUTE && st.failed()) {
                reportUncaught(w, st.failure());
            }
        }
    }

    /**
     * The join fast path: {@code w} owns {@code t} exclusively (popped it or claimed it) and runs
     * it now.
     */
    static void executeInline(Worker w, Task<?> t) {
        runOwned(w, t, false);
    }

    /**
     * Runs a task {@code w} owns and makes sure it ends completed: an error thrown outside its
     * body (in completion, tracing) completes it here, or, if that fails too, from a shallower
     * frame (the taken stack), so no joiner waits for ever.
     */
    private static void runOwned(Worker w, Task<?> t, boolean shared) {
        try {
            executeOwned(w, t, shared);
        } catch (Throwable e) {
            int n = w.takenCount; // plain stores, no call: t is safe on the taken stack first
            w.taken[n] = t;
            w.takenError[n] = e;
            w.takenCount = n + 1;
            completeTaken(w); // t started but something outside its body failed: complete it
        }
    }

    /** Runs a task {@code w} owns (exclusively taken or claimed), traced if the pool traces, and counts it. */
    private static void executeOwned(Worker w, Task<?> t, boolean shared) {
        if (!AbstractPool.TRACE_HOOKS || w.trace == null) {
            t.execute(shared);
        } else {
            w.trace.onStart(t, !shared); // not shared: taken from its own deque or claimed in a join
            t.execute(shared);
            w.trace.onEnd();
        }
        w.counters.tasksExecuted++;
    }

    /**
     * Hands the failure of an {@code execute()} task to the uncaught-exception handler. As for
     * {@link Thread}'s own dispatch, an exception thrown by the handler is ignored: it must not
     * kill the worker.
     */
    private static void reportUncaught(Worker w, Throwable failure) {
        try {
            Thread t = w.thread();
            Thread.UncaughtExceptionHandler h = w.pool.uncaughtHandler != null ? w.pool.uncaughtHandler : t.getUncaughtExceptionHandler();
            if (h != null) {
                h.uncaughtException(t, failure);
            }
        } catch (Throwable ignored) {
            // ignored, as Thread.dispatchUncaughtException ignores it
        }
    }
}
