package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The statistics that cost clock reads are cheap per task and still right: submit-to-start
 * latency is timed for a random eighth of the submissions (every one under
 * {@code maxQueueDelay}, which needs them) while its count stays exact, and busy time is
 * measured in runs (no clock read per task in a stream) yet includes the run still open when a
 * snapshot is taken.
 */
@Timeout(60)
class StatsCostTest {

    @Test
    void aboutAnEighthOfTheSubmissionsAreTimedAndEveryOneUnderAQueueDelayBound() {
        int n = 16_000;
        try (WorkStealingPool plain = WorkStealingPool.builder().parallelism(1).build();
                WorkStealingPool shedding = WorkStealingPool.builder().parallelism(1)
                        .maxQueueDelay(Duration.ofSeconds(10)).build()) {
            int timedPlain = 0;
            int timedShedding = 0;
            for (int i = 0; i < n; i++) {
                // Built, not submitted: the sampling decision is made when the task is created.
                if (plain.newFuture(() -> 1, "probe").submitNanos != 0L) {
                    timedPlain++;
                }
                if (shedding.newFuture(() -> 1, "probe").submitNanos != 0L) {
                    timedShedding++;
                }
            }
            // Binomial(16000, 1/8): mean 2000, standard deviation 42; the bounds are 12 deviations out.
            assertThat(timedPlain).isBetween(1_500, 2_500);
            assertThat(timedShedding).isEqualTo(n);
        }
    }

    @Test
    void theLatencyCountIsExactThoughOnlyASampleIsTimed() throws Exception {
        int n = 3_000;
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(2).build()) {
            for (int i = 0; i < n; i++) {
                pool.submit(() -> 1).get();
            }
            SchedulerStats.Latency lat = pool.stats().scheduleLatency();
            assertThat(lat.count()).isEqualTo(n);
            assertThat(lat.maxNanos()).isPositive(); // some were timed
            assertThat(lat.p50Nanos()).isLessThanOrEqualTo(lat.maxNanos());
        }
    }

    @Test
    void busyTimeIncludesTheRunStillOpen() throws Exception {
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(1).build()) {
            assertThat(pool.stats().busyNanos()).isZero();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> f = pool.submit(() -> {
                started.countDown();
                release.await();
                return null;
            });
            long during;
            try {
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(20);
                // The worker has not finished its task, so it has not closed its run of busy
                // time: the snapshot counts the open run up to now.
                during = pool.stats().busyNanos();
            } finally {
                release.countDown(); // also when an assertion fails: close() waits for the task
            }
            assertThat(during).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
            f.get();
            // Closed or not, the run is counted once more than before, never lost.
            assertThat(pool.stats().busyNanos()).isGreaterThanOrEqualTo(during);
        }
    }
}
