package org.wsched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wsched.internal.VarHandles;

/**
 * A task accepted through the {@link java.util.concurrent.ExecutorService} methods or
 * {@link Scheduler#invoke}: it waits in the pool's shared queue, must be claimed before it runs
 * (so {@link #cancel} and {@code shutdownNow} cannot race with a worker), and records when it
 * was submitted for the schedule-latency histogram.
 *
 * <h2>Leaving the queue, exactly once</h2>
 * An accepted submission ends in exactly one of three ways: it runs, {@code shutdownNow} returns
 * it, or it is cancelled. Besides the task status (claimed by CAS before running, see
 * {@link Task#tryClaim()}), a second word, {@code handoff}, decides who took it out of the
 * queued state: a worker about to run it, the {@code shutdownNow} drain, a canceller, or the
 * submitter withdrawing it when the pool shut down under it. The winner of the CAS on
 * {@code handoff} updates the pool's count of queued submissions; a worker runs a task only after
 * winning both words, and the drain returns it only after winning {@code handoff} while the
 * status is still {@code NEW}, so no task is both returned and run.
 *
 * <h2>Cancellation</h2>
 * As {@link java.util.concurrent.FutureTask}: {@code cancel} of a task not yet done makes it done
 * and cancelled at once, running or not; with {@code mayInterruptIfRunning} the runner is
 * interrupted, and the runner does not go on to another task before that interrupt was delivered.
 */
final class SubmittedTask<T> extends Task<T> implements RunnableFuture<T> {

    /** How the submitter will learn of a failure. */
    enum Origin {
        /** submit/invokeAll/invokeAny: through the Future. */
        FUTURE,
        /** execute(Runnable): nobody holds a Future, so failures go to the uncaught-exception handler. */
        EXECUTE,
        /** Scheduler.invoke: a thread is blocked on it; shutdownNow cancels it instead of returning it. */
        INVOKE
    }

    private static final int QUEUED = 0;
    private static final int LEFT = 1;

    private static final int NO_INTERRUPT = 0;
    private static final int INTERRUPTING = 1;
    private static final int INTERRUPTED = 2;

    private static final VarHandle HANDOFF = VarHandles.field(MethodHandles.lookup(), SubmittedTask.class, "handoff", int.class);
    private static final VarHandle RUNNER = VarHandles.field(MethodHandles.lookup(), SubmittedTask.class, "runner", Thread.class);
    private static final VarHandle INTERRUPT = VarHandles.field(MethodHandles.lookup(), SubmittedTask.class, "interrupt", int.class);


    /**
     * One submission in {@code LATENCY_SAMPLE} is timed for the pool's submit-to-start latency
     * histogram (two clock reads, about a fifth of the whole cost of a tiny submission on this
     * project's benchmark machine); every one when the pool sheds by queue delay, which needs the
     * submit time of the oldest waiting task.
     */
    static final int LATENCY_SAMPLE = 8;

    /** When it was submitted ({@code System.nanoTime()}), or 0 if this submission is not timed. */
    final long submitNanos;
    final Origin origin;
    /** The pool that accepted it: its admission count is updated when the task leaves the queue. */
    final AbstractPool pool;
    private final Object userTask; // what the user passed, for toString
    /** Set by the submitting thread before the task is published to the shared queue. */
    boolean enqueued;
    private int handoff; // accessed only through HANDOFF
    private Thread runner; // accessed only through RUNNER
    private int interrupt; // accessed only through INTERRUPT

    SubmittedTask(Callable<? extends T> body, Origin origin, Object userTask, AbstractPool pool) {
        super(body, true);
        this.origin = origin;
        this.userTask = userTask;
        this.pool = pool;
        this.submitNanos = (pool != null && pool.admission.timesEverySubmission())
                || ThreadLocalRandom.current().nextInt(LATENCY_SAMPLE) == 0 ? timestamp() : 0L;
    }

    /** {@code System.nanoTime()}, never 0 (0 means "not timed"). */
    private static long timestamp() {
        long t = System.nanoTime();
        return t != 0L ? t : 1L;
    }

    /**
     * Takes the task out of the queued state; exactly one caller wins, and it updates the pool's
     * count of queued submissions.
     *
     * @return true for the winner
     */
    boolean leaveQueue() {
        // Pairs with the same CAS by workers, the shutdownNow drain, cancel() and the withdrawing submitter.
        if (lvHandoff() == QUEUED && casHandoff(QUEUED, LEFT)) {
            if (enqueued) {
                pool.admission.left();
            }
            return true;
        }
        return false;
    }

    /** A worker claims the task to run it: first out of the queue, then NEW → RUNNING. */
    @Override
    boolean claim() {
        if (!leaveQueue() || !tryClaim()) {
            return false;
        }
        // Release, no fence: a canceller that reads it stale (null) just does not interrupt, as
        // with FutureTask's runner field; pairs with the volatile read in cancel().
        soRunner(Thread.currentThread());
        return true;
    }

    /**
     * Runs the task on the calling thread if nobody claimed it yet (e.g. after
     * {@code shutdownNow} returned it).
     */
    @Override
    public void run() {
        leaveQueue();
        if (tryClaim()) {
            svRunner(Thread.currentThread()); // pairs with the read in cancel()
            execute(true);
        }
    }

    /**
     * Cancels the task if it is not done, as {@link java.util.concurrent.FutureTask#cancel} does: a
     * task that has not started never will; a running task is marked done and cancelled at once
     * (its result, when it comes, is dropped) and, if {@code mayInterruptIfRunning}, its thread is
     * interrupted.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        for (;;) {
            int s = laStatus();
            if (s >= NORMAL) {
                return false;
            }
            if (s == NEW) {
                if (cancelPending()) {
                    leaveQueue();
                    return true;
                }
                continue; // claimed meanwhile: now RUNNING (or done)
            }
            // RUNNING: announce the interrupt before the status changes, so a runner that finds
            // the task cancelled waits for the interrupt to land (see awaitCancelInterrupt()).
            // Only one canceller announces (CAS); pairs with the read in awaitCancelInterrupt().
            boolean announced = mayInterruptIfRunning && casInterrupt(NO_INTERRUPT, INTERRUPTING);
            if (tryCancelRunning()) {
                if (announced) {
                    Thread r = lvRunner(); // pairs with the store in claim()/run()
                    try {
                        if (r != null) {
                            r.interrupt();
                        }
                    } finally {
                        svInterrupt(INTERRUPTED); // pairs with awaitCancelInterrupt()
                    }
                }
                return true;
            }
            if (announced) {
                svInterrupt(NO_INTERRUPT); // the task completed first: nothing to interrupt
            }
        }
    }

    /**
     * The runner found its completion beaten by a cancellation: wait until the canceller has
     * delivered its interrupt, so it cannot hit the next task this thread runs.
     */
    @Override
    void awaitCancelInterrupt() {
        while (lvInterrupt() == INTERRUPTING) { // pairs with the stores in cancel()
            Thread.onSpinWait();
        }
    }

    @Override
    public boolean isCancelled() {
        return laStatus() == CANCELLED;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!isDone()) {
            ExecutorMethods.await(this, 0L);
        }
        return reportGet();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!isDone()) {
            if (!ExecutorMethods.await(this, ExecutorMethods.deadlineAfter(timeout, unit))) {
                throw new TimeoutException("task not done after " + timeout + " " + unit + ": " + userTask);
            }
        }
        return reportGet();
    }

    @SuppressWarnings("unchecked")
    private T reportGet() throws ExecutionException {
        int s = laStatus();
        if (s == NORMAL) {
            return (T) outcome();
        }
        if (s == CANCELLED) {
            throw new CancellationException("task was cancelled: " + userTask);
        }
        throw new ExecutionException((Throwable) outcome());
    }

    boolean failed() {
        return laStatus() == EXCEPTIONAL;
    }

    Throwable failure() {
        return laStatus() == EXCEPTIONAL ? (Throwable) outcome() : null;
    }

    @Override
    public String toString() {
        return super.toString() + "[" + userTask + "]";
    }

    /** The submitter takes back its own task: true if nobody (worker, drain) took it first. */
    final boolean withdraw() {
        if (leaveQueue()) {
            cancelPending(); // nobody can claim it any more: this always succeeds
            return true;
        }
        return false;
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

    // ------------------------------------------------------------------ accessors (memory-order names: org.wsched.internal)

    private int lvHandoff() {
        return (int) HANDOFF.getVolatile(this);
    }

    private boolean casHandoff(int expect, int update) {
        return HANDOFF.compareAndSet(this, expect, update);
    }

    private void soRunner(Thread t) {
        RUNNER.setRelease(this, t);
    }

    private void svRunner(Thread t) {
        RUNNER.setVolatile(this, t);
    }

    private Thread lvRunner() {
        return (Thread) RUNNER.getVolatile(this);
    }

    private boolean casInterrupt(int expect, int update) {
        return INTERRUPT.compareAndSet(this, expect, update);
    }

    private void svInterrupt(int v) {
        INTERRUPT.setVolatile(this, v);
    }

    private int lvInterrupt() {
        return (int) INTERRUPT.getVolatile(this);
    }
}
