package org.wsched;

import org.jctools.queues.MpmcUnboundedXaddArrayQueue;

/**
 * The queue(s) every worker may take from: submitted tasks, and in the centralized pool every
 * ready task. One JCTools MPMC queue per stripe; a producer thread always offers to the same
 * stripe (chosen by its thread id), so several producers do not contend on one producer index,
 * and a worker polls the stripes starting from its own. With one stripe (the centralized pool)
 * this is exactly one global FIFO queue.
 */
final class SharedQueues {

    private final MpmcUnboundedXaddArrayQueue<Task<?>>[] stripes;
    private final int mask;

    @SuppressWarnings("unchecked")
    SharedQueues(int stripeCount) {
        if (Integer.bitCount(stripeCount) != 1) {
            throw new IllegalArgumentException("stripe count must be a power of two, was " + stripeCount);
        }
        stripes = new MpmcUnboundedXaddArrayQueue[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new MpmcUnboundedXaddArrayQueue<>(1024);
        }
        mask = stripeCount - 1;
    }

    /** Offers to the calling thread's stripe; never fails (unbounded). */
    void offer(Task<?> t) {
        stripes[mask == 0 ? 0 : (int) Thread.currentThread().getId() & mask].offer(t);
    }

    /**
     * Polls the stripes, starting at worker {@code w}'s own, counting into its counters: a poll
     * that finds a stripe non-empty but gets nothing (another worker took the element, or its
     * producer has not finished publishing it) is contention.
     */
    Task<?> poll(Worker w) {
        for (int k = 0; k <= mask; k++) {
            MpmcUnboundedXaddArrayQueue<Task<?>> q = stripes[(w.index + k) & mask];
            if (q.isEmpty()) {
                continue;
            }
            Task<?> t = q.relaxedPoll();
            if (t != null) {
                w.counters.queuePolls++;
                return t;
            }
            w.counters.queueContention++;
        }
        return null;
    }

    /** Polls any stripe, waiting out elements being published (drains at shutdownNow). */
    Task<?> pollAny() {
        for (MpmcUnboundedXaddArrayQueue<Task<?>> q : stripes) {
            Task<?> t = q.poll();
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    boolean isEmpty() {
        for (MpmcUnboundedXaddArrayQueue<Task<?>> q : stripes) {
            if (!q.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
