package org.wsched;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Demand control at the pool's edge: decides whether an external submission is accepted, and
 * counts the accepted submissions that have not started yet. Spawns from inside tasks never come
 * here. Two bounds, both off by default (builder options):
 * <ul>
 *   <li>{@code maxQueuedSubmissions(n)}: a submission that would leave more than {@code n}
 *       accepted-but-unstarted submissions is rejected. The count is an {@link AtomicLong}
 *       increased by compare-and-set below the bound, so the bound is exact under concurrency.
 *       Without the bound a {@link LongAdder} counts, so producers do not contend on one line.
 *   <li>{@code maxQueueDelay(d)}: once the oldest unstarted submission has waited longer than
 *       {@code d}, the pool sheds: it rejects every new submission until the backlog has
 *       drained (no accepted submission waits any more), then accepts again.
 * </ul>
 * A submission leaves the count exactly once ({@link SubmittedTask#leaveQueue()}): when a worker
 * claims it, when it is cancelled before it started, when {@code shutdownNow} returns it, or when
 * its submitter withdraws it (rejected after all).
 */
final class Admission {

    /** Bound on accepted-but-unstarted submissions; {@code Integer.MAX_VALUE}: none. */
    private final int maxQueued;
    /** Bound on the oldest submission's wait; {@code Long.MAX_VALUE}: none. */
    private final long maxDelayNanos;
    private final AtomicLong boundedCount;
    private final LongAdder unboundedCount;
    private final LongAdder rejected = new LongAdder();
    /** Shedding since the oldest waited too long; cleared when the backlog drained. */
    private volatile boolean shedding; // written by submitters, read by submitters: a hint, races only delay the switch

    Admission(int maxQueued, Duration maxDelay) {
        this.maxQueued = maxQueued;
        this.maxDelayNanos = maxDelay == null ? Long.MAX_VALUE : maxDelay.toNanos();
        this.boundedCount = maxQueued == Integer.MAX_VALUE ? null : new AtomicLong();
        this.unboundedCount = maxQueued == Integer.MAX_VALUE ? new LongAdder() : null;
    }

    /**
     * Admits one submission (counting it as queued) or says why not.
     *
     * @param queues where submissions wait, to find the oldest one (only with a delay bound)
     * @return null if admitted; else the reason, for the {@code RejectedExecutionException}
     */
    String tryAdmit(SharedQueues queues) {
        if (maxDelayNanos != Long.MAX_VALUE) {
            String why = checkDelay(queues);
            if (why != null) {
                rejected.increment();
                return why;
            }
        }
        if (boundedCount == null) {
            unboundedCount.increment();
            return null;
        }
        for (;;) {
            long n = boundedCount.get(); // pairs with the CAS below and the decrement in left()
            if (n >= maxQueued) {
                rejected.increment();
                return "it already holds " + n + " submitted tasks that have not started, the bound set by "
                        + "maxQueuedSubmissions(" + maxQueued + "): retry later, slow the producer down, or raise the bound";
            }
            if (boundedCount.compareAndSet(n, n + 1)) { // pairs with other submitters' CAS and left()
                return null;
            }
        }
    }

    private String checkDelay(SharedQueues queues) {
        if (shedding) {
            if (queued() > 0) {
                return "it is shedding load until its backlog drains: a submitted task waited longer than "
                        + "maxQueueDelay(" + Duration.ofNanos(maxDelayNanos) + ") to start; retry later";
            }
            shedding = false; // drained: accept again
        }
        long oldest = queues.oldestWaitingSubmitNanos();
        if (oldest != Long.MAX_VALUE) {
            long waited = System.nanoTime() - oldest;
            if (waited > maxDelayNanos) {
                shedding = true;
                return "its oldest waiting submission has waited " + Duration.ofNanos(waited)
                        + ", longer than maxQueueDelay(" + Duration.ofNanos(maxDelayNanos)
                        + "): it sheds new submissions until the backlog drains; retry later";
            }
        }
        return null;
    }

    /** Whether every submission must carry its submit time (the delay bound reads the oldest one's). */
    boolean timesEverySubmission() {
        return maxDelayNanos != Long.MAX_VALUE;
    }

    /** A submission was admitted but then not accepted after all (withdrawn) or left the queue. */
    void left() {
        if (boundedCount != null) {
            boundedCount.decrementAndGet(); // pairs with the CAS in tryAdmit()
        } else {
            unboundedCount.decrement();
        }
    }

    /** Counts a rejection decided elsewhere (the pool is shut down). */
    void countRejected() {
        rejected.increment();
    }

    long queued() {
        return Math.max(0L, boundedCount != null ? boundedCount.get() : unboundedCount.sum());
    }

    long rejected() {
        return rejected.sum();
    }
}
