package org.wsched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.internal.idle.SleepController;
import org.wsched.internal.jfr.TaskRunEvent;
import org.wsched.internal.jfr.WorkerSleepEvent;

/**
 * The mechanism both pools share: worker threads and their run loop, the shared queue of
 * submitted tasks, the idle/sleep protocol, the {@link java.util.concurrent.ExecutorService}
 * life cycle and the statistics. Subclasses decide only where ready tasks go and where idle
 * workers look ({@link #spawn}, {@link #findWork}, {@link #awaitJoin}, {@link #hasVisibleWork},
 * {@link #shouldSplit}).
 *
 * <h2>Worker loop</h2>
 * {@code findWork → run it → repeat}; when nothing is found the worker idles through the
 * pool's {@link org.agrona.concurrent.IdleStrategy} (spin, yield, short parks) for
 * {@code idleRoundsBeforeSleep} rounds, then gets sleepy: it announces itself in the
 * {@link SleepController}, looks for work once more, naps briefly (covering publishers that
 * tested the fence-free sleeper hint at that moment), and then sleeps until woken. So a pool
 * with no work uses no CPU once its workers sleep.
 *
 * <h2>Life cycle</h2>
 * RUNNING → SHUTDOWN (no new submissions; accepted work finishes) → STOP (workers exit;
 * pending tasks are cancelled) → TERMINATED (every worker has exited). A SHUTDOWN pool stops
 * when the last worker to get sleepy finds every worker asleep, no submission in flight and
 * no work visible: no worker is running a task then, so none can create more.
 */
abstract class AbstractPool extends ExecutorMethods {

    static final int RUNNING = 0;
    static final int SHUTDOWN = 1;
    static final int STOP = 2;
    static final int TERMINATED = 3;

    /** Nested helping (running other tasks while joining) stops at this depth; the joiner then blocks. */
    static final int MAX_HELP_DEPTH = 16;
    /** The first, timed part of falling asleep (see class comment). */
    static final long NAP_NANOS = 2_000_000L;
    /** The longest a sleeping worker sleeps before it looks for work by itself (see sleepUntilWoken). */
    static final long DEEP_SLEEP_NANOS = 1_000_000_000L;
    /** A joining worker runs waiting submissions once every this many + 1 joins (see runWaitingSubmissions). */
    static final int FAIRNESS_MASK = 63;
    /** An idle-loop turn looks at the shared queue before other work once every this many + 1 turns. */
    static final int FIND_FAIRNESS_MASK = 15;

    private static final VarHandle STATE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(AbstractPool.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * How many pools trace right now. Read plainly on the join path (zero: no tracing anywhere,
     * skip the hook); a tracing pool increments it before starting its workers, and
     * Thread.start() makes the new value visible to them.
     */
    static int tracingPools;

    /**
     * A measurement switch, not a setting: {@code -Dwsched.internal.noTraceHooks=true} makes this
     * constant false, and the JIT then removes every tracing hook from the spawn, join and run
     * paths. Comparing a run with and without it measures what the hooks cost while tracing is
     * off (docs/profiling.md). Pools cannot trace with the hooks removed.
     */
    static final boolean TRACE_HOOKS = !Boolean.getBoolean("wsched.internal.noTraceHooks");

    final int parallelism;
    final Worker[] workers;
    /** Whether spawned tasks must be claimed by CAS before they run (see Task#claimed). */
    final boolean claimsChildren;
    final SleepController sleep;
    /** Submitted tasks (and, in the centralized pool, every ready task). */
    final SharedQueues sharedQueue;
    private final int idleRoundsBeforeSleep;
    private final String kind;
    /** The tracer's cost per strand, taken off traced durations (0 when the pool does not trace). */
    private final double tracerOverheadNanos;
    /** The builder's traceBudget, for the error that says it was exceeded. */
    private final long traceBudgetStrands;
    private final CountDownLatch terminated = new CountDownLatch(1);
    /** Demand control and the count of queued submissions (see Admission). */
    final Admission admission;
    /** Where failures of execute() tasks go; null: the worker thread's own handler. */
    private final Thread.UncaughtExceptionHandler uncaughtHandler;
    private final LongAdder externalSubmissions = new LongAdder();
    private final LongAdder wakeUps = new LongAdder();
    private final Histogram latencyTotal = new Histogram(3);
    private int state; // accessed only through STATE
    private int liveWorkers; // guarded by 'this'
    /** Whether the workers run on threads of a user's ThreadFactory (see Worker). */
    private final boolean factoryThreads;

    /**
     * @param deques creates worker {@code i}'s deque, or null for a pool without deques
     */
    AbstractPool(String kind, PoolBuilder<?> s, java.util.function.IntFunction<WorkStealingDeque<Task<?>>> deques) {
        this.kind = kind;
        this.claimsChildren = deques == null;
        // Submissions are striped so that producers do not contend (the centralized pool's
        // global ready queue, its policy, is a queue of its own).
        this.sharedQueue = new SharedQueues(Math.min(8, Integer.highestOneBit(2 * s.parallelism)));
        this.parallelism = s.parallelism;
        this.idleRoundsBeforeSleep = s.idleRoundsBeforeSleep;
        this.admission = new Admission(s.maxQueuedSubmissions, s.maxQueueDelay);
        this.traceBudgetStrands = s.traceBudgetStrands;
        this.uncaughtHandler = s.uncaughtExceptionHandler;
        if (s.tracing && !TRACE_HOOKS) {
            throw new IllegalStateException("tracing(true) needs the tracing hooks, which "
                    + "-Dwsched.internal.noTraceHooks=true removed: drop that property to trace");
        }
        this.sleep = new SleepController(parallelism);
        this.workers = new Worker[parallelism];
        SplittableRandom seeds = new SplittableRandom(s.seed);
        // One budget for the whole pool (about 3 records per strand), reserved chunk by chunk.
        java.util.concurrent.atomic.AtomicLong traceBudget = new java.util.concurrent.atomic.AtomicLong(
                3 * s.traceBudgetStrands);
        for (int i = 0; i < parallelism; i++) {
            workers[i] = new Worker(this, i, s.threadNamePrefix + i, s.workerStackSize,
                    deques == null ? null : deques.apply(i),
                    seeds.split(), s.idleStrategy.get(),
                    s.tracing ? new WorkerTrace(i, parallelism, traceBudget) : null);
            if (s.threadFactory != null) {
                Thread t = s.threadFactory.newThread(workers[i]);
                if (t == null || t.getState() != Thread.State.NEW) {
                    throw new IllegalStateException("the threadFactory returned " + (t == null ? "null" : "a started thread")
                            + " for worker " + i + ": it must return a new, unstarted thread that runs the Runnable it is given");
                }
                workers[i].runOn(t); // the factory decides name, daemon status, priority and handler
            } else {
                workers[i].setDaemon(s.daemon);
                if (s.uncaughtExceptionHandler != null) {
                    workers[i].setUncaughtExceptionHandler(s.uncaughtExceptionHandler);
                }
            }
            sleep.register(i, workers[i].thread());
        }
        liveWorkers = parallelism;
        this.factoryThreads = s.threadFactory != null;
        this.tracerOverheadNanos = s.tracing ? TracerCalibration.calibrate() : 0.0;
    }

    /**
     * Starts the workers; called by the builders once the subclass is fully constructed
     * (Thread.start() happens-before everything the worker does, so it sees final fields).
     */
    final void start() {
        if (workers[0].trace != null) {
            synchronized (AbstractPool.class) {
                tracingPools++;
            }
        }
        if (factoryThreads) {
            synchronized (Worker.class) {
                Worker.factoryPools++; // before the threads start: Thread.start() publishes it to them
            }
        }
        for (Worker w : workers) {
            w.thread().start();
        }
    }

    // ------------------------------------------------------------------ policy hooks

    /** Makes {@code child}, spawned by the task running on {@code w}, available to run. */
    abstract void pushChild(Worker w, Task<?> child);

    /** Spawns {@code child} (created with {@link #claimsChildren}) from the task running on {@code w}. */
    final <X extends Task<?>> X spawn(Worker w, X child) {
        w.counters.spawns++;
        if (TRACE_HOOKS && w.trace != null) {
            w.trace.onSpawn(child); // before the child is published: its runner reads traceId
        }
        pushChild(w, child);
        return child;
    }

    /** Spawns a child running {@code body}. */
    final <T> Task<T> spawnCallable(Worker w, Callable<T> body) {
        return spawn(w, new Task<T>(body, claimsChildren));
    }

    /** The next task for an idle {@code w}, or null. The caller claims it if it requires a claim. */
    abstract Task<?> findWork(Worker w);

    /**
     * Worker {@code w} joins {@code task} (not done yet): runs it if nobody has, else helps,
     * else blocks; uninterruptible (an interrupt is kept for the caller). The fast path lives in
     * the subclass; everything slower goes through {@link #awaitDone}.
     */
    abstract void awaitJoin(Worker w, Task<?> task);

    /**
     * One step of helping while {@code w} waits for {@code task}: run the task itself if it can
     * be taken, or one other task (depth-bounded).
     *
     * @return true if something ran (look at the task again at once), false if nothing was found
     */
    abstract boolean helpOnce(Worker w, Task<?> task);

    /** Whether some task is visible to an idle worker (the re-check before sleeping). */
    abstract boolean hasVisibleWork();

    /** parallelFor: whether {@code w} should split its remaining range now. */
    abstract boolean shouldSplit(Worker w);

    // ------------------------------------------------------------------ worker loop

    final void runWorker(Worker w) {
        try {
            for (;;) {
                Task<?> t = null;
                try {
                    t = findWork(w);
                    if (t != null) {
                        w.idleRounds = 0;
                        runTopLevel(w, t);
                    } else if (!idle(w)) {
                        break;
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
            workerExited(w);
        }
    }

    /** After an error outside any task body: complete the tasks it left pending, and go on. */
    private void survive(Worker w, Throwable e) {
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
    final void runTaken(Worker w, Task<?> t, Task<?> joined) {
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

    /** Runs {@code t}, taken to help while waiting, one help level deeper (see MAX_HELP_DEPTH). */
    final void helpRun(Worker w, Task<?> t) {
        w.helpDepth++;
        try {
            runTaken(w, t);
        } finally {
            w.helpDepth--;
        }
    }

    /** Runs {@code t}, taken from a queue or by a steal, as runTaken() does for the own deque. */
    final void runTaken(Worker w, Task<?> t) {
        try {
            runTask(w, t, true);
        } catch (Throwable e) {
            w.taken[w.takenCount++] = t; // plain stores, no call (see Worker.taken)
            throw e;
        }
    }

    private void runTopLevel(Worker w, Task<?> t) {
        if (lvState() < STOP) {
            // An interrupt that reached this worker while it was idle (or aimed at the previous
            // task) must not leak into this task.
            Thread.interrupted();
        }
        TaskRunEvent ev = new TaskRunEvent(); // eliminated by the JIT when JFR does not record it
        ev.begin();
        long start = System.nanoTime();
        boolean submitted = t instanceof SubmittedTask;
        if (submitted) {
            w.latency.recordValue(Math.max(0L, start - ((SubmittedTask<?>) t).submitNanos));
        }
        runTask(w, t, true);
        if (w.takenCount != 0) {
            completeTaken(w);
        }
        w.counters.busyNanos += System.nanoTime() - start;
        ev.end();
        if (ev.shouldCommit()) {
            ev.worker = w.index;
            ev.submitted = submitted;
            ev.commit();
        }
        if (lvState() < STOP) {
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
    final void runTask(Worker w, Task<?> t, boolean shared) {
        if (!(t instanceof SubmittedTask) && lvState() >= STOP) {
            t.cancelPending(); // shutdownNow: pending tasks are cancelled, joiners see CancellationException
            return;
        }
        if (t.claimed && !t.claim()) {
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
    final void executeInline(Worker w, Task<?> t) {
        runOwned(w, t, false);
    }

    /**
     * Runs a task {@code w} owns and makes sure it ends completed: an error thrown outside its
     * body (in completion, tracing) completes it here, or, if that fails too, from a shallower
     * frame (the taken stack), so no joiner waits for ever.
     */
    private void runOwned(Worker w, Task<?> t, boolean shared) {
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
    private void executeOwned(Worker w, Task<?> t, boolean shared) {
        if (!TRACE_HOOKS || w.trace == null) {
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
    private void reportUncaught(Worker w, Throwable failure) {
        try {
            Thread t = w.thread();
            Thread.UncaughtExceptionHandler h = uncaughtHandler != null ? uncaughtHandler : t.getUncaughtExceptionHandler();
            if (h != null) {
                h.uncaughtException(t, failure);
            }
        } catch (Throwable ignored) {
            // ignored, as Thread.dispatchUncaughtException ignores it
        }
    }

    // ------------------------------------------------------------------ the one wait loop

    /**
     * The one wait loop: worker {@code w} waits until {@code task} is done, helping with other
     * work meanwhile ({@link #helpOnce}), then spinning, yielding and parking for short,
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
    final boolean awaitDone(Worker w, Task<?> task, long deadline, boolean interruptible) throws InterruptedException {
        boolean interrupted = false;
        int spins = 0;
        try {
            for (;;) {
                if (w.takenCount != 0) {
                    completeTaken(w); // a task taken or helped deeper down that an error left pending
                }
                if (task.isDone()) {
                    return true;
                }
                if (helpOnce(w, task)) {
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
                if (lvState() >= STOP) {
                    throw new java.util.concurrent.CancellationException("the " + kind + " pool was stopped by "
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
    final void awaitDoneUninterruptibly(Worker w, Task<?> task) {
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
    private void waitStep(Worker w, Task<?> task, int spins, long parkNanos) {
        if (spins < 256) {
            Thread.onSpinWait();
        } else if (spins < 512) {
            Thread.yield();
        } else {
            if (w.waitingOn != task) {
                if (!task.registerWaiter(new Task.WaitNode(w.thread()))) {
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
     * Fairness inside long computations: once every {@link #FAIRNESS_MASK}+1 joins (the pools'
     * {@code awaitJoin} counts them), a joining worker first runs the submissions waiting in the
     * shared queue (up to {@code FAIRNESS_MASK + 1} of them, depth-bounded), so external work
     * does not wait for a whole fork/join computation to end, and a steady stream of submissions
     * cannot build a backlog behind it.
     */
    final void runWaitingSubmissions(Worker w) {
        if (w.helpDepth >= MAX_HELP_DEPTH || sharedQueue.isEmpty()) {
            return;
        }
        w.helpDepth++;
        try {
            for (int n = 0; n <= FAIRNESS_MASK; n++) {
                Task<?> t = pollShared(w); // nothing once the pool stops
                if (t == null) {
                    break;
                }
                runTaken(w, t);
            }
        } finally {
            w.helpDepth--;
        }
    }

    /**
     * One idle step of {@code w}.
     *
     * @return false if the worker must exit
     */
    private boolean idle(Worker w) {
        int st = lvState();
        if (st >= STOP) {
            return false;
        }
        if (w.idleRounds < idleRoundsBeforeSleep && st == RUNNING) { // shutting down: go to sleep at once
            w.idleRounds++;
            w.idle.idle();
            return true;
        }
        w.idle.reset();
        int sleepers = sleep.announceSleep(w.index);
        // Second look, after the announcement (Dekker; pairs with publishers' wakeOne()).
        if (hasVisibleWork()) {
            sleep.cancelSleep(w.index);
            w.idleRounds = 0;
            return true;
        }
        st = lvState(); // pairs with the CAS in shutdown(); read after the announcement
        if (st >= STOP) {
            sleep.cancelSleep(w.index);
            return false;
        }
        if (st == SHUTDOWN && sleepers >= parallelism && sleep.allSleeping() && terminateIfQuiescent(w)) {
            return false;
        }
        w.counters.parks++;
        WorkerSleepEvent ev = new WorkerSleepEvent(); // eliminated by the JIT when JFR does not record it
        ev.begin();
        boolean keepRunning = sleepUntilWoken(w);
        ev.end();
        if (ev.shouldCommit()) {
            ev.worker = w.index;
            ev.commit();
        }
        return keepRunning;
    }

    /**
     * Nap, look once more, then sleep until woken (see the class comment).
     *
     * @return false if this worker found the pool quiescent, stopped it and must exit
     */
    private boolean sleepUntilWoken(Worker w) {
        if (!sleep.sleep(w.index, NAP_NANOS)) {
            // The nap ended with nobody waking us: look once more, then sleep for real.
            int st = lvState();
            if (hasVisibleWork() || st >= STOP) {
                sleep.cancelSleep(w.index);
                w.idleRounds = 0;
                return true;
            }
            if (st == SHUTDOWN && sleep.sleepers() >= parallelism && sleep.allSleeping() && terminateIfQuiescent(w)) {
                return false;
            }
            if (!sleep.sleep(w.index, DEEP_SLEEP_NANOS)) {
                // Not woken for a whole deep sleep: withdraw and look once more. Covers a wake-up
                // lost to an error inside a waker (a StackOverflowError in a deep execute() can
                // hit between its claim of this sleeper and its unpark); costs one look per
                // second per idle worker. idleRounds stays: the next idle step sleeps at once.
                if (!sleep.cancelSleep(w.index)) {
                    w.idleRounds = 0; // a waker claimed this worker just now
                }
                return true;
            }
        }
        w.idleRounds = 0;
        return true;
    }

    /**
     * Called by an announced sleeper of a SHUTDOWN pool that saw every worker asleep: if no
     * submission is in flight and no work is visible, nothing can create work any more, so the
     * pool stops and every worker exits.
     */
    private boolean terminateIfQuiescent(Worker w) {
        if (!quiescent()) {
            return false;
        }
        sleep.cancelSleep(w.index);
        casState(SHUTDOWN, STOP);
        wakeUps.add(sleep.wakeAll());
        return true;
    }

    /**
     * No visible work, read after every worker announced sleep and after the state became
     * SHUTDOWN: a submitter that offered before our look is seen here; one that offers after it
     * reads SHUTDOWN and withdraws its task (see submitExternal()).
     */
    private boolean quiescent() {
        return !hasVisibleWork();
    }

    private void workerExited(Worker w) {
        boolean last;
        synchronized (this) {
            last = --liveWorkers == 0;
        }
        if (last) {
            if (w.trace != null) {
                synchronized (AbstractPool.class) {
                    tracingPools--;
                }
            }
            if (factoryThreads) {
                synchronized (Worker.class) {
                    Worker.factoryPools--;
                }
            }
            STATE.setVolatile(this, TERMINATED); // pairs with lvState() in isTerminated()
            terminated.countDown();
        }
    }

    /** Publisher side of the sleep protocol, for hot paths: wake a sleeper only if the hint shows one. */
    final void signalWorkHint() {
        if (sleep.hasSleepersHint()) {
            signalWork();
        }
    }

    /** Publisher side of the sleep protocol: the new work is visible; wake one sleeper if any. */
    final void signalWork() {
        if (sleep.wakeOne() >= 0) {
            wakeUps.increment();
        }
    }

    /**
     * Polls the shared queue(s), starting at this worker's stripe, counting contention. A
     * stopping pool's workers take nothing more: what is left is for shutdownNow's drain.
     */
    final Task<?> pollShared(Worker w) {
        if (lvState() >= STOP) {
            return null;
        }
        return sharedQueue.poll(w);
    }

    // ------------------------------------------------------------------ ExecutorService

    @Override
    final <T> SubmittedTask<T> newFuture(Callable<T> body, Object userTask) {
        return new SubmittedTask<>(body, SubmittedTask.Origin.FUTURE, userTask, this);
    }

    /**
     * Runs {@code command} on a worker. A failure thrown by it goes to the pool's
     * uncaught-exception handler (the builder's, else the worker thread's).
     *
     * @throws RejectedExecutionException if the pool is shut down, or demand control refuses
     *     the submission ({@code maxQueuedSubmissions}, {@code maxQueueDelay})
     * @throws NullPointerException if {@code command} is null
     */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        SubmittedTask<?> t = command instanceof SubmittedTask && ((SubmittedTask<?>) command).pool == this
                && !((SubmittedTask<?>) command).enqueued
                ? (SubmittedTask<?>) command // made by submit()/invokeAll() of this pool
                : new SubmittedTask<>(Task.runnableBody(command), SubmittedTask.Origin.EXECUTE, command, this);
        submitExternal(t);
    }

    @Override
    public <T> T invoke(Callable<T> root) {
        Objects.requireNonNull(root, "root");
        Worker cur = Worker.current();
        if (cur != null && cur.pool == this) {
            try {
                return root.call(); // nested: already inside this pool
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }
        SubmittedTask<T> t = new SubmittedTask<>(root, SubmittedTask.Origin.INVOKE, root, this);
        submitExternal(t);
        return t.join(); // a worker of another pool helps its own pool meanwhile
    }

    @Override
    public long invokeLong(LongJob job, Object ctx, long arg) {
        return Frames.invoke(this, job, ctx, arg);
    }

    @Override
    final void submitExternal(SubmittedTask<?> t) {
        int st = lvState();
        if (st != RUNNING) {
            admission.countRejected();
            throw rejected(st);
        }
        String refused = admission.tryAdmit(sharedQueue); // counts the task as queued if admitted
        if (refused != null) {
            throw new RejectedExecutionException("the " + kind + " pool rejected a submission: " + refused);
        }
        t.enqueued = true;
        try {
            // A linked queue: the offer links a complete node with one CAS, so even an error
            // thrown inside it (a deep recursion's StackOverflowError) leaves the queue whole.
            sharedQueue.offer(t);
            // Dekker with termination: the offer is visible before the state is read again; pairs
            // with the state CAS in shutdown() followed by the look at the queue in quiescent().
            VarHandle.fullFence();
            st = lvState();
        } catch (Throwable e) {
            if (withdraw(t)) {
                throw e; // not accepted: the caller sees the error, the task never runs
            }
            st = RUNNING; // a worker took it (or the drain did): accepted after all
        }
        if (st != RUNNING && withdraw(t)) {
            admission.countRejected();
            throw rejected(st); // withdrawn before anyone took it: not accepted
        }
        // Otherwise accepted: a worker runs it, or shutdownNow returns it.
        externalSubmissions.increment();
        signalWork(); // full fence inside: the offer is visible before sleepers is read
    }

    /** The submitter takes back its own task: true if nobody (worker, drain) took it first. */
    private static boolean withdraw(SubmittedTask<?> t) {
        if (t.leaveQueue()) {
            t.cancelPending(); // nobody can claim it any more: this always succeeds
            return true;
        }
        return false;
    }

    private RejectedExecutionException rejected(int st) {
        return new RejectedExecutionException("the " + kind + " pool is "
                + (st == SHUTDOWN ? "shut down" : "stopped") + " and accepts no new tasks: "
                + "submit before shutdown(), or create a new pool");
    }

    @Override
    public void shutdown() {
        for (;;) {
            int st = lvState();
            if (st != RUNNING || casState(RUNNING, SHUTDOWN)) {
                break;
            }
        }
        wakeUps.add(sleep.wakeAll()); // sleepers re-check: the last one detects quiescence
    }

    /**
     * Stops the pool: no new submissions; every submission still waiting is returned
     * ({@code execute} and {@code submit} tasks; their futures stay pending until run or
     * cancelled), or cancelled ({@code invoke} callers get a
     * {@link java.util.concurrent.CancellationException}); running tasks are interrupted, and
     * their joins and waits end with a {@code CancellationException}. A submission a worker took
     * from the queue just before the stop still runs. Called from several threads at once, each
     * returns a disjoint part.
     *
     * @return the submissions that never started and never will, unless the caller runs them
     */
    @Override
    public List<Runnable> shutdownNow() {
        for (;;) {
            int st = lvState();
            if (st >= STOP || casState(st, STOP)) {
                break;
            }
        }
        List<Runnable> unstarted = new ArrayList<>();
        drain(sharedQueue, unstarted);
        drainMore(unstarted);
        for (Worker w : workers) {
            if (w.thread() != Thread.currentThread()) {
                w.thread().interrupt();
            }
        }
        wakeUps.add(sleep.wakeAll());
        return unstarted;
    }

    /**
     * shutdownNow's drain of one queue: a submission it takes out of the queued state while
     * still NEW is returned; an {@code invoke} root and an internal task are cancelled, so no
     * caller waits for ever.
     */
    static void drain(SharedQueues q, List<Runnable> unstarted) {
        Task<?> t;
        while ((t = q.pollAny()) != null) {
            if (t instanceof SubmittedTask) {
                SubmittedTask<?> st = (SubmittedTask<?>) t;
                if (st.leaveQueue() && st.laStatus() == Task.NEW) {
                    if (st.origin == SubmittedTask.Origin.INVOKE) {
                        st.cancelPending(); // its caller gets a CancellationException
                    } else {
                        unstarted.add(st); // the caller owns it now; its Future stays pending
                    }
                }
            } else {
                t.cancelPending(); // internal tasks: their joiners must not wait for ever
            }
        }
    }

    /** Drains the subclass's other queues in shutdownNow (the centralized pool's ready queue). */
    void drainMore(List<Runnable> unstarted) {
    }

    @Override
    public boolean isShutdown() {
        return lvState() >= SHUTDOWN;
    }

    @Override
    public boolean isTerminated() {
        if (lvState() != TERMINATED) {
            return false;
        }
        for (Worker w : workers) {
            if (w.thread().isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!terminated.await(timeout, unit)) {
            return false;
        }
        for (Worker w : workers) {
            long left = deadline - System.nanoTime();
            if (left <= 0 && w.thread().isAlive()) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedJoin(w.thread(), Math.max(left, 1L));
            if (w.thread().isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        Thread th = Thread.currentThread();
        Worker cur = Worker.current();
        if (cur != null && cur.pool == this) {
            throw new IllegalStateException("close() was called from a worker of this pool and would wait for "
                    + "itself; call shutdown() from the task instead, or close the pool from outside it");
        }
        shutdown();
        boolean interrupted = false;
        for (;;) {
            try {
                if (awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            th.interrupt();
        }
    }

    @Override
    public Trace trace() {
        if (workers[0].trace == null) {
            throw new IllegalStateException("this pool does not trace: build it with tracing(true) to record "
                    + "the task graph of its runs");
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Worker w : workers) {
            while (w.trace.isBusy()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("trace() needs a quiescent pool, but worker " + w.thread().getName()
                            + " is still running a task: call it after invoke() returned and nothing else runs");
                }
                Thread.onSpinWait();
            }
        }
        WorkerTrace[] traces = new WorkerTrace[parallelism];
        for (int i = 0; i < parallelism; i++) {
            traces[i] = workers[i].trace;
        }
        return Trace.of(kind, parallelism, traces, tracerOverheadNanos, traceBudgetStrands);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    // ------------------------------------------------------------------ stats

    @Override
    public synchronized SchedulerStats stats() {
        long executed = 0, spawns = 0, attempts = 0, steals = 0, parks = 0, offers = externalSubmissions.sum(),
                polls = 0, contention = 0;
        List<Long> busy = new ArrayList<>(parallelism);
        for (Worker w : workers) {
            // Racy reads of single-writer counters: a snapshot (see Worker).
            executed += w.counters.tasksExecuted;
            spawns += w.counters.spawns;
            attempts += w.counters.stealAttempts;
            steals += w.counters.steals;
            parks += w.counters.parks;
            offers += w.counters.queueOffers;
            polls += w.counters.queuePolls;
            contention += w.counters.queueContention;
            busy.add(w.counters.busyNanos);
            latencyTotal.add(w.latency.getIntervalHistogram()); // SingleWriterRecorder: safe concurrent read
        }
        Histogram h = latencyTotal;
        SchedulerStats.Latency lat = new SchedulerStats.Latency(h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
        return new SchedulerStats(kind, parallelism, executed, spawns, attempts, steals,
                externalSubmissions.sum(), parks, wakeUps.sum(), offers, polls, contention, busy, lat,
                admission.rejected(), admission.queued());
    }

    // ------------------------------------------------------------------ state

    final int lvState() {
        return (int) STATE.getVolatile(this); // pairs with casState() / the TERMINATED store
    }

    private boolean casState(int expect, int update) {
        return STATE.compareAndSet(this, expect, update); // pairs with lvState() of workers and submitters
    }

    final String kind() {
        return kind;
    }

    @Override
    public String toString() {
        int st = lvState();
        String s = st == RUNNING ? "running" : st == SHUTDOWN ? "shutting down" : st == STOP ? "stopping" : "terminated";
        return getClass().getSimpleName() + "[parallelism=" + parallelism + ", " + s + "]";
    }
}
