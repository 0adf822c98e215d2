package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Demand control (maxQueuedSubmissions, maxQueueDelay) and the queued/rejected counters, both pools. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemandControlTest {

    enum Kind {
        WORK_STEALING, CENTRALIZED;

        Scheduler build(int p, UnaryOperator<PoolBuilder<?>> config) {
            PoolBuilder<?> b = this == WORK_STEALING ? WorkStealingPool.builder().parallelism(p)
                    : CentralizedPool.builder().parallelism(p);
            config.apply(b);
            return this == WORK_STEALING ? ((WorkStealingPool.Builder) b).build() : ((CentralizedPool.Builder) b).build();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void maxQueuedSubmissionsRejectsAtTheBoundAndNamesIt(Kind kind) throws Exception {
        Scheduler pool = kind.build(1, b -> b.maxQueuedSubmissions(10));
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                blocking.countDown();
                await(gate);
            });
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue(); // the only worker is busy
            AtomicInteger ran = new AtomicInteger();
            List<Future<?>> accepted = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                accepted.add(pool.submit(ran::incrementAndGet));
            }
            assertThat(pool.stats().queuedSubmissions()).isEqualTo(10);
            assertThatThrownBy(() -> pool.submit(ran::incrementAndGet))
                    .isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("maxQueuedSubmissions(10)");
            assertThatThrownBy(() -> pool.execute(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class);
            assertThat(pool.stats().rejectedSubmissions()).isEqualTo(2);
            gate.countDown();
            for (Future<?> f : accepted) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(ran.get()).isEqualTo(10);
            assertThat(pool.stats().queuedSubmissions()).isZero();
            pool.submit(ran::incrementAndGet).get(10, TimeUnit.SECONDS); // room again
        } finally {
            gate.countDown();
            pool.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void spawnsInsideTasksAreNeverRejected(Kind kind) {
        try (Scheduler pool = kind.build(2, b -> b.maxQueuedSubmissions(1))) {
            long n = pool.invoke(() -> {
                List<Task<Integer>> ts = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    ts.add(Task.spawn(() -> 1));
                }
                long s = 0;
                for (Task<Integer> t : ts) {
                    s += t.join();
                }
                return s;
            });
            assertThat(n).isEqualTo(1000);
            assertThat(pool.stats().rejectedSubmissions()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void maxQueueDelayShedsUntilTheBacklogDrains(Kind kind) throws Exception {
        Scheduler pool = kind.build(1, b -> b.maxQueueDelay(Duration.ofMillis(50)));
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                blocking.countDown();
                await(gate);
            });
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ran = new AtomicInteger();
            Future<?> waiting = pool.submit(ran::incrementAndGet); // accepted: nothing waited yet
            Thread.sleep(120);
            assertThatThrownBy(() -> pool.submit(ran::incrementAndGet))
                    .isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("maxQueueDelay");
            assertThat(pool.stats().rejectedSubmissions()).isEqualTo(1);
            gate.countDown();
            waiting.get(10, TimeUnit.SECONDS);
            // Drained: accepted again.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pool.stats().queuedSubmissions() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            pool.submit(ran::incrementAndGet).get(10, TimeUnit.SECONDS);
            assertThat(ran.get()).isEqualTo(2);
        } finally {
            gate.countDown();
            pool.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void submissionsAfterShutdownCountAsRejected(Kind kind) {
        Scheduler pool = kind.build(2, b -> b);
        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(pool.stats().rejectedSubmissions()).isEqualTo(1);
        pool.close();
    }

    @Test
    void badBoundsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> WorkStealingPool.builder().maxQueuedSubmissions(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
        assertThatThrownBy(() -> CentralizedPool.builder().maxQueueDelay(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void daemonAndUncaughtExceptionHandlerOptionsReachTheWorkers(Kind kind) throws Exception {
        List<Throwable> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch handled = new CountDownLatch(1);
        try (Scheduler pool = kind.build(1, b -> b.daemon(false).uncaughtExceptionHandler((t, e) -> {
            seen.add(e);
            handled.countDown();
        }))) {
            assertThat(pool.submit(() -> Thread.currentThread().isDaemon()).get()).isFalse();
            pool.execute(() -> {
                throw new IllegalStateException("boom");
            });
            assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).singleElement().satisfies(e -> assertThat(e).hasMessage("boom"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aThreadFactoryMakesTheWorkerThreadsAndForkJoinStillWorks(Kind kind) throws Exception {
        List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ThreadFactory tf = r -> {
            Thread t = new Thread(r, "custom-" + made.size());
            t.setDaemon(true);
            made.add(t);
            return t;
        };
        Scheduler pool = kind.build(2, b -> b.threadFactory(tf));
        try {
            assertThat(made).hasSize(2);
            assertThat(pool.submit(() -> Thread.currentThread().getName()).get()).startsWith("custom-");
            assertThat(pool.invoke(() -> ConformanceTest.fib(20))).isEqualTo(6765L);
            AtomicInteger sum = new AtomicInteger();
            pool.invoke(() -> Task.scope(s -> {
                s.spawn(() -> sum.addAndGet(1));
                s.spawn(() -> sum.addAndGet(2));
            }));
            pool.invoke(() -> Task.parallelFor(0, 1000, i -> sum.incrementAndGet()));
            assertThat(sum.get()).isEqualTo(1003);
        } finally {
            pool.close();
        }
        for (Thread t : made) {
            assertThat(t.isAlive()).as(t.getName() + " alive after close").isFalse();
        }
        assertThat(Worker.factoryPools).isZero();
    }

    @Test
    void aThreadFactoryThatReturnsNullIsAClearError() {
        assertThatThrownBy(() -> WorkStealingPool.builder().parallelism(1).threadFactory(r -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("threadFactory returned null");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
