package org.wsched;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The settings both pool builders share, each validated when it is set. The public builders
 * ({@link WorkStealingPool.Builder}, {@link CentralizedPool.Builder}) extend it.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
abstract class PoolBuilder<B extends PoolBuilder<B>> {

    /**
     * Default idle strategy: 64 spins, 16 yields, then short parks (1 µs asked, about 50 µs on
     * Linux) until the worker falls asleep, where a publisher can wake it at once.
     */
    static final Supplier<IdleStrategy> DEFAULT_IDLE = () -> new BackoffIdleStrategy(64, 16, 1_000L, 1_000L);

    int parallelism = Runtime.getRuntime().availableProcessors();
    String threadNamePrefix;
    Supplier<? extends IdleStrategy> idleStrategy = DEFAULT_IDLE;
    int idleRoundsBeforeSleep = 100;
    long workerStackSize = 0L;
    long seed = System.nanoTime();
    boolean tracing;
    long traceBudgetStrands = 4_000_000L;
    boolean daemon = true;
    Thread.UncaughtExceptionHandler uncaughtExceptionHandler;
    int maxQueuedSubmissions = Integer.MAX_VALUE;
    Duration maxQueueDelay;
    java.util.concurrent.ThreadFactory threadFactory;

    PoolBuilder(String defaultPrefix) {
        this.threadNamePrefix = defaultPrefix;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The number of worker threads.
     *
     * @param parallelism at least 1; default: {@link Runtime#availableProcessors()}
     * @return this builder
     * @throws IllegalArgumentException if {@code parallelism < 1}
     */
    public B parallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        if (parallelism > 32_767) {
            throw new IllegalArgumentException("parallelism must be <= 32767, was " + parallelism);
        }
        this.parallelism = parallelism;
        return self();
    }

    /**
     * Worker threads are named this prefix followed by their index.
     *
     * @param prefix the prefix; default {@code "wsched-ws-"} or {@code "wsched-central-"}
     * @return this builder
     */
    public B threadNamePrefix(String prefix) {
        this.threadNamePrefix = Objects.requireNonNull(prefix, "threadNamePrefix");
        return self();
    }

    /**
     * How an idle worker waits between looks for work, before it falls asleep. Each worker
     * gets its own instance.
     *
     * @param idleStrategy e.g. {@code () -> new BackoffIdleStrategy(...)}; default: 64 spins,
     *     16 yields, then short parks (about 50 µs each on Linux)
     * @return this builder
     */
    public B idleStrategy(Supplier<? extends IdleStrategy> idleStrategy) {
        this.idleStrategy = Objects.requireNonNull(idleStrategy, "idleStrategy");
        return self();
    }

    /**
     * How many idle-strategy rounds a worker spends looking for work before it falls asleep
     * (sleeping workers use no CPU and are woken when work appears).
     *
     * @param rounds at least 0; default 100
     * @return this builder
     */
    public B idleRoundsBeforeSleep(int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("idleRoundsBeforeSleep must be >= 0, was " + rounds);
        }
        this.idleRoundsBeforeSleep = rounds;
        return self();
    }

    /**
     * Records the task graph of every run (see {@link Scheduler#trace()}): each task split
     * into strands at its spawns and joins, timed with {@code System.nanoTime()}. Off by
     * default; when off it costs one predictable branch per spawn, join and task.
     *
     * @param on true to record
     * @return this builder
     */
    public B tracing(boolean on) {
        this.tracing = on;
        return self();
    }

    /**
     * The most strands a trace records before it is truncated (then {@link Scheduler#trace()}
     * throws, saying how many strands the run needed). One budget for the whole pool, shared by
     * all its workers: about 48 bytes per strand, so the default holds at most about 190 MB.
     *
     * @param strands at least 1; default 4,000,000
     * @return this builder
     */
    public B traceBudget(long strands) {
        if (strands < 1) {
            throw new IllegalArgumentException("traceBudget must be >= 1 strand, was " + strands);
        }
        this.traceBudgetStrands = strands;
        return self();
    }

    /**
     * The stack size of worker threads, in bytes (a hint to the JVM, as in
     * {@link Thread#Thread(ThreadGroup, Runnable, String, long)}).
     *
     * @param bytes 0 for the JVM default
     * @return this builder
     */
    public B workerStackSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("workerStackSize must be >= 0 (0 = the JVM default), was " + bytes);
        }
        this.workerStackSize = bytes;
        return self();
    }

    /**
     * Whether worker threads are daemon threads (default {@code true}, as in
     * {@link java.util.concurrent.ForkJoinPool}). With daemon workers the JVM may exit while the
     * pool is open: accepted tasks that have not finished then never run or finish, and nothing
     * reports it; close the pool (try-with-resources) before {@code main} returns. With
     * {@code daemon(false)} an unclosed pool keeps the JVM alive until it is shut down.
     *
     * @param on true for daemon workers
     * @return this builder
     */
    public B daemon(boolean on) {
        this.daemon = on;
        return self();
    }

    /**
     * Receives the failure of every task submitted with {@code execute(Runnable)} (nobody holds
     * a {@code Future} for it). Default: the worker thread's handler, i.e. its thread group's,
     * which prints the stack trace. An exception thrown by the handler is ignored, as
     * {@link Thread} ignores it: it never kills a worker.
     *
     * <pre>{@code
     * WorkStealingPool.builder().uncaughtExceptionHandler((t, e) -> log.error("task failed", e)).build();
     * }</pre>
     *
     * @param handler the handler
     * @return this builder
     */
    public B uncaughtExceptionHandler(Thread.UncaughtExceptionHandler handler) {
        this.uncaughtExceptionHandler = Objects.requireNonNull(handler, "uncaughtExceptionHandler");
        return self();
    }

    /**
     * Demand control: an external submission ({@code execute}, {@code submit}, {@code invoke*})
     * that would leave more than {@code n} accepted submissions waiting to start is rejected at
     * once with a {@link java.util.concurrent.RejectedExecutionException} naming the bound. Spawns
     * from inside tasks are never rejected. Use it to push back on producers instead of letting
     * the queue grow; see {@code docs/demand-control.md}.
     *
     * <pre>{@code
     * try (Scheduler pool = WorkStealingPool.builder().maxQueuedSubmissions(10_000).build()) {
     *     pool.execute(job);          // throws RejectedExecutionException past 10,000 waiting jobs
     * }
     * }</pre>
     *
     * @param n at least 1; default: no bound
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public B maxQueuedSubmissions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxQueuedSubmissions must be >= 1, was " + n
                    + " (leave it unset for no bound)");
        }
        this.maxQueuedSubmissions = n;
        return self();
    }

    /**
     * Demand control by waiting time: while the oldest submission still waiting to start has
     * waited longer than {@code d}, new external submissions are rejected (shed) with a
     * {@link java.util.concurrent.RejectedExecutionException}, until the backlog has drained
     * (no accepted submission waits any more). Spawns from inside tasks are never rejected.
     *
     * @param d a positive duration; default: no bound
     * @return this builder
     * @throws IllegalArgumentException if {@code d} is zero or negative
     */
    public B maxQueueDelay(Duration d) {
        Objects.requireNonNull(d, "maxQueueDelay");
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("maxQueueDelay must be positive, was " + d + " (leave it unset for no bound)");
        }
        this.maxQueueDelay = d;
        return self();
    }

    /**
     * Makes the worker threads with {@code factory}, as {@link java.util.concurrent.ThreadPoolExecutor}
     * does: for each worker the pool calls {@code factory.newThread(r)} once, with a
     * {@code Runnable} that runs the worker loop, and starts the thread it returns. The factory
     * decides the threads' names, daemon status, priority, context class loader and handler;
     * {@code threadNamePrefix}, {@code daemon} and {@code workerStackSize} then do not apply.
     *
     * <pre>{@code
     * AtomicInteger n = new AtomicInteger();
     * ThreadFactory tf = r -> {
     *     Thread t = new Thread(r, "render-" + n.getAndIncrement());
     *     t.setDaemon(true);
     *     return t;
     * };
     * try (Scheduler pool = WorkStealingPool.builder().threadFactory(tf).build()) { ... }
     * }</pre>
     *
     * <p>Cost: finding the current worker takes a thread-local lookup instead of a type check
     * (a few nanoseconds per spawn) while such a pool exists.
     *
     * @param factory returns a new, unstarted thread running the given {@code Runnable}
     * @return this builder
     */
    public B threadFactory(java.util.concurrent.ThreadFactory factory) {
        this.threadFactory = Objects.requireNonNull(factory, "threadFactory");
        return self();
    }
}
