package org.wsched;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A task accepted through the {@link java.util.concurrent.ExecutorService} methods or
 * {@link Scheduler#invoke}: it waits in the pool's shared queue, must be claimed before it runs
 * (so {@link #cancel} and {@code shutdownNow} cannot race with a worker), and records when it
 * was submitted for the schedule-latency histogram.
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

    final long submitNanos;
    final Origin origin;
    private final Object userTask; // what the user passed, for toString
    /** Set by the submitting thread before the task is published to the shared queue. */
    boolean enqueued;

    SubmittedTask(Callable<? extends T> body, Origin origin, Object userTask) {
        super(body, true);
        this.origin = origin;
        this.userTask = userTask;
        this.submitNanos = System.nanoTime();
    }

    /** Runs the task on the calling thread if nobody claimed it yet (e.g. after shutdownNow returned it). */
    @Override
    public void run() {
        if (tryClaim()) {
            execute(true);
        }
    }

    /**
     * Cancels the task if it has not started. A task that already started is not stopped and
     * this returns false, whatever {@code mayInterruptIfRunning} says ({@code shutdownNow()}
     * interrupts running tasks).
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancelPending();
    }

    @Override
    public boolean isCancelled() {
        return laStatus() == CANCELLED;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!isDone()) {
            awaitFromGet(0L);
        }
        return reportGet();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!isDone()) {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            if (deadline == 0L) {
                deadline = 1L;
            }
            if (!awaitFromGet(deadline)) {
                throw new TimeoutException("task not done after " + timeout + " " + unit);
            }
        }
        return reportGet();
    }

    private boolean awaitFromGet(long deadline) throws InterruptedException {
        Thread t = Thread.currentThread();
        if (deadline == 0L && t instanceof Worker) {
            // A worker must not block on a queued task: it may be the only one that can run it.
            Worker w = (Worker) t;
            w.pool.awaitJoin(w, this);
            return true;
        }
        return awaitBlocking(deadline, true);
    }

    @SuppressWarnings("unchecked")
    private T reportGet() throws ExecutionException {
        int s = laStatus();
        Object o = outcome();
        if (s == NORMAL) {
            return (T) o;
        }
        if (s == CANCELLED) {
            throw new CancellationException("task was cancelled before it started: " + userTask);
        }
        throw new ExecutionException((Throwable) o);
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
}
