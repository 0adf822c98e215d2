package org.wsched;


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
        super("centralized", b, null);
        for (Worker w : workers) {
            w.frames = new Frames(w, this, true);
        }
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
        w.counters.queueOffers++;
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

    /**
     * Builds a {@link CentralizedPool}. Every setter validates its argument at once; the
     * settings both pools share are inherited.
     */
    public static final class Builder extends PoolBuilder<Builder> {

        private Builder() {
            super("wsched-central-");
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
