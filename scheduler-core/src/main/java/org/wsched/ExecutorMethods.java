package org.wsched;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link java.util.concurrent.ExecutorService} methods built on submission
 * ({@code submit}, {@code invokeAll}, {@code invokeAny}), with the semantics of
 * {@link java.util.concurrent.FutureTask} and {@link java.util.concurrent.AbstractExecutorService}
 * and two differences that matter inside a fork/join pool: a worker that waits for submitted
 * work helps run it (so a one-worker pool cannot deadlock on its own submissions), and every
 * collection is checked for null elements before anything is submitted.
 */
abstract class ExecutorMethods implements Scheduler {

    /** Accepts {@code t} into the pool, or throws {@link java.util.concurrent.RejectedExecutionException}. */
    abstract void submitExternal(SubmittedTask<?> t);

    /** A future for {@code body}, owned by this pool. */
    abstract <T> SubmittedTask<T> newFuture(Callable<T> body, Object userTask);

    /**
     * Submits a value-returning task; its {@link Future} follows {@link java.util.concurrent.FutureTask}:
     * {@code get} wraps a failure in {@link ExecutionException}, {@code cancel} of a running task
     * makes it done and cancelled at once (interrupting the runner if asked).
     *
     * <pre>{@code
     * Future<Long> f = pool.submit(() -> Task.spawn(() -> fib(30)).join());
     * long v = f.get();
     * }</pre>
     *
     * @throws java.util.concurrent.RejectedExecutionException if the pool is shut down or demand
     *     control refuses the submission
     * @throws NullPointerException if {@code task} is null
     */
    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        SubmittedTask<T> t = newFuture(task, task);
        submitExternal(t);
        return t;
    }

    /**
     * Submits a task with no result; the future's value is {@code null}. See {@link #submit(Callable)}.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the pool is shut down or demand
     *     control refuses the submission
     * @throws NullPointerException if {@code task} is null
     */
    @Override
    public Future<?> submit(Runnable task) {
        return submit(task, null);
    }

    /**
     * Submits a task whose future's value is {@code result}. See {@link #submit(Callable)}.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the pool is shut down or demand
     *     control refuses the submission
     * @throws NullPointerException if {@code task} is null
     */
    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        SubmittedTask<T> t = newFuture(() -> {
            task.run();
            return result;
        }, task);
        submitExternal(t);
        return t;
    }

    /**
     * Runs every task and waits for all of them. Every element is checked before any task is
     * submitted; called from a worker, the caller helps run them while it waits. If waiting is
     * interrupted, the tasks not done are cancelled.
     *
     * @throws NullPointerException if {@code tasks} or any element is null (nothing runs then)
     */
    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return invokeAll(tasks, 0L);
    }

    /**
     * As {@link #invokeAll(Collection)}, but the tasks not done when the timeout passes are
     * cancelled (with interruption): every returned future is done.
     *
     * @throws NullPointerException if {@code tasks}, any element or {@code unit} is null
     */
    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        return invokeAll(tasks, deadlineAfter(timeout, unit));
    }

    private <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long deadline)
            throws InterruptedException {
        requireNoNulls(tasks);
        List<Future<T>> fs = new ArrayList<>(tasks.size());
        boolean allDone = false;
        try {
            for (Callable<T> c : tasks) {
                SubmittedTask<T> f = newFuture(c, c);
                fs.add(f);
                submitExternal(f);
            }
            for (Future<T> f : fs) {
                if (!await((SubmittedTask<T>) f, deadline)) {
                    return fs; // timed out: the finally block cancels what is not done
                }
            }
            allDone = true;
            return fs;
        } finally {
            if (!allDone) {
                for (Future<T> f : fs) {
                    f.cancel(true);
                }
            }
        }
    }

    /**
     * Runs the tasks and returns the result of one that completed normally; the others are
     * cancelled. Every element is checked before any task is submitted; called from a worker,
     * the caller helps run them while it waits (so a one-worker pool completes it).
     *
     * @throws NullPointerException if {@code tasks} or any element is null (nothing runs then)
     * @throws IllegalArgumentException if {@code tasks} is empty
     * @throws ExecutionException if no task completed normally
     */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, 0L);
        } catch (TimeoutException e) {
            throw new AssertionError("no deadline", e);
        }
    }

    /**
     * As {@link #invokeAny(Collection)}, with a time limit.
     *
     * @throws TimeoutException if no task completed normally in time
     */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(unit, "unit");
        return invokeAny(tasks, deadlineAfter(timeout, unit));
    }

    @SuppressWarnings("unchecked")
    private <T> T invokeAny(Collection<? extends Callable<T>> tasks, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        requireNoNulls(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task, got none");
        }
        List<SubmittedTask<T>> fs = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> c : tasks) {
                SubmittedTask<T> f = newFuture(c, c);
                fs.add(f);
                submitExternal(f);
            }
            for (;;) {
                SubmittedTask<T> pending = null;
                Throwable lastFailure = null;
                for (SubmittedTask<T> f : fs) {
                    int s = f.laStatus();
                    if (s == Task.NORMAL) {
                        return (T) f.outcome();
                    } else if (s == Task.EXCEPTIONAL) {
                        lastFailure = (Throwable) f.outcome();
                    } else if (s < Task.NORMAL && pending == null) {
                        pending = f;
                    }
                }
                if (pending == null) {
                    throw new ExecutionException("no task of invokeAny completed normally", lastFailure);
                }
                if (deadline != 0L && System.nanoTime() - deadline >= 0) {
                    throw new TimeoutException("no task of invokeAny completed normally within the timeout");
                }
                awaitAny(fs, pending, deadline);
            }
        } finally {
            for (SubmittedTask<T> f : fs) {
                f.cancel(true);
            }
        }
    }

    /**
     * Waits until one of {@code fs} is done or the deadline passes: a worker helps (in slices of
     * a millisecond on the first pending task, looking at the others between slices); another
     * thread registers as a waiter on every pending task and parks until one completes.
     */
    private static <T> void awaitAny(List<SubmittedTask<T>> fs, SubmittedTask<T> first, long deadline)
            throws InterruptedException {
        Thread th = Thread.currentThread();
        if (Worker.current() != null) {
            long slice = System.nanoTime() + 1_000_000L;
            if (deadline != 0L && slice - deadline > 0) {
                slice = deadline;
            }
            await(first, slice == 0L ? 1L : slice);
            return;
        }
        for (SubmittedTask<T> f : fs) {
            if (!f.registerWaiter(new Task.WaitNode(th))) {
                return; // that one is done
            }
        }
        // The registrations are CASes (full fences): a completion after them unparks this thread.
        for (SubmittedTask<T> f : fs) {
            if (f.isDone()) {
                return;
            }
        }
        long park = 16_000_000L; // a bound, in case a completion on the fence-free path missed us
        if (deadline != 0L) {
            park = Math.min(park, Math.max(1L, deadline - System.nanoTime()));
        }
        LockSupport.parkNanos(fs, park);
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted in invokeAny");
        }
    }

    /**
     * Waits for {@code t}: a worker helps meanwhile, another thread blocks.
     *
     * @param deadline {@code System.nanoTime()} deadline, or 0 for none
     * @return true if done, false if the deadline passed
     */
    static boolean await(Task<?> t, long deadline) throws InterruptedException {
        return await(t, deadline, true);
    }

    /**
     * {@link #await(Task, long)}; with {@code interruptible} false (a timed join) an interrupt
     * does not end the wait and the interrupt status is kept.
     */
    static boolean await(Task<?> t, long deadline, boolean interruptible) throws InterruptedException {
        if (t.isDone()) {
            return true;
        }
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for " + t);
        }
        Worker w = Worker.current();
        if (w != null) {
            // A worker must not block on a queued task: it may be the only one that can run it.
            return WaitLoop.awaitDone(w, t, deadline, interruptible);
        }
        return t.awaitBlocking(deadline, interruptible);
    }

    /** A {@code System.nanoTime()} deadline {@code timeout} from now; never 0 (0 means none). */
    static long deadlineAfter(long timeout, TimeUnit unit) {
        long d = System.nanoTime() + unit.toNanos(Math.max(0L, timeout));
        return d == 0L ? 1L : d;
    }

    private static <C extends Collection<?>> C requireNoNulls(C tasks) {
        Objects.requireNonNull(tasks, "tasks");
        int i = 0;
        for (Object t : tasks) {
            if (t == null) {
                throw new NullPointerException("tasks[" + i + "] is null: every task must be non-null (no task was run)");
            }
            i++;
        }
        return tasks;
    }
}
