package org.wsched;

import java.util.SplittableRandom;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.IdleStrategy;
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.internal.idle.SubmissionFlag;

/**
 * A worker of a pool. Its mutable fields are written only by the worker itself; other
 * threads do not read this object on hot paths (thieves reach deques through the pool's array).
 *
 * <p>By default the worker is its own thread (this class extends {@link Thread}, so finding
 * the current worker is one type check). A pool built with a
 * {@link java.util.concurrent.ThreadFactory} runs the worker loop on the factory's thread
 * instead: this object is then never started, {@link #thread()} is the factory's thread, and
 * {@link #current()} finds the worker through a thread-local, consulted only while such a pool
 * exists.
 */
final class Worker extends Thread {

    /** The worker running on a factory-made thread (see the class comment). */
    private static final ThreadLocal<Worker> ON_FACTORY_THREAD = new ThreadLocal<>();
    /**
     * How many pools run workers on factory threads. Read plainly on hot paths (zero: no
     * thread-local lookup); a pool increments it before starting its threads (Thread.start()
     * publishes it to them) and a thread that reads a stale zero is not a factory worker of a
     * pool it could see anyway.
     */
    static int factoryPools;

    /** The thread that runs this worker's loop: itself, or the factory's thread. */
    private Thread runner = this;

    final AbstractPool pool;
    final int index;
    /** This worker's deque (work-stealing pool); null in the centralized pool. */
    final WorkStealingDeque<Task<?>> deque;
    final SplittableRandom random;
    final IdleStrategy idle;
    final SingleWriterRecorder latency = new SingleWriterRecorder(3);

    // Owner-only state.
    int helpDepth;
    int tick;
    int idleRounds;
    /** This worker's trace recorder, or null when the pool does not trace (the usual case). */
    final WorkerTrace trace;
    /**
     * The deque of the spawn and join fast paths ({@link Task#joinFast}): this worker's own, or
     * null when the pool's hooks must see every spawn and join (a tracing pool, the centralized
     * pool). One load answers both questions on the hot path.
     */
    final WorkStealingDeque<Task<?>> fastDeque;
    /**
     * The pool's "submissions are waiting" flag, kept here so that a join reads it with one load
     * ({@link Task#joinFast}; see WaitLoop.fairnessTick).
     */
    final SubmissionFlag submissionsWaiting;
    /** Joins counted while submissions were waiting (see WaitLoop.fairnessTick); not a statistic. */
    int fairnessTicks;
    /** The pool's {@code claimsChildren}, kept here so a spawn does not load the pool. */
    final boolean claimsChildren;
    /** The task this worker is registered as a waiter on (see WaitLoop.waitStep), or null. */
    Task<?> waitingOn;
    /**
     * Tasks this worker took (popped, stole, polled or claimed) that an error kept from starting,
     * or whose completion failed. A call that would run a taken task is guarded: if it fails
     * before the task starts (a StackOverflowError at the very edge of the stack), the catch
     * pushes the task here with plain stores, which make no call; where calls must follow a take
     * before the guarded run (a steal), the task sits here meanwhile. What is left is completed
     * by a shallower frame (see WorkerLoop.completeTaken). Nothing is stored on the fast path.
     */
    final Task<?>[] taken = new Task<?>[64];
    /** For each entry of {@link #taken}: the error its completion failed with, or null (never started). */
    final Throwable[] takenError = new Throwable[64];
    /** The number of entries in {@link #taken}. */
    int takenCount;
    /** Inline claims since the centralized pool last looked at its queue's size (see CentralizedPool). */
    int inlineClaims;
    /** Whether this worker is removing dead entries from the centralized queue. */
    boolean pruning;
    /** This worker's spawn frames (see Frames); set by the pool before the worker starts. */
    Frames frames;

    /** Single-writer counters, on their own padded cache lines (see WorkerCounters). */
    final WorkerCounters counters = new WorkerCounters();

    Worker(AbstractPool pool, int index, String name, long stackSize, WorkStealingDeque<Task<?>> deque,
           SplittableRandom random, IdleStrategy idle, WorkerTrace trace) {
        super(null, null, name, stackSize);
        this.pool = pool;
        this.index = index;
        this.deque = deque;
        this.random = random;
        this.idle = idle;
        this.trace = trace;
        this.fastDeque = trace == null ? deque : null;
        // The pool's flag (final, assigned before the pool creates workers); a worker of no pool
        // (unit tests of the queue classes, never started) gets a flag of its own.
        this.submissionsWaiting = pool != null ? pool.sharedQueue.waiting : new SubmissionFlag();
        this.claimsChildren = deque == null; // as the pool's: no deques, so children are claimed from its queue
        setDaemon(true);
    }

    /**
     * Creates worker {@code i} of {@code pool} as the builder {@code s} says: on its own thread,
     * or on a thread of the builder's thread factory (which then decides name, daemon status,
     * priority and handler).
     */
    static Worker create(AbstractPool pool, int i, PoolBuilder<?> s, WorkStealingDeque<Task<?>> deque,
                         SplittableRandom random, WorkerTrace trace) {
        Worker w = new Worker(pool, i, s.threadNamePrefix + i, s.workerStackSize, deque, random,
                s.idleStrategy.get(), trace);
        if (s.threadFactory != null) {
            Thread t = s.threadFactory.newThread(w);
            if (t == null || t.getState() != Thread.State.NEW) {
                throw new IllegalStateException("the threadFactory returned " + (t == null ? "null" : "a started thread")
                        + " for worker " + i + ": it must return a new, unstarted thread that runs the Runnable it is given");
            }
            w.runOn(t);
        } else {
            w.setDaemon(s.daemon);
            if (s.uncaughtExceptionHandler != null) {
                w.setUncaughtExceptionHandler(s.uncaughtExceptionHandler);
            }
        }
        return w;
    }

    /**
     * The worker running the current thread, or null if it is not a worker.
     *
     * @return the current worker or null
     */
    static Worker current() {
        Thread t = Thread.currentThread();
        if (t instanceof Worker) {
            return (Worker) t;
        }
        return factoryPools == 0 ? null : ON_FACTORY_THREAD.get();
    }

    /** The thread this worker runs on (to interrupt, unpark, join or name it). */
    Thread thread() {
        return runner;
    }

    /** Runs the worker loop on {@code t}, a thread made by the pool's thread factory (before it starts). */
    void runOn(Thread t) {
        this.runner = t; // plain: published to other threads by Thread.start() and the pool's construction
    }

    @Override
    public void run() {
        if (Thread.currentThread() != this) {
            ON_FACTORY_THREAD.set(this); // on a factory thread: make current() find this worker
        }
        WorkerLoop.runWorker(this);
    }
}
