package org.wsched;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * A unit of work in a fork/join program, and the handle to wait for its result.
 *
 * <p>Inside a task of a {@link Scheduler}, {@link #spawn} puts a child task where idle workers
 * can take it (the spawning worker's deque in a {@link WorkStealingPool}, the global queue in a
 * {@link CentralizedPool}) and returns at once; {@link #join} waits for the child, running it on
 * the calling thread if nobody took it yet, and helping with other work if it is running
 * elsewhere. {@link #scope} spawns a group and waits for all of it; {@link #parallelFor} runs a
 * loop in parallel with no grain size to choose.
 *
 * <pre>{@code
 * try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(4).build()) {
 *     long r = pool.invoke(() -> fib(30));
 * }
 *
 * static long fib(int n) {
 *     if (n < 2) return n;
 *     Task<Long> a = Task.spawn(() -> fib(n - 1)); // child on this worker's deque
 *     long b = fib(n - 2);                         // meanwhile, the continuation
 *     return a.join() + b;                         // sync on that child
 * }
 * }</pre>
 *
 * <p>A task runs at most once. {@code join} throws no checked exception: a child's
 * {@link RuntimeException} or {@link Error} is rethrown as is, a checked exception arrives
 * wrapped in {@link CompletionException}.
 *
 * @param <T> the result type
 */
public class Task<T> extends TaskState {

    /** {@link #meta}: set if a runner must win {@link #tryClaim()} first (submitted tasks, centralized pool). */
    private static final int CLAIMED = 1;
    /** {@link #meta}: the stash, the status the body ended with (a final status fits in 3 bits). */
    private static final int STASH_SHIFT = 1;
    private static final int STASH_MASK = 7 << STASH_SHIFT;
    /** {@link #meta}: the trace id, in the bits above the stash. */
    private static final int TRACE_SHIFT = 4;
    /** The largest trace id a task can hold (a tracing run with more task ids is marked truncated). */
    static final int MAX_TRACE_ID = Integer.MAX_VALUE >>> TRACE_SHIFT;

    /*
     * A task is 32 bytes with compressed references (40 for LongTask): the header, TaskState's
     * status, waiters and thief, and the two fields below. Two things share each field.
     */

    /**
     * The body until it runs, then the outcome: the computation (a {@code Callable} here, a
     * {@code LongSupplier} in {@link LongTask}), cleared by the thread that runs it just before it
     * calls it; then the value or the {@code Throwable} the task completed with, written with a
     * plain store before the status store that publishes it, and read only after an acquire load
     * of a final status. Plain: owned by the one thread that runs (or cancels) the task.
     */
    private Object slot;
    /**
     * Bit 0: the task must be claimed ({@link #CLAIMED}, fixed at construction); bits 1–3: the
     * stash, the status the body ended with, kept until completion is done (see
     * {@link #completeAfterFailure}; 0 = not yet), written by the running thread; bits 4–31: the
     * trace id (0 = none), written by the spawning worker before the task is published or by the
     * first running worker of a root task, see WorkerTrace. Plain: one writer at a time (the
     * spawner before publication, then the runner); other threads read only the claim bit,
     * which no write changes.
     */
    private int meta;

    Task(Object body, boolean claimed) {
        this.slot = body;
        this.meta = claimed ? CLAIMED : 0;
    }

    /** True if a runner must win {@link #tryClaim()} first (submitted tasks, centralized pool). */
    final boolean claimed() {
        return (meta & CLAIMED) != 0;
    }

    /** The trace id (0 = none); see WorkerTrace. */
    final int traceId() {
        return meta >>> TRACE_SHIFT;
    }

    /** Sets the trace id, {@code 0 <= id <= MAX_TRACE_ID}; see WorkerTrace. */
    final void traceId(int id) {
        meta = (meta & (CLAIMED | STASH_MASK)) | (id << TRACE_SHIFT);
    }

    /**
     * The status the body ended with, or 0 if it has not ended. Written where the body ends
     * ({@code execute}, {@code runJoined}) with a plain store in place, not a call: that code
     * runs at the edge of the stack and must not overflow before the task is safe.
     */
    private int stash() {
        return (meta & STASH_MASK) >>> STASH_SHIFT;
    }

    // ------------------------------------------------------------------ public API

    /**
     * Spawns {@code body} as a child task of the current task and returns at once.
     *
     * @param body the child's computation
     * @param <T> result type
     * @return the child, to {@link #join}
     * @throws IllegalStateException if not called from a task running in a wsched pool
     */
    public static <T> Task<T> spawn(Callable<T> body) {
        Objects.requireNonNull(body, "body");
        Worker w = currentWorker("Task.spawn");
        return spawnChild(w, new Task<T>(body, w.claimsChildren));
    }

    /**
     * Spawns a child task that computes a {@code long}, without boxing it: the primitive
     * specialization of {@link #spawn(Callable)} for the hottest fork/join code.
     *
     * <pre>{@code
     * static long fib(int n) {
     *     if (n < 2) return n;
     *     LongTask a = Task.spawnLong(() -> fib(n - 1));
     *     long b = fib(n - 2);
     *     return a.joinLong() + b;
     * }
     * }</pre>
     *
     * @param body the child's computation
     * @return the child, to {@link LongTask#joinLong}
     * @throws IllegalStateException if not called from a task running in a wsched pool
     */
    public static LongTask spawnLong(LongSupplier body) {
        Objects.requireNonNull(body, "body");
        Worker w = currentWorker("Task.spawnLong");
        return spawnChild(w, new LongTask(body, w.claimsChildren));
    }

    /**
     * Spawns a child task with no result.
     *
     * @param body the child's computation
     * @return the child, to {@link #join} (its value is {@code null})
     * @throws IllegalStateException if not called from a task running in a wsched pool
     */
    public static Task<Void> spawn(Runnable body) {
        Objects.requireNonNull(body, "body");
        return spawn(runnableBody(body));
    }

    /**
     * Runs {@code body} with a {@link Scope}, then waits for every task spawned through it. If
     * {@code body} or any child failed, the first failure is rethrown once all children have
     * finished, with the other failures attached as suppressed exceptions.
     *
     * <pre>{@code
     * Task.scope(s -> {
     *     s.spawn(() -> sort(a, lo, mid));
     *     s.spawn(() -> sort(a, mid, hi));
     * });                                   // both halves are sorted here
     * merge(a, lo, mid, hi);
     * }</pre>
     *
     * @param body spawns the group
     * @throws IllegalStateException if not called from a task running in a wsched pool
     */
    public static void scope(Consumer<Scope> body) {
        Objects.requireNonNull(body, "body");
        Worker w = currentWorker("Task.scope");
        Scope s = new Scope(w);
        Throwable failure = null;
        try {
            body.accept(s);
        } catch (Throwable t) {
            failure = t;
        }
        s.joinAll(failure);
    }

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code [from, to)}, in parallel. The range
     * is split lazily: a worker splits off half of what it has left only when its own queue is
     * empty (nobody could steal from it), so there is no grain size to tune and a sequential
     * run costs only a few spawns.
     *
     * @param from first index, inclusive
     * @param to last index, exclusive; an empty range does nothing
     * @param body the loop body; iterations must be independent
     * @throws IllegalStateException if not called from a task running in a wsched pool
     */
    public static void parallelFor(int from, int to, IntConsumer body) {
        Objects.requireNonNull(body, "body");
        Worker w = currentWorker("Task.parallelFor");
        ParallelFor.run(w, from, to, body);
    }

    /**
     * Waits for this task and returns its result. If the task has not started, it runs on the
     * calling thread; if another worker runs it, the caller helps with other work meanwhile.
     *
     * @return the task's value
     * @throws CancellationException if the task was cancelled (e.g. by {@code shutdownNow})
     */
    public final T join() {
        Worker w = Worker.current();
        int s;
        if (w == null || (s = joinFast(w)) < NORMAL) {
            s = awaitSlow(w);
        }
        return reportJoin(s);
    }

    /** Waits until done (running, helping or blocking as join does) and returns the final status. */
    final int awaitDone() {
        Worker w = Worker.current();
        int s;
        if (w == null || (s = joinFast(w)) < NORMAL) {
            s = awaitSlow(w);
        }
        return s;
    }

    /**
     * The join fast path of worker {@code w}, kept small and flat so that the JIT inlines it into
     * the joining code: if submissions are waiting, counts the join for fairness
     * ({@link WaitLoop#fairnessTick}, J25: one plain load when none wait); if this task is the
     * private bottom of {@code w}'s own deque (the common case: spawned last, nobody asked for
     * it), runs it here with no CAS, no fence and no call layer between {@code join} and the body
     * ({@link #runJoined}).
     *
     * @return the final status, or a pending one if the caller must wait ({@link #awaitSlow})
     */
    final int joinFast(Worker w) {
        WorkStealingDeque<Task<?>> d = w.fastDeque;
        if (d == null) {
            return NEW; // the pool's hooks see every join (tracing, centralized): awaitSlow()
        }
        if (w.submissionsWaiting.isRaised()) { // plain (see isRaised); pairs with SubmissionFlag.raise() of a submitter
            WaitLoop.fairnessTickRaised(w);
        }
        int s = laStatus(); // pairs with the status store of completion: the outcome is visible
        if (s < NORMAL && d.takeIfBottom(this)) {
            w.counters.inlineRuns++;
            try {
                return runJoined(w);
            } catch (Throwable e) {
                w.taken[w.takenCount++] = this; // not started (an error at the call): see Worker.taken
                throw e;
            }
        }
        return s;
    }

    /**
     * Everything slower than {@link #joinFast}: a thread outside any pool blocks; a worker of a
     * tracing pool records the join; a worker otherwise goes to its pool's {@code awaitJoin}
     * (own deque, helping, the one wait loop). Returns the final status.
     */
    final int awaitSlow(Worker w) {
        if (w == null) {
            if (laStatus() < NORMAL) { // pairs with the status store of completion
                awaitUninterruptibly();
            }
            return laStatus();
        }
        if (w.fastDeque == null) {
            WaitLoop.fairnessTick(w); // joinFast() did not run: count every join here
        }
        if (AbstractPool.TRACE_HOOKS && w.trace != null) {
            return awaitDoneTraced(w);
        }
        if (laStatus() < NORMAL) {
            w.pool.awaitJoin(w, this);
        }
        return laStatus();
    }

    /**
     * Runs this task, which {@code w} just took from the private bottom of its own deque (so no
     * other thread can run it, and it is not a submission), and completes it; returns its
     * status. What {@code WorkerLoop.executeInline} does, flattened for the join fast path.
     */
    private int runJoined(Worker w) {
        int s = 0;
        try {
            Object r;
            try {
                r = invokeBody();
                s = NORMAL;
            } catch (Throwable t) {
                r = t;
                s = EXCEPTIONAL;
            }
            slot = r; // plain: published by the release store of the status below
            soStatus(s); // pairs with laStatus() of joiners: outcome visible
            if (loHasWaiters()) { // no StoreLoad: a waiter registering now re-checks after a bounded park
                releaseWaiters();
            }
            return s;
        } catch (Throwable e) {
            // Thrown outside the body (in completion): as WorkerLoop.runOwned, the task goes on
            // the taken stack (plain stores, no call) and is completed from here, or, if that
            // fails too, from a shallower frame. s != 0: the body finished (its failures are
            // caught above) and its outcome is written; completeAfterFailure() uses it.
            meta = (meta & ~STASH_MASK) | (s << STASH_SHIFT); // the stash; no call before the task is on the taken stack
            int n = w.takenCount;
            w.taken[n] = this;
            w.takenError[n] = e;
            w.takenCount = n + 1;
            WorkerLoop.completeTaken(w);
            return laStatus();
        }
    }

    /**
     * Whether the task has finished (normally, exceptionally or by cancellation).
     *
     * @return true if finished
     */
    public final boolean isDone() {
        return laStatus() >= NORMAL;
    }

    /**
     * Whether the task finished by throwing or by being cancelled (as
     * {@link java.util.concurrent.ForkJoinTask#isCompletedAbnormally()}).
     *
     * @return true if it failed or was cancelled; false if it is not done or completed normally
     */
    public final boolean isCompletedAbnormally() {
        return laStatus() > NORMAL;
    }

    /**
     * The failure of a task that completed abnormally, without joining it: what it threw, or a
     * {@link CancellationException} if it was cancelled.
     *
     * <pre>{@code
     * Task<Long> t = Task.spawn(() -> risky());
     * ...
     * if (t.isDone() && t.getException() != null) log(t.getException());
     * }</pre>
     *
     * @return the failure, or null if the task is not done or completed normally
     */
    public final Throwable getException() {
        int s = laStatus();
        if (s == EXCEPTIONAL) {
            return (Throwable) slot; // plain: read after the acquire load of a final status
        }
        if (s == CANCELLED) {
            try {
                reportJoin(s);
            } catch (CancellationException c) {
                return c;
            }
        }
        return null;
    }

    /**
     * Waits at most {@code timeout} for this task, as {@link #join()} does (a worker runs it if
     * nobody has, or helps with other work meanwhile), and returns its result. Interrupts do not
     * end the wait; the interrupt status is kept.
     *
     * @param timeout the longest time to wait
     * @param unit its unit
     * @return the task's value
     * @throws TimeoutException if the task is not done when the time is up (it keeps running)
     * @throws CancellationException if the task was cancelled
     */
    public final T join(long timeout, TimeUnit unit) throws TimeoutException {
        Objects.requireNonNull(unit, "unit");
        if (laStatus() < NORMAL) {
            boolean done;
            try {
                done = ExecutorMethods.await(this, ExecutorMethods.deadlineAfter(timeout, unit), false);
            } catch (InterruptedException e) {
                throw new AssertionError("not interruptible", e);
            }
            if (!done) {
                throw new TimeoutException("task not done after " + timeout + " " + unit + ": " + this);
            }
        }
        return reportJoin(laStatus());
    }

    // ------------------------------------------------------------------ runtime internals

    /** A task outside any pool's spawn path (tests, the jcstress module). */
    static <T> Task<T> create(Callable<? extends T> body, boolean claimed) {
        return new Task<>(body, claimed);
    }

    /**
     * The spawn fast path, flat so that the JIT inlines it: onto the worker's own deque
     * directly (no pool call layer) unless the pool needs its hooks (tracing, centralized).
     */
    private static <X extends Task<?>> X spawnChild(Worker w, X child) {
        WorkStealingDeque<Task<?>> d = w.fastDeque;
        if (d == null) {
            return w.pool.spawn(w, child);
        }
        w.counters.spawns++;
        if (d.push(child)) {
            w.pool.signalWorkHint(); // published: fence-free unless a worker sleeps; see SleepController
        }
        return child;
    }

    static Callable<Void> runnableBody(Runnable r) {
        return () -> {
            r.run();
            return null;
        };
    }

    static Worker currentWorker(String what) {
        Worker w = Worker.current();
        if (w != null) {
            return w;
        }
        Thread t = Thread.currentThread();
        throw new IllegalStateException(what + " must be called from a task running in a wsched pool, "
                + "but was called from thread '" + t.getName() + "'; start the computation with "
                + "pool.invoke(() -> ...) or pool.submit(...) and call " + what + " inside it");
    }

    /** Claims a task that requires it: NEW → RUNNING. Exactly one claimant wins. */
    final boolean tryClaim() {
        return casStatus(NEW, RUNNING); // pairs with tryClaim()/cancel of other threads
    }

    /**
     * A worker claims a task that requires a claim, before running it ({@link SubmittedTask}
     * also takes it out of its queued state first).
     */
    boolean claim() {
        return tryClaim();
    }

    /** Cancels a running task that permits it (submitted tasks): RUNNING → CANCELLED. */
    final boolean tryCancelRunning() {
        // Pairs with the CAS of the runner's completion in complete(): exactly one of them wins.
        if (casStatus(RUNNING, CANCELLED)) {
            releaseWaiters();
            return true;
        }
        return false;
    }

    /** The runner lost its completion to a cancellation (see SubmittedTask); nothing to wait for here. */
    void awaitCancelInterrupt() {
    }


    /**
     * Runs the body and completes the task. The caller owns the task exclusively (won the deque
     * race or the claim). {@code shared}: another thread may be waiting, so complete with a
     * full fence (exact wake-up); otherwise with a release store.
     */
    final void execute(boolean shared) {
        Object result;
        int s;
        try {
            result = invokeBody();
            s = NORMAL;
        } catch (Throwable t) {
            result = t;
            s = EXCEPTIONAL;
        }
        // Kept with plain stores (no call, so no StackOverflowError here) for completeAfterFailure():
        // if the call to complete() below overflows the stack, a shallower frame completes the
        // task with what its body produced.
        slot = result;
        meta = (meta & ~STASH_MASK) | (s << STASH_SHIFT); // the stash (see stash())
        publish(s, shared);
    }

    /**
     * Completes a task its caller was running when something outside the body failed (a
     * {@link StackOverflowError} or {@link OutOfMemoryError} in completion, tracing, JFR), so no
     * joiner waits for ever: with the body's own outcome if the body finished, else with
     * {@code failure}, else (null: the task was taken but never started) as cancelled. The
     * caller owns the task (took it, ran it, or claimed it).
     */
    final void completeAfterFailure(Throwable failure) {
        if (laStatus() < NORMAL) {
            int s = stash();
            if (s != 0) {
                complete(slot, s, true); // the body's outcome, written before the stash
            } else if (failure != null) {
                complete(failure, EXCEPTIONAL, true);
            } else {
                clearBody();
                complete(new CancellationException("the task never ran: its worker took it, then failed (e.g. a "
                        + "StackOverflowError at the very edge of its stack) before it could start it"), CANCELLED, true);
            }
        }
    }

    /** awaitDone with the join recorded as a strand boundary of the running task. */
    private int awaitDoneTraced(Worker w) {
        w.trace.onJoinEnter();
        if (laStatus() < NORMAL) {
            w.pool.awaitJoin(w, this);
        }
        w.trace.onJoinExit(this);
        return laStatus();
    }

    /** Runs the body once and returns its value (the subclass for longs stores it unboxed). */
    Object invokeBody() throws Exception {
        Callable<?> b = (Callable<?>) takeBody();
        return b.call();
    }

    /** The body, taken out of the task by the thread that runs it (see {@link #slot}). */
    final Object takeBody() {
        Object b = slot;
        slot = null;
        return b;
    }

    /** The value of a normally completed task, as an object. */
    Object boxedValue() {
        return slot; // plain: read after the acquire load of a final status
    }

    /** Forgets the body (cancellation). */
    final void clearBody() {
        slot = null;
    }

    /** Completes a pending task as cancelled (shutdownNow, or Future.cancel). */
    final boolean cancelPending() {
        int s;
        while ((s = lvStatus()) < NORMAL) { // pairs with tryClaim()
            if (s == NEW && casStatus(NEW, RUNNING)) { // claim, then complete
                clearBody();
                complete(new CancellationException("task was cancelled before it started"), CANCELLED, true);
                return true;
            }
            if (s == RUNNING) {
                return false;
            }
        }
        return false;
    }

    private void complete(Object result, int s, boolean shared) {
        slot = result; // plain: published by the status store in publish()
        publish(s, shared);
    }

    /** Makes the outcome already written final with status {@code s}, and wakes waiters. */
    private void publish(int s, boolean shared) {
        if (this instanceof SubmittedTask) {
            completeCancellable(s);
            return;
        }
        if (shared) {
            // Volatile store: the outcome is visible with the status, and (StoreLoad) the status
            // is visible before waiters is read; pairs with the CAS in awaitBlocking().
            svStatus(s);
            if (lvHasWaiters()) {
                releaseWaiters();
            }
        } else {
            soStatus(s); // pairs with laStatus() of joiners: outcome visible
            // No StoreLoad here (the inline fast path): a waiter that registers at this moment
            // may be missed, and re-checks the status after a bounded timed park.
            if (loHasWaiters()) {
                releaseWaiters();
            }
        }
    }

    /**
     * Completion of a task that {@code cancel} may complete while it runs: RUNNING → final by
     * CAS. The outcome is written first and published by the CAS; if a cancellation won, the
     * outcome is dropped (readers of a CANCELLED task do not use it, see reportJoin()).
     */
    private void completeCancellable(int s) {
        // The outcome was written by the caller (plain): published by the CAS below.
        // Pairs with tryCancelRunning() (exactly one wins) and with laStatus() of joiners; the CAS
        // is a full fence, so waiters is read after the status is visible (see awaitBlocking()).
        if (casStatus(RUNNING, s)) {
            if (lvHasWaiters()) { // pairs with the CAS in registerWaiter()
                releaseWaiters();
            }
        } else {
            awaitCancelInterrupt();
        }
    }

    final Object outcome() {
        return slot; // plain: read only after laStatus() saw a final status
    }

    @SuppressWarnings("unchecked")
    final T reportJoin(int s) {
        if (s == NORMAL) {
            return (T) boxedValue();
        }
        Object o = slot; // plain: read after the acquire load of a final status
        if (s == CANCELLED) {
            // A task cancelled while running may hold the result its runner wrote too late.
            CancellationException c = new CancellationException(o instanceof CancellationException
                    ? ((Throwable) o).getMessage() : "task was cancelled while it ran");
            if (o instanceof CancellationException) {
                c.initCause(((Throwable) o).getCause());
            }
            throw c;
        }
        Throwable t = (Throwable) o;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new CompletionException(t);
    }

    @Override
    public String toString() {
        int s = laStatus();
        String state = s == NEW ? "pending" : s == RUNNING ? "running" : s == NORMAL ? "done"
                : s == EXCEPTIONAL ? "failed" : "cancelled";
        return "Task[" + state + "]";
    }
}
