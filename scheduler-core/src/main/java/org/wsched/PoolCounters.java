package org.wsched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * A pool's own counters (what no single worker counts) and the {@link SchedulerStats} snapshot
 * that adds up every worker's {@link WorkerCounters}. Counters are statistics, not
 * synchronization: a snapshot taken while workers run is a racy, approximate sum.
 */
final class PoolCounters {

    /** Tasks accepted through the ExecutorService methods and invoke. */
    final LongAdder externalSubmissions = new LongAdder();
    /** Times a thread woke a sleeping worker. */
    final LongAdder wakeUps = new LongAdder();
    /** Queueing latency of every worker, accumulated across snapshots (guarded by 'this'). */
    private final Histogram latencyTotal = new Histogram(3);

    /** The statistics of a pool with these workers. */
    synchronized SchedulerStats snapshot(String kind, Worker[] workers, Admission admission) {
        int parallelism = workers.length;
        long executed = 0, spawns = 0, attempts = 0, steals = 0, parks = 0, offers = externalSubmissions.sum(),
                polls = 0, contention = 0, started = 0;
        List<Long> busy = new ArrayList<>(parallelism);
        long now = System.nanoTime();
        for (Worker w : workers) {
            // Racy reads of single-writer counters: a snapshot (see Worker).
            // Tasks run inline by the join fast path are counted there (inlineRuns), not by the
            // worker loop's count, which the fast path does not reach.
            executed += w.counters.tasksExecuted + w.counters.inlineRuns;
            spawns += w.counters.spawns;
            attempts += w.counters.stealAttempts;
            steals += w.counters.steals;
            parks += w.counters.parks;
            offers += w.counters.queueOffers;
            polls += w.counters.queuePolls;
            contention += w.counters.queueContention;
            busy.add(w.counters.busyNanosNow(now));
            started += w.counters.submissionsStarted;
            latencyTotal.add(w.latency.getIntervalHistogram()); // SingleWriterRecorder: safe concurrent read
        }
        Histogram h = latencyTotal;
        // The count is exact; the percentiles come from the timed sample (SubmittedTask.LATENCY_SAMPLE).
        SchedulerStats.Latency lat = new SchedulerStats.Latency(Math.max(started, h.getTotalCount()),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
        return new SchedulerStats(kind, parallelism, executed, spawns, attempts, steals,
                externalSubmissions.sum(), parks, wakeUps.sum(), offers, polls, contention, busy, lat,
                admission.rejected(), admission.queued());
    }
}
