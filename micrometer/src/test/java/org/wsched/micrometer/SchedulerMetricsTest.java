package org.wsched.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsched.CentralizedPool;
import org.wsched.Scheduler;
import org.wsched.SchedulerStats;
import org.wsched.WorkStealingPool;
import org.wsched.workloads.Fib;

class SchedulerMetricsTest {

    static Stream<Scheduler> pools() {
        return Stream.of(WorkStealingPool.builder().parallelism(2).build(),
                CentralizedPool.builder().parallelism(2).build());
    }

    static final int SUBMISSIONS = 101;

    /** Each counter equals the stats field it names, once the pool has terminated (exact then). */
    @ParameterizedTest
    @MethodSource("pools")
    void everyMeterReportsItsStatsField(Scheduler pool) throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        new SchedulerMetrics(pool, "test-pool", Tags.of("app", "unit")).bindTo(registry);
        assertThat(pool.invoke(() -> Fib.wschedLong(15))).isEqualTo(610);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS - 1; i++) {
            int v = i;
            fs.add(pool.submit(() -> v));
        }
        for (int i = 0; i < fs.size(); i++) {
            assertThat(fs.get(i).get()).isEqualTo(i);
        }
        pool.shutdown();
        assertThatThrownBy(() -> pool.submit(() -> 1)).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        SchedulerStats st = pool.stats();

        Map<String, ToLongFunction<SchedulerStats>> counters = Map.ofEntries(
                Map.entry("wsched.tasks.executed", SchedulerStats::tasksExecuted),
                Map.entry("wsched.tasks.spawned", SchedulerStats::spawns),
                Map.entry("wsched.submissions", SchedulerStats::externalSubmissions),
                Map.entry("wsched.submissions.rejected", SchedulerStats::rejectedSubmissions),
                Map.entry("wsched.steals", SchedulerStats::steals),
                Map.entry("wsched.steal.attempts", SchedulerStats::stealAttempts),
                Map.entry("wsched.worker.parks", SchedulerStats::parks),
                Map.entry("wsched.worker.wakeups", SchedulerStats::wakeUps),
                Map.entry("wsched.queue.offers", SchedulerStats::queueOffers),
                Map.entry("wsched.queue.polls", SchedulerStats::queuePolls),
                Map.entry("wsched.queue.contention", SchedulerStats::queueContention),
                Map.entry("wsched.schedule.latency.count", s -> s.scheduleLatency().count()));
        counters.forEach((name, field) -> assertThat(
                registry.get(name).tags("name", "test-pool", "app", "unit").functionCounter().count())
                .as(name).isEqualTo((double) field.applyAsLong(st)));

        // the run above makes these distinct and non-zero, so a meter bound to the wrong field shows
        assertThat(st.spawns()).isEqualTo(986); // fib(15) spawns fib(n-1) for every n >= 2 (Fib.wschedLong: Task.spawnLong)
        assertThat(st.externalSubmissions()).isEqualTo(SUBMISSIONS);
        assertThat(st.tasksExecuted()).isEqualTo(986 + SUBMISSIONS);
        assertThat(st.scheduleLatency().count()).isEqualTo(SUBMISSIONS);
        assertThat(st.rejectedSubmissions()).isEqualTo(2);
        assertThat(registry.get("wsched.submissions.queued").gauge().value()).isZero();

        assertThat(registry.get("wsched.worker.busy").functionCounter().count())
                .isEqualTo(st.busyNanos() / 1e9).isPositive();
        assertThat(registry.get("wsched.parallelism").gauge().value()).isEqualTo(2.0);
        SchedulerStats.Latency lat = st.scheduleLatency();
        long[] expected = {lat.p50Nanos(), lat.p90Nanos(), lat.p99Nanos(), lat.p999Nanos(), lat.maxNanos()};
        for (int i = 0; i < SchedulerMetrics.QUANTILES.length; i++) {
            String q = Double.toString(SchedulerMetrics.QUANTILES[i]);
            assertThat(registry.get("wsched.schedule.latency").tag("quantile", q).timeGauge()
                    .value(TimeUnit.NANOSECONDS)).as("quantile " + q).isCloseTo(expected[i], within(0.5));
        }
        assertThat(lat.maxNanos()).isPositive();

        for (Meter m : registry.getMeters()) {
            assertThat(m.getId().getTag("scheduler")).as(m.getId().getName()).isEqualTo(st.scheduler());
            assertThat(m.getId().getTag("name")).isEqualTo("test-pool");
        }
        assertThat(registry.getMeters()).hasSize(counters.size() + 3 + SchedulerMetrics.QUANTILES.length);
    }

    @ParameterizedTest
    @MethodSource("pools")
    void countersFollowTheRunningPool(Scheduler pool) {
        try (pool) {
            MeterRegistry registry = new SimpleMeterRegistry();
            new SchedulerMetrics(pool, "p", Tags.empty()).bindTo(registry);
            double before = registry.get("wsched.submissions").functionCounter().count();
            pool.invoke(() -> 1);
            pool.invoke(() -> 2);
            assertThat(registry.get("wsched.submissions").functionCounter().count()).isEqualTo(before + 2);
        }
    }

    /** Both workers held: what is submitted next waits in the queue, and the gauge says how much. */
    @ParameterizedTest
    @MethodSource("pools")
    void queuedSubmissionsGaugeCountsWhatWaits(Scheduler pool) throws Exception {
        try (pool) {
            MeterRegistry registry = new SimpleMeterRegistry();
            new SchedulerMetrics(pool, "p", Tags.empty()).bindTo(registry);
            CountDownLatch started = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(pool.submit(() -> {
                    started.countDown();
                    release.await();
                    return null;
                }));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).as("both workers took a blocking task").isTrue();
            for (int i = 0; i < 3; i++) {
                fs.add(pool.submit(() -> 1));
            }
            assertThat(registry.get("wsched.submissions.queued").gauge().value()).isEqualTo(3.0);
            release.countDown();
            for (Future<?> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(registry.get("wsched.submissions.queued").gauge().value()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("pools")
    void nullArgumentsAreRefusedWithTheirName(Scheduler pool) {
        try (pool) {
            assertThatThrownBy(() -> new SchedulerMetrics(pool, null, Tags.empty()))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
            assertThatThrownBy(() -> SchedulerMetrics.latency(0.75))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.75");
        }
    }
}
