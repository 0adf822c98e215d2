package org.wsched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
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
abstract class AbstractPool extends AbstractExecutorService implements Scheduler {

    static final int RUNNING = 0;
    static final int SHUTDOWN = 1;
    static final int STOP = 2;
    static final int TERMINATED = 3;

    /** Nested helping (running other tasks while joining) stops at this depth; the joiner then blocks. */
    static final int MAX_HELP_DEPTH = 16;
    /** The first, timed part of falling asleep (see class comment). */
    static final long NAP_NANOS = 2_000_000L;
    /** A worker looks at the shared queue before its own deque once every this many loop turns. */
    static final int FAIRNESS_MASK = 63;

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
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final LongAdder externalSubmissions = new LongAdder();
    private final LongAdder wakeUps = new LongAdder();
    private final Histogram latencyTotal = new Histogram(3);
    private int state; // accessed only through STATE
    private int liveWorkers; // guarded by 'this'

    /**
     * @param deques creates worker {@code i}'s deque, or null for a pool without deques
     */
    AbstractPool(String kind, PoolBuilder<?> s, java.util.function.IntFunction<WorkStealingDeque<Task<?>>> deques) {
        this.kind = kind;
        this.claimsChildren = deques == null;
        // The centralized pool's one global FIFO queue is its policy: one stripe. The
        // work-stealing pool stripes submissions so that producers do not contend.
        this.sharedQueue = new SharedQueues(deques == null ? 1 : Math.min(8, Integer.highestOneBit(2 * s.parallelism)));
        this.parallelism = s.parallelism;
        this.idleRoundsBeforeSleep = s.idleRoundsBeforeSleep;
        if (s.tracing && !TRACE_HOOKS) {
            throw new IllegalStateException("tracing(true) needs the tracing hooks, which "
                    + "-Dwsched.internal.noTraceHooks=true removed: drop that property to trace");
        }
        this.sleep = new SleepController(parallelism);
        this.workers = new Worker[parallelism];
        SplittableRandom seeds = new SplittableRandom(s.seed);
        for (int i = 0; i < parallelism; i++) {
            workers[i] = new Worker(this, i, s.threadNamePrefix + i, s.workerStackSize,
                    deques == null ? null : deques.apply(i),
                    seeds.split(), s.idleStrategy.get(),
                    s.tracing ? new WorkerTrace(i, parallelism, 3 * s.traceBudgetStrands) : null);
            sleep.register(i, workers[i]);
        }
        liveWorkers = parallelism;
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
        for (Worker w : workers) {
            w.start();
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

    /** Worker {@code w} waits for {@code task}: runs it if nobody has, else helps, else blocks. */
    abstract void awaitJoin(Worker w, Task<?> task);

    /** Whether some task is visible to an idle worker (the re-check before sleeping). */
    abstract boolean hasVisibleWork();

    /** parallelFor: whether {@code w} should split its remaining range now. */
    abstract boolean shouldSplit(Worker w);

    // ------------------------------------------------------------------ worker loop

    final void runWorker(Worker w) {
        try {
            for (;;) {
                Task<?> t = findWork(w);
                if (t != null) {
                    w.idleRounds = 0;
                    runTopLevel(w, t);
                } else if (!idle(w)) {
                    break;
                }
            }
        } finally {
            workerExited(w);
        }
    }

    private void runTopLevel(Worker w, Task<?> t) {
        TaskRunEvent ev = new TaskRunEvent(); // eliminated by the JIT when JFR does not record it
        ev.begin();
        long start = System.nanoTime();
        boolean submitted = t instanceof SubmittedTask;
        if (submitted) {
            w.latency.recordValue(Math.max(0L, start - ((SubmittedTask<?>) t).submitNanos));
        }
        runTask(w, t, true);
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
     * Runs a task found by {@code w}: claims it first if it requires a claim, cancels it instead
     * if the pool is stopping.
     *
     * @param shared whether another thread may be waiting for it (complete with a full fence)
     */
    final void runTask(Worker w, Task<?> t, boolean shared) {
        if (lvState() >= STOP) {
            t.cancelPending(); // shutdownNow: pending tasks are cancelled, joiners see CancellationException
            return;
        }
        if (t.claimed && !t.tryClaim()) {
            return; // cancelled, or run by its joiner (centralized pool)
        }
        executeOwned(w, t, shared);
        if (t instanceof SubmittedTask) {
            SubmittedTask<?> st = (SubmittedTask<?>) t;
            if (st.origin == SubmittedTask.Origin.EXECUTE && st.failed()) {
                reportUncaught(w, st.failure());
            }
        }
    }

    /** The join fast path: {@code w} owns {@code t} exclusively (popped it or claimed it) and runs it now. */
    final void executeInline(Worker w, Task<?> t) {
        executeOwned(w, t, false);
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

    private static void reportUncaught(Worker w, Throwable failure) {
        Thread.UncaughtExceptionHandler h = w.getUncaughtExceptionHandler();
        if (h != null) {
            h.uncaughtException(w, failure);
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
        if (st == SHUTDOWN && sleepers == parallelism && terminateIfQuiescent(w)) {
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
            if (st == SHUTDOWN && sleep.sleepers() == parallelism && terminateIfQuiescent(w)) {
                return false;
            }
            sleep.sleep(w.index, 0L);
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

    /** Polls the shared queue(s), starting at this worker's stripe, counting contention. */
    final Task<?> pollShared(Worker w) {
        return sharedQueue.poll(w);
    }

    /**
     * One step of waiting for {@code task} when there is nothing to help with: spin, then yield,
     * then park for at most a millisecond (registered as a waiter, so completion wakes it at
     * once); the caller looks for work to help with between steps.
     */
    final void waitFor(Worker w, Task<?> task, int spins) {
        if (spins < 256) {
            Thread.onSpinWait();
        } else if (spins < 512) {
            Thread.yield();
        } else {
            if (w.waitingOn != task) {
                if (!task.registerWaiter(new Task.WaitNode(w))) {
                    return; // completing right now
                }
                w.waitingOn = task;
            }
            if (!task.isDone()) {
                LockSupport.parkNanos(task, 1_000_000L);
            }
        }
    }

    // ------------------------------------------------------------------ ExecutorService

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new SubmittedTask<>(callable, SubmittedTask.Origin.FUTURE, callable);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new SubmittedTask<>(() -> {
            runnable.run();
            return value;
        }, SubmittedTask.Origin.FUTURE, runnable);
    }

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        SubmittedTask<?> t = command instanceof SubmittedTask && !((SubmittedTask<?>) command).enqueued
                ? (SubmittedTask<?>) command // from submit()/invokeAll(): newTaskFor made it
                : new SubmittedTask<>(Task.runnableBody(command), SubmittedTask.Origin.EXECUTE, command);
        submitExternal(t);
    }

    @Override
    public <T> T invoke(Callable<T> root) {
        Objects.requireNonNull(root, "root");
        Thread th = Thread.currentThread();
        if (th instanceof Worker && ((Worker) th).pool == this) {
            try {
                return root.call(); // nested: already inside this pool
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }
        SubmittedTask<T> t = new SubmittedTask<>(root, SubmittedTask.Origin.INVOKE, root);
        submitExternal(t);
        t.awaitUninterruptibly();
        return t.join();
    }

    @Override
    public long invokeLong(LongJob job, Object ctx, long arg) {
        return Frames.invoke(this, job, ctx, arg);
    }

    private void submitExternal(SubmittedTask<?> t) {
        int st = lvState();
        if (st != RUNNING) {
            throw rejected(st);
        }
        t.enqueued = true;
        sharedQueue.offer(t); // MPMC unbounded: never fails; xadd on the stripe's producer index
        // Dekker with termination: the offer is visible before the state is read again; pairs
        // with the state CAS in shutdown() followed by the look at the queue in quiescent().
        VarHandle.fullFence();
        st = lvState();
        if (st != RUNNING && t.cancelPending()) {
            throw rejected(st); // withdrawn before anyone started it: not accepted
        }
        // Otherwise accepted: a worker runs it (or already started it).
        externalSubmissions.increment();
        signalWork(); // full fence inside: the offer is visible before sleepers is read
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

    @Override
    public List<Runnable> shutdownNow() {
        for (;;) {
            int st = lvState();
            if (st >= STOP || casState(st, STOP)) {
                break;
            }
        }
        List<Runnable> unstarted = new ArrayList<>();
        Task<?> t;
        while ((t = sharedQueue.pollAny()) != null) {
            if (t instanceof SubmittedTask && ((SubmittedTask<?>) t).origin != SubmittedTask.Origin.INVOKE) {
                if (t.laStatus() == Task.NEW) {
                    unstarted.add((SubmittedTask<?>) t); // the caller owns it now; its Future stays pending
                }
            } else {
                t.cancelPending(); // invoke() callers and internal tasks must not wait forever
            }
        }
        for (Worker w : workers) {
            if (w != Thread.currentThread()) {
                w.interrupt();
            }
        }
        wakeUps.add(sleep.wakeAll());
        return unstarted;
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
            if (w.isAlive()) {
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
            if (left <= 0 && w.isAlive()) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedJoin(w, Math.max(left, 1L));
            if (w.isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        Thread th = Thread.currentThread();
        if (th instanceof Worker && ((Worker) th).pool == this) {
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
                    throw new IllegalStateException("trace() needs a quiescent pool, but worker " + w.getName()
                            + " is still running a task: call it after invoke() returned and nothing else runs");
                }
                Thread.onSpinWait();
            }
        }
        WorkerTrace[] traces = new WorkerTrace[parallelism];
        for (int i = 0; i < parallelism; i++) {
            traces[i] = workers[i].trace;
        }
        return Trace.of(kind, parallelism, traces, tracerOverheadNanos);
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
                externalSubmissions.sum(), parks, wakeUps.sum(), offers, polls, contention, busy, lat);
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
