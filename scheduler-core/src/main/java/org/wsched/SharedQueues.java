package org.wsched;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.wsched.internal.idle.SubmissionFlag;

/**
 * The queue(s) every worker may take from: submitted tasks, and in the centralized pool every
 * ready task. One {@link ConcurrentLinkedQueue} per stripe; a producer thread always offers to
 * the same stripe (chosen by its thread id), so several producers do not contend on one tail,
 * and a worker polls the stripes starting from its own. With one stripe this is exactly one
 * FIFO queue.
 *
 * <h2>Why a linked queue</h2>
 * An offer must be all or nothing even when it fails half-way: a {@link StackOverflowError} or
 * {@link OutOfMemoryError} can be thrown at any call inside it (a deep recursion that ends in
 * {@code execute}). Array queues that claim a slot index first and fill the slot after (JCTools'
 * xadd and CAS queues, Agrona's many-to-many queue) leave a claimed, never-filled slot behind,
 * and every consumer then waits for it for ever. The Michael–Scott queue of
 * {@code ConcurrentLinkedQueue} links a fully built node with one CAS: before the CAS nothing
 * shared has changed, after it the element is in the queue, whatever fails next. It also needs
 * no {@code sun.misc.Unsafe}.
 */
final class SharedQueues {

    private final ConcurrentLinkedQueue<Task<?>>[] stripes;
    private final int mask;
    /**
     * Raised by submitters after their offer, read by the join fast path of busy workers, lowered
     * by a worker that finds the queue empty (the fairness of J25; see {@link SubmissionFlag}).
     */
    final SubmissionFlag waiting = new SubmissionFlag();
    /** {@code !isEmpty()}, for {@link SubmissionFlag#lower}'s second look (made once, not per call). */
    private final BooleanSupplier nonEmpty = () -> !isEmpty();
    /** Run after each raise of {@link #waiting} (the pool tells its workers' frames). */
    private final Runnable onRaised;

    SharedQueues(int stripeCount) {
        this(stripeCount, () -> { });
    }

    /**
     * @param stripeCount a power of two
     * @param onRaised run by the thread that raised {@link #waiting} (lowered before), right after
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    SharedQueues(int stripeCount, Runnable onRaised) {
        this.onRaised = onRaised;
        if (Integer.bitCount(stripeCount) != 1) {
            throw new IllegalArgumentException("stripe count must be a power of two, was " + stripeCount);
        }
        stripes = new ConcurrentLinkedQueue[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ConcurrentLinkedQueue<>();
        }
        mask = stripeCount - 1;
    }

    /** Offers to the calling thread's stripe; never fails for want of room (unbounded). */
    void offer(Task<?> t) {
        stripes[mask == 0 ? 0 : (int) Thread.currentThread().getId() & mask].offer(t);
    }

    /**
     * Polls the stripes, starting at worker {@code w}'s own, counting into its counters: a poll
     * that finds a stripe non-empty but gets nothing (another worker took the element first) is
     * contention. A poll that takes the last waiting submission lowers the {@link #waiting} flag
     * (with its second look), so that a computation started by a submission (the usual
     * {@code invoke}) does not begin with the flag up: its joins would take the fairness branch
     * once at the start of every run, and a JIT that compiled that branch as never taken would
     * deoptimize the joining code again and again. Only a raised flag is lowered: lowering costs a
     * full fence and two looks at every stripe, which a stream of submissions that workers keep up
     * with would otherwise pay on every task.
     */
    Task<?> poll(Worker w) {
        for (int k = 0; k <= mask; k++) {
            ConcurrentLinkedQueue<Task<?>> q = stripes[(w.index + k) & mask];
            if (q.isEmpty()) {
                continue;
            }
            Task<?> t = q.poll();
            if (t != null) {
                if (waiting.isRaised()) { // plain read: a lowered flag needs no second look here
                    lowerIfEmpty();
                }
                w.counters.queuePolls++;
                return t;
            }
            w.counters.queueContention++;
        }
        return null;
    }

    /**
     * Submitter, after its offer: raises the {@link #waiting} flag; if it was lowered, runs the
     * pool's {@code onRaised} (frames computations learn of it at their next spawn).
     */
    void raiseWaiting() {
        if (waiting.raise()) {
            onRaised.run();
        }
    }

    /**
     * If no submission waits, lowers the {@link #waiting} flag (which looks once more and raises
     * it again if one arrived meanwhile, then runs {@code onRaised}) and returns true; otherwise
     * leaves it and returns false.
     */
    boolean lowerIfEmpty() {
        if (!isEmpty()) {
            return false;
        }
        if (waiting.lower(nonEmpty)) {
            onRaised.run();
        }
        return true;
    }

    /** Polls any stripe (the drain of shutdownNow). */
    Task<?> pollAny() {
        for (ConcurrentLinkedQueue<Task<?>> q : stripes) {
            Task<?> t = q.poll();
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    boolean isEmpty() {
        for (ConcurrentLinkedQueue<Task<?>> q : stripes) {
            if (!q.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * When the oldest submission still waiting to start was submitted ({@code System.nanoTime()}),
     * looking at the first few elements of each stripe; {@code Long.MAX_VALUE} if none waits.
     * Entries already started (claimed by a joiner) or cancelled are skipped.
     */
    long oldestWaitingSubmitNanos() {
        long oldest = Long.MAX_VALUE;
        boolean found = false;
        for (ConcurrentLinkedQueue<Task<?>> q : stripes) {
            Iterator<Task<?>> it = q.iterator();
            for (int seen = 0; seen < 8 && it.hasNext(); seen++) {
                Task<?> t = it.next();
                if (t instanceof SubmittedTask && t.laStatus() == Task.NEW) {
                    long s = ((SubmittedTask<?>) t).submitNanos;
                    if (!found || s - oldest < 0) {
                        oldest = s;
                        found = true;
                    }
                    break; // FIFO per stripe: the first waiting one is that stripe's oldest
                }
            }
        }
        return found ? oldest : Long.MAX_VALUE;
    }
}
