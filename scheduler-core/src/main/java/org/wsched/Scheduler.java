package org.wsched;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * A pool of worker threads that runs fork/join programs ({@link Task#spawn}, {@link Task#join},
 * {@link Task#scope}, {@link Task#parallelFor}) and plain {@link ExecutorService} work.
 *
 * <p>Two implementations share this contract: {@link WorkStealingPool} (per-worker deques,
 * randomized stealing) and {@link CentralizedPool} (one global ready queue, the greedy
 * baseline that theory analyses). The same program runs unchanged on either.
 *
 * <pre>{@code
 * try (Scheduler pool = WorkStealingPool.builder().parallelism(4).build()) {
 *     long r = pool.invoke(() -> fib(30));
 *     System.out.println(r + " " + pool.stats());
 * }
 * }</pre>
 *
 * <h2>The ExecutorService contract</h2>
 * <ul>
 *   <li><b>Nothing accepted is lost.</b> A submission that returned normally (was not rejected)
 *       ends in exactly one way: it runs; or {@link #shutdownNow()} returns it (an
 *       {@code execute}/{@code submit} task; its future stays pending until someone runs or
 *       cancels it); or it is cancelled (by {@code Future.cancel}, or by {@code shutdownNow} for
 *       an {@code invoke} root, whose caller gets a
 *       {@link java.util.concurrent.CancellationException}). A task a worker took from the queue
 *       just before {@code shutdownNow} still runs.
 *   <li><b>Futures behave as {@link java.util.concurrent.FutureTask}</b> (JDK 17–25):
 *       {@code cancel} of a task that is not done makes it done and cancelled at once, running
 *       or not; {@code cancel(true)} interrupts its runner; the result of a task cancelled while
 *       it ran is dropped. {@code get} throws {@link java.util.concurrent.ExecutionException} for a
 *       failure, {@link java.util.concurrent.CancellationException} for a cancelled task and
 *       {@link InterruptedException} if the waiting thread is interrupted — a worker thread
 *       included. A worker that calls {@code get}, timed or not, helps run other tasks while
 *       it waits, so a one-worker pool cannot deadlock on its own submissions.
 *   <li>{@code invokeAll}/{@code invokeAny} check every element for null before submitting any
 *       ({@link NullPointerException}); timed {@code invokeAll} cancels what is not done when the
 *       time is up, so every future it returns is done.
 *   <li><b>Rejection at the edge.</b> {@code execute}, {@code submit}, {@code invoke*} throw
 *       {@link java.util.concurrent.RejectedExecutionException} after {@code shutdown}, and when
 *       demand control refuses work ({@code maxQueuedSubmissions}, {@code maxQueueDelay} on the
 *       builders). Spawns inside tasks are never rejected.
 *   <li><b>Faults.</b> An error thrown anywhere outside a task body (in completion, a queue
 *       offer, the uncaught-exception handler, tracing, JFR) never kills a worker and never
 *       leaves a task pending: the task completes exceptionally with it. {@code execute} called
 *       at the very edge of the caller's stack may throw {@link StackOverflowError}; the task is
 *       then not accepted and the pool is unharmed.
 *   <li><b>Interrupts.</b> {@link Task#join()} does not throw on interrupt (as
 *       {@link java.util.concurrent.ForkJoinTask#join()}); it keeps the interrupt status and
 *       waits without spinning. An interrupt that reaches an idle worker is cleared before it
 *       runs its next task. {@code shutdownNow} interrupts running tasks and ends every join
 *       and wait inside the pool with a {@code CancellationException}.
 * </ul>
 */
public interface Scheduler extends ExecutorService, AutoCloseable {

    /**
     * Runs {@code root} as a task of this pool and waits for its result. Called from a task of
     * this same pool it runs {@code root} directly, as a nested computation.
     *
     * @param root the computation; it may spawn and join tasks
     * @param <T> result type
     * @return the value {@code root} returned
     * @throws RuntimeException or {@link Error} thrown by {@code root}, as is; a checked exception
     *     is wrapped in {@link java.util.concurrent.CompletionException}
     * @throws java.util.concurrent.RejectedExecutionException if the pool is shut down
     * @throws java.util.concurrent.CancellationException if the pool was stopped by
     *     {@link #shutdownNow()} before {@code root} started
     */
    <T> T invoke(Callable<T> root);

    /**
     * Runs {@code job.run(frames, ctx, arg)} on a worker of this pool and waits for its value: the
     * entry to allocation-free fork/join with {@link Frames}. Called from a task or job of this
     * same pool it runs {@code job} directly, nested, on the calling worker's frames (so a
     * {@link Task} body gets a {@code Frames} this way).
     *
     * <pre>{@code
     * static long fib(Frames f, Object ctx, long n) {
     *     if (n < 2) return n;
     *     f.spawn(Fib::fib, ctx, n - 1);
     *     long b = fib(f, ctx, n - 2);
     *     return f.sync() + b;
     * }
     * long r = pool.invokeLong(Fib::fib, null, 30);
     * }</pre>
     *
     * @param job the computation; it spawns and syncs through the {@code Frames} it is given
     * @param ctx passed to {@code job} as is (may be null)
     * @param arg passed to {@code job}
     * @return the value {@code job} returned
     * @throws IllegalStateException if {@code job} returned with unsynced spawns (they were run)
     * @throws RuntimeException or {@link Error} thrown by {@code job}, as is; a checked exception
     *     is wrapped in {@link java.util.concurrent.CompletionException}
     * @throws java.util.concurrent.RejectedExecutionException if the pool is shut down
     * @throws java.util.concurrent.CancellationException if the pool was stopped by
     *     {@link #shutdownNow()} before {@code job} started
     */
    long invokeLong(LongJob job, Object ctx, long arg);

    /**
     * Runs {@code root} as a task of this pool and waits for it to finish.
     *
     * @param root the computation
     * @see #invoke(Callable)
     */
    default void invoke(Runnable root) {
        java.util.Objects.requireNonNull(root, "root");
        invoke(() -> {
            root.run();
            return null;
        });
    }

    /**
     * The number of worker threads.
     *
     * @return parallelism, at least 1
     */
    int parallelism();

    /**
     * A snapshot of the pool's counters. Counters are summed over per-worker cells while the
     * workers run, so a snapshot taken during a run is approximate; after
     * {@link #awaitTermination} it is exact.
     *
     * @return the statistics now
     */
    SchedulerStats stats();

    /**
     * The task graph recorded so far by a pool built with {@code tracing(true)}: every task
     * split into strands at its spawns and joins, with measured durations. Call it when the
     * pool is quiescent (after {@code invoke} returned and nothing else runs).
     *
     * @return the trace
     * @throws IllegalStateException if the pool does not trace, is still running a task, or the
     *     trace exceeded its budget
     */
    Trace trace();

    /**
     * Shuts the pool down and waits for every accepted task to finish and every worker thread
     * to exit (as {@link #shutdown()} then {@link #awaitTermination} without a time limit).
     *
     * @throws IllegalStateException if called from a worker of this pool, which would wait for itself
     */
    @Override
    void close();
}
