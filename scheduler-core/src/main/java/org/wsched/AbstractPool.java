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
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.internal.idle.SleepController;
import org.wsched.internal.VarHandles;

/**
 * The pool core both pools share: the workers, the shared queue of submitted tasks, the
 * {@link java.util.concurrent.ExecutorService} life cycle and submission path. The rest of the
 * mechanism has a room of its own: the worker loop and how a task is run ({@link WorkerLoop}),
 * the one wait loop of every join and get ({@link WaitLoop}), the idle cycle and sleep
 * ({@link IdleCycle}, {@link org.wsched.internal.idle.SleepController}), the statistics
 * ({@link PoolCounters}). Subclasses are policy: where ready tasks go and where idle workers look
 * ({@link #pushChild}, {@link #findWork}, {@link #awaitJoin}, {@link #helpOnce},
 * {@link #hasVisibleWork}, {@link #shouldSplit}).
 *
 * <h2>Life cycle</h2>
 * RUNNING → SHUTDOWN (no new submissions; accepted work finishes) → STOP (workers exit;
 * pending tasks are cancelled) → TERMINATED (every worker has exited). A SHUTDOWN pool stops
 * when the last worker to get sleepy finds every worker asleep and no work visible (see
 * {@link IdleCycle}); a submission racing with that look is either seen or withdraws itself
 * (R5 in {@link org.wsched.internal.idle.SleepController}). {@code docs/architecture.md} maps
 * the rooms and the path of a spawn and a join.
 */
abstract class AbstractPool extends ExecutorMethods {

    static final int RUNNING = 0;
    static final int SHUTDOWN = 1;
    static final int STOP = 2;
    static final int TERMINATED = 3;

    /** An idle-loop turn looks at the shared queue before other work once every this many + 1 turns. */
    static final int FIND_FAIRNESS_MASK = 15;

    private static final VarHandle STATE = VarHandles.field(MethodHandles.lookup(), AbstractPool.class, "state", int.class);


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
    final int idleRoundsBeforeSleep;
    private final String kind;
    /** The tracer's cost per strand, taken off traced durations (0 when the pool does not trace). */
    private final double tracerOverheadNanos;
    /** The builder's traceBudget, for the error that says it was exceeded. */
    private final long traceBudgetStrands;
    private final CountDownLatch terminated = new CountDownLatch(1);
    /** Demand control and the count of queued submissions (see Admission). */
    final Admission admission;
    /** Where failures of execute() tasks go; null: the worker thread's own handler. */
    final Thread.UncaughtExceptionHandler uncaughtHandler;
    /** Pool-wide counters (submissions, wake-ups, latency) and the stats snapshot. */
    final PoolCounters counters = new PoolCounters();
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
        this.sharedQueue = new SharedQueues(Math.min(8, Integer.highestOneBit(2 * s.parallelism)), this::submissionsRaised);
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
            workers[i] = Worker.create(this, i, s, deques == null ? null : deques.apply(i), seeds.split(),
                    s.tracing ? new WorkerTrace(i, parallelism, traceBudget) : null);
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
     * the subclass; everything slower goes through {@link WaitLoop#awaitDone}.
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

    // ------------------------------------------------------------------ workers and the sleep protocol

    /** The last worker to exit moves the pool to TERMINATED (called by the worker loop). */
    final void workerExited(Worker w) {
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
            svState(TERMINATED); // pairs with lvState() in isTerminated()
            terminated.countDown();
        }
    }

    /**
     * The "submissions waiting" flag was just raised by the calling thread (a submitter, or a
     * worker whose lowering found a new submission): pools whose workers run frames computations
     * ask each worker's frames for attention, since frames syncs do not read the flag (J25).
     */
    void submissionsRaised() {
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
            counters.wakeUps.increment();
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
        boolean signalled = false;
        try {
            // A linked queue: the offer links a complete node with one CAS, so even an error
            // thrown inside it (a deep recursion's StackOverflowError) leaves the queue whole.
            sharedQueue.offer(t);
            // J25: busy workers see it at their next joins, frames computations at their next
            // spawns (Dekker with lower(): the offer's CAS comes before raise()'s volatile load;
            // see SubmissionFlag).
            sharedQueue.raiseWaiting();
            // One full fence for two Dekker pairs: the offer is visible before the sleeper count
            // is read (R1, SleepController: pairs with the getAndAdd of announceSleep() followed
            // by the sleepy worker's second look) and before the state is read again (R5: pairs
            // with the state CAS in shutdown() followed by the look at the queue in quiescent()).
            VarHandle.fullFence();
            // Wake a sleeper before anything else: a parked thread needs tens of microseconds to
            // start, and the rest of this method runs meanwhile. If the submission is withdrawn
            // below, the woken worker finds nothing and sleeps again.
            if (sleep.wakeOneAfterFence() >= 0) {
                counters.wakeUps.increment();
            }
            signalled = true;
            st = lvState();
        } catch (Throwable e) {
            if (t.withdraw()) {
                throw e; // not accepted: the caller sees the error, the task never runs
            }
            st = RUNNING; // a worker took it (or the drain did): accepted after all
        }
        if (st != RUNNING && t.withdraw()) {
            admission.countRejected();
            throw rejected(st); // withdrawn before anyone took it: not accepted
        }
        // Otherwise accepted: a worker runs it, or shutdownNow returns it.
        counters.externalSubmissions.increment();
        if (!signalled) {
            signalWork(); // accepted after an error before the wake-up: full fence inside, then wake
        }
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
        counters.wakeUps.add(sleep.wakeAll()); // sleepers re-check: the last one detects quiescence
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
        SubmittedTask.drain(sharedQueue, unstarted);
        drainMore(unstarted);
        for (Worker w : workers) {
            if (w.thread() != Thread.currentThread()) {
                w.thread().interrupt();
            }
        }
        counters.wakeUps.add(sleep.wakeAll());
        return unstarted;
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
    public SchedulerStats stats() {
        return counters.snapshot(kind, workers, admission);
    }

    // ------------------------------------------------------------------ state

    final int lvState() {
        return (int) STATE.getVolatile(this); // pairs with casState() / the TERMINATED store
    }

    private void svState(int s) {
        STATE.setVolatile(this, s);
    }

    final boolean casState(int expect, int update) {
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
