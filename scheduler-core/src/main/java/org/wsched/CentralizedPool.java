package org.wsched;


/**
 * The centralized greedy reference pool: every ready task, spawned or submitted, goes into one
 * global FIFO queue (a {@code ConcurrentLinkedQueue}; submissions wait in a second one) and every
 * idle worker takes the next one. It is the
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

    /**
     * Above this many entries (estimated) in the ready queue, a joiner that ran a child inline
     * also removes one entry from the queue's head: dead entries (children their joiners already
     * ran) are dropped, a live one goes back to the tail. Without it a computation whose joiners
     * run most children inline would leave one dead entry per spawn in the queue until an idle
     * worker polled it (millions of them, hundreds of MB, in one large root). It is a memory
     * guard, set to about an eighth of the heap at roughly 64 bytes an entry: pruning doubles
     * the queue traffic of a join, so it stays off for ordinary runs.
     */
    static final long PRUNE_ABOVE = Math.max(1L << 16, Runtime.getRuntime().maxMemory() / 512);
    /** {@link #PRUNE_ABOVE}, changed by tests to check the bound without a huge run; read once per 1,024 inline claims. */
    static long pruneAbove = PRUNE_ABOVE;

    /** The global ready queue of spawned tasks: the greedy scheduler's one queue. */
    private final SharedQueues readyQueue = new SharedQueues(1);

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
        readyQueue.offer(child);
        w.counters.queueOffers++;
        signalWorkHint();
    }

    /**
     * Ready tasks first, submissions when none is ready; but once every 16 turns submissions
     * first, so external work is not starved by a computation that keeps the ready queue full.
     */
    @Override
    Task<?> findWork(Worker w) {
        Task<?> t;
        if ((++w.tick & FIND_FAIRNESS_MASK) == 0 && (t = pollShared(w)) != null) {
            return t;
        }
        if (lvState() < STOP && (t = readyQueue.poll(w)) != null) {
            return t;
        }
        return pollShared(w);
    }

    @Override
    void awaitJoin(Worker w, Task<?> task) {
        if (task.claimed() && task.claim()) {
            WorkerLoop.runTaken(w, task, task); // not started yet: run it here
            pruneAfterInlineClaim(w);
            return;
        }
        WaitLoop.awaitDoneUninterruptibly(w, task);
    }

    @Override
    boolean helpOnce(Worker w, Task<?> task) {
        if (task.claimed() && task.laStatus() == Task.NEW && task.claim()) {
            WorkerLoop.runTaken(w, task, task);
            return true;
        }
        if (task.isDone() || w.helpDepth >= WaitLoop.MAX_HELP_DEPTH) {
            return false;
        }
        Task<?> t = lvState() < STOP ? readyQueue.poll(w) : null;
        if (t == null) {
            t = pollShared(w);
        }
        if (t == null) {
            return false;
        }
        WorkerLoop.helpRun(w, t);
        return true;
    }

    /**
     * Keeps dead entries from piling up (see {@link #PRUNE_ABOVE}). The size estimate (offers
     * minus polls over all workers, racy reads of their counters) is refreshed once every 1,024
     * inline claims, so below the threshold this costs one increment.
     */
    private void pruneAfterInlineClaim(Worker w) {
        if ((++w.inlineClaims & 1023) == 0) {
            w.pruning = estimatedReadyEntries() > pruneAbove;
        }
        if (w.pruning) {
            Task<?> head = readyQueue.poll(w);
            if (head != null) {
                w.taken[w.takenCount++] = head; // out of the queue: kept safe until it is back (see Worker.taken)
                if (head.laStatus() == Task.NEW) {
                    readyQueue.offer(head); // still ready: back to the tail, and still visible to sleepers
                    w.counters.queueOffers++;
                    signalWorkHint();
                }
                w.taken[--w.takenCount] = null;
            }
        }
    }

    long estimatedReadyEntries() {
        long n = 0;
        for (Worker x : workers) {
            n += x.counters.queueOffers - x.counters.queuePolls; // racy reads: an estimate
        }
        return n;
    }

    @Override
    void drainMore(java.util.List<Runnable> unstarted) {
        SubmittedTask.drain(readyQueue, unstarted);
    }

    @Override
    boolean hasVisibleWork() {
        return !readyQueue.isEmpty() || !sharedQueue.isEmpty();
    }

    @Override
    boolean shouldSplit(Worker w) {
        return parallelism > 1 && readyQueue.isEmpty();
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
