package org.wsched;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * The centralized greedy reference pool: every ready task, spawned or submitted, goes into one
 * global FIFO queue (a JCTools MPMC queue) and every idle worker takes the next one. It is the
 * online greedy scheduler that theory analyses (T_P ≤ T1/P + (1 − 1/P)·T∞, up to the cost of
 * the queue itself), runnable with the very same programs as {@link WorkStealingPool}.
 *
 * <pre>{@code
 * try (CentralizedPool pool = CentralizedPool.builder().parallelism(4).build()) {
 *     long r = pool.invoke(() -> fib(25));
 *     System.out.println(r + ", queue contention: " + pool.stats().queueContention());
 * }
 * }</pre>
 *
 * <p>{@link Task#join} on a child nobody has started claims it (a CAS on its status) and runs
 * it inline; the copy left in the queue is skipped by whoever polls it. A child already running
 * elsewhere makes the joiner help by taking other queued tasks, with the same depth bound as
 * the work-stealing pool. Steal counters stay zero; {@link SchedulerStats#queueOffers()},
 * {@link SchedulerStats#queuePolls()} and {@link SchedulerStats#queueContention()} show the
 * price of the shared queue instead.
 */
public final class CentralizedPool extends AbstractPool {

    private CentralizedPool(Builder b) {
        super("centralized", b.settings, null);
    }

    /**
     * A builder with defaults: parallelism = available processors, spin → yield → park idling.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void pushChild(Worker w, Task<?> child) {
        sharedQueue.offer(child);
        w.queueOffers++;
        signalWorkHint();
    }

    @Override
    Task<?> findWork(Worker w) {
        return pollShared(w);
    }

    @Override
    void awaitJoin(Worker w, Task<?> task) {
        if (task.claimed && task.tryClaim()) {
            executeInline(w, task); // not started yet: run it here
            return;
        }
        int spins = 0;
        try {
            while (!task.isDone()) {
                if (w.helpDepth < MAX_HELP_DEPTH) {
                    Task<?> t = pollShared(w);
                    if (t != null) {
                        w.helpDepth++;
                        try {
                            runTask(w, t, true);
                        } finally {
                            w.helpDepth--;
                        }
                        spins = 0;
                        continue;
                    }
                }
                waitFor(w, task, spins++);
            }
        } finally {
            w.waitingOn = null;
        }
    }

    @Override
    boolean hasVisibleWork() {
        return !sharedQueue.isEmpty();
    }

    @Override
    boolean shouldSplit(Worker w) {
        return parallelism > 1 && sharedQueue.isEmpty();
    }

    /** Builds a {@link CentralizedPool}. Every setter validates its argument at once. */
    public static final class Builder {
        final PoolSettings settings = new PoolSettings("wsched-central-");

        private Builder() {
        }

        /**
         * The number of worker threads.
         *
         * @param parallelism at least 1; default: {@link Runtime#availableProcessors()}
         * @return this builder
         * @throws IllegalArgumentException if {@code parallelism < 1}
         */
        public Builder parallelism(int parallelism) {
            settings.parallelism(parallelism);
            return this;
        }

        /**
         * Worker threads are named this prefix followed by their index.
         *
         * @param prefix the prefix; default {@code "wsched-central-"}
         * @return this builder
         */
        public Builder threadNamePrefix(String prefix) {
            settings.threadNamePrefix(prefix);
            return this;
        }

        /**
         * How an idle worker waits between looks at the queue, before it falls asleep.
         *
         * @param idleStrategy a supplier; each worker gets its own instance
         * @return this builder
         */
        public Builder idleStrategy(Supplier<? extends IdleStrategy> idleStrategy) {
            Objects.requireNonNull(idleStrategy, "idleStrategy");
            settings.idleStrategy(idleStrategy::get);
            return this;
        }

        /**
         * How many idle-strategy rounds a worker spends before it falls asleep.
         *
         * @param rounds at least 0; default 100
         * @return this builder
         */
        public Builder idleRoundsBeforeSleep(int rounds) {
            settings.idleRoundsBeforeSleep(rounds);
            return this;
        }

        /**
         * Records the task graph of every run (see {@link Scheduler#trace()}): each task split
         * into strands at its spawns and joins, timed with {@code System.nanoTime()}. Off by
         * default; when off it costs one predictable branch per spawn, join and task.
         *
         * @param on true to record
         * @return this builder
         */
        public Builder tracing(boolean on) {
            settings.tracing = on;
            return this;
        }

        /**
         * The most strands a trace records before it is truncated (then {@link Scheduler#trace()}
         * throws, naming this setting). About 48 bytes per strand.
         *
         * @param strands at least 1; default 4,000,000
         * @return this builder
         */
        public Builder traceBudget(long strands) {
            settings.traceBudget(strands);
            return this;
        }

        /**
         * The stack size of worker threads, in bytes.
         *
         * @param bytes 0 for the JVM default
         * @return this builder
         */
        public Builder workerStackSize(long bytes) {
            settings.workerStackSize(bytes);
            return this;
        }

        /**
         * Starts the pool's worker threads.
         *
         * @return the running pool
         */
        public CentralizedPool build() {
            CentralizedPool pool = new CentralizedPool(this);
            pool.start();
            return pool;
        }
    }
}
