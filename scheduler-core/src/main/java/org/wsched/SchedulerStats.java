package org.wsched;

import java.util.List;

/**
 * A snapshot of a pool's counters, summed over its workers.
 *
 * @param scheduler "work-stealing" or "centralized"
 * @param parallelism the number of workers
 * @param tasksExecuted tasks run to completion (spawned, submitted and helped)
 * @param spawns tasks created by {@link Task#spawn} and {@link Scope#spawn}
 * @param stealAttempts steal attempts, successful or not (zero in the centralized pool)
 * @param steals successful steals, counted per task taken (zero in the centralized pool)
 * @param externalSubmissions tasks accepted through the {@link java.util.concurrent.ExecutorService} methods and {@code invoke}
 * @param parks times a worker fell asleep
 * @param wakeUps times a thread woke a sleeping worker
 * @param queueOffers tasks put into the shared queue (the external queue of the work-stealing
 *     pool; the global ready queue of the centralized pool)
 * @param queuePolls tasks taken from the shared queue
 * @param queueContention polls that found the shared queue non-empty but got nothing, because
 *     another worker took the element or it was not yet published: the price of sharing one queue
 * @param busyNanosPerWorker per worker, nanoseconds busy: from the first top-level task it
 *     finds after idling until it next finds no work (running tasks, and finding the next one
 *     between tasks run back to back); a worker's current busy run is added when it ends
 * @param scheduleLatency submission-to-start latency of externally submitted tasks started by
 *     a worker's loop: the count is exact, the percentiles and the maximum are those of a random
 *     eighth of the submissions (timing each costs two clock reads), or of every one on a pool
 *     with {@code maxQueueDelay}
 * @param rejectedSubmissions external submissions rejected: after shutdown, or by demand control
 *     ({@code maxQueuedSubmissions}, {@code maxQueueDelay} on the builders)
 * @param queuedSubmissions external submissions accepted but not yet started (nor cancelled,
 *     nor returned by {@code shutdownNow}) at the time of the snapshot
 */
public record SchedulerStats(
        String scheduler,
        int parallelism,
        long tasksExecuted,
        long spawns,
        long stealAttempts,
        long steals,
        long externalSubmissions,
        long parks,
        long wakeUps,
        long queueOffers,
        long queuePolls,
        long queueContention,
        List<Long> busyNanosPerWorker,
        Latency scheduleLatency,
        long rejectedSubmissions,
        long queuedSubmissions) {

    /**
     * Percentiles of a latency distribution, in nanoseconds.
     *
     * @param count number of events (for {@code scheduleLatency}: every submission started, of which a sample was timed)
     * @param p50Nanos median
     * @param p90Nanos 90th percentile
     * @param p99Nanos 99th percentile
     * @param p999Nanos 99.9th percentile
     * @param maxNanos maximum
     */
    public record Latency(long count, long p50Nanos, long p90Nanos, long p99Nanos, long p999Nanos, long maxNanos) {
    }

    // The compact canonical constructor keeps an unmodifiable copy of the per-worker list.
    public SchedulerStats {
        busyNanosPerWorker = List.copyOf(busyNanosPerWorker);
    }

    /**
     * Total busy time over all workers.
     *
     * @return nanoseconds
     */
    public long busyNanos() {
        long s = 0;
        for (long b : busyNanosPerWorker) {
            s += b;
        }
        return s;
    }
}
