package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #13, "What to build": the builder options the fix adds, on both builders —
 * threadFactory, uncaughtExceptionHandler, daemon, maxQueuedSubmissions, maxQueueDelay — and
 * the new SchedulerStats counters rejectedSubmissions() and queuedSubmissions().
 *
 * <p>PENDING: this file does not compile against the code before the fix (the options do not
 * exist); move it to src/test/java/org/wsched/ with the fix. API assumed: the five setters on
 * PoolBuilder (so both builders inherit them), each returning the builder;
 * {@code SchedulerStats.rejectedSubmissions()} and {@code queuedSubmissions()} returning long.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BuilderOptionsTest {

    static Stream<Arguments> kinds() {
        return Stream.of(Arguments.of(Pools.WORK_STEALING), Arguments.of(Pools.CENTRALIZED));
    }

    /** Builds {@code kind} at parallelism {@code p} with {@code opts} applied to its builder. */
    static Scheduler build(Pools kind, int p, Consumer<PoolBuilder<?>> opts) {
        if (kind == Pools.CENTRALIZED) {
            CentralizedPool.Builder b = CentralizedPool.builder().parallelism(p);
            opts.accept(b);
            return b.build();
        }
        WorkStealingPool.Builder b = WorkStealingPool.builder().parallelism(p).seed(1);
        opts.accept(b);
        return b.build();
    }

    /** Occupies every worker of {@code pool} until {@code gate} opens; returns once all of them run. */
    static void blockWorkers(Scheduler pool, int p, CountDownLatch gate) throws InterruptedException {
        assertThat(Capture.occupy(pool, p, gate, 30).await(10, TimeUnit.SECONDS)).as("every worker blocked").isTrue();
    }

    // ------------------------------------------------------------------ threads

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void threadFactoryMakesTheWorkerThreads(Pools kind) throws Exception {
        List<Thread> made = new CopyOnWriteArrayList<>();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "custom-factory-" + made.size());
            made.add(t);
            return t;
        };
        Scheduler pool = build(kind, 2, b -> b.threadFactory(f));
        try {
            assertThat(made).hasSize(2);
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 50; i++) {
                pool.submit(() -> seen.add(Thread.currentThread())).get(10, TimeUnit.SECONDS);
            }
            assertThat(made).containsAll(seen);
            // fork/join works on the factory's threads
            assertThat(pool.invoke(() -> Task.spawn(() -> 20).join() + 22)).isEqualTo(42);
        } finally {
            pool.close();
        }
        assertThatThrownBy(() -> build(kind, 1, b -> b.threadFactory(null))).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void daemonSetsTheWorkersDaemonFlag(Pools kind) throws Exception {
        for (boolean daemon : new boolean[] {false, true}) {
            Scheduler pool = build(kind, 2, b -> b.daemon(daemon));
            try {
                for (int i = 0; i < 10; i++) {
                    assertThat(pool.submit(() -> Thread.currentThread().isDaemon()).get(10, TimeUnit.SECONDS))
                            .as("daemon(" + daemon + ")").isEqualTo(daemon);
                }
            } finally {
                pool.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void uncaughtExceptionHandlerReceivesExecuteFailuresAndMayThrow(Pools kind) throws Exception {
        List<Throwable> got = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Scheduler pool = build(kind, 2, b -> b.uncaughtExceptionHandler((t, e) -> {
            got.add(e);
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("a handler that fails must not kill the worker");
            }
        }));
        try {
            for (int i = 0; i < 10; i++) {
                int id = i;
                pool.execute(() -> {
                    throw new IllegalArgumentException("failure " + id);
                });
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (got.size() < 10 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(got).hasSize(10).allMatch(e -> e instanceof IllegalArgumentException);
            // submit() failures go to the Future, not to the handler
            Future<?> f = pool.submit(() -> {
                throw new IllegalArgumentException("through the future");
            });
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
            Thread.sleep(100);
            assertThat(got).hasSize(10);
            assertThat(pool.submit(() -> 1).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.close();
        }
        assertThatThrownBy(() -> build(kind, 1, b -> b.uncaughtExceptionHandler(null)))
                .isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------------ demand control

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void maxQueuedSubmissionsRejectsBeyondTheBound(Pools kind) throws Exception {
        int bound = 5;
        Scheduler pool = build(kind, 1, b -> b.maxQueuedSubmissions(bound));
        CountDownLatch gate = new CountDownLatch(1);
        try {
            blockWorkers(pool, 1, gate);
            AtomicInteger ran = new AtomicInteger();
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < bound; i++) {
                if (i % 2 == 0) {
                    fs.add(pool.submit(ran::incrementAndGet));
                } else {
                    pool.execute(ran::incrementAndGet);
                }
            }
            assertThat(pool.stats().queuedSubmissions()).isEqualTo(bound);
            assertThatThrownBy(() -> pool.submit(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining(String.valueOf(bound));
            assertThatThrownBy(() -> pool.execute(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining(String.valueOf(bound));
            assertThatThrownBy(() -> pool.invoke(() -> 1)).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining(String.valueOf(bound));
            assertThatThrownBy(() -> pool.invokeAll(List.of(() -> 1, () -> 2))).isInstanceOf(RejectedExecutionException.class);
            assertThat(pool.stats().rejectedSubmissions()).isGreaterThanOrEqualTo(4);
            assertThat(pool.stats().queuedSubmissions()).isEqualTo(bound);
            gate.countDown();
            for (Future<?> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((ran.get() < bound || pool.stats().queuedSubmissions() > 0) && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(ran.get()).as("exactly the accepted tasks ran").isEqualTo(bound);
            assertThat(pool.stats().queuedSubmissions()).isZero();
            // Spawns inside tasks are never rejected, however many.
            assertThat(pool.invoke(() -> {
                List<Task<Integer>> ts = new ArrayList<>();
                for (int i = 0; i < 100 * bound; i++) {
                    ts.add(Task.spawn(() -> 1));
                }
                int s = 0;
                for (Task<Integer> t : ts) {
                    s += t.join();
                }
                return s;
            })).isEqualTo(100 * bound);
        } finally {
            gate.countDown();
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> build(kind, 1, b -> b.maxQueuedSubmissions(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void maxQueueDelayShedsWhileTheOldestSubmissionWaitsTooLong(Pools kind) throws Exception {
        Scheduler pool = build(kind, 1, b -> b.maxQueueDelay(Duration.ofMillis(200)));
        CountDownLatch gate = new CountDownLatch(1);
        try {
            blockWorkers(pool, 1, gate);
            Future<Integer> old = pool.submit(() -> 1); // accepted: nothing waits yet
            Thread.sleep(600); // the oldest unstarted submission has now waited longer than 200 ms
            assertThat(pool.stats().queuedSubmissions()).isEqualTo(1);
            assertThatThrownBy(() -> pool.submit(() -> 2)).isInstanceOf(RejectedExecutionException.class);
            assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThat(pool.stats().rejectedSubmissions()).isGreaterThanOrEqualTo(2);
            gate.countDown(); // the backlog drains
            assertThat(old.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pool.stats().queuedSubmissions() > 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(pool.submit(() -> 3).get(10, TimeUnit.SECONDS)).as("accepted again once the backlog drained")
                    .isEqualTo(3);
            // Spawns are never shed.
            assertThat(pool.invoke(() -> Task.spawn(() -> 4).join())).isEqualTo(4);
        } finally {
            gate.countDown();
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> build(kind, 1, b -> b.maxQueueDelay(null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> build(kind, 1, b -> b.maxQueueDelay(Duration.ofMillis(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void withoutDemandControlNothingIsRejectedAndTheCountersWork(Pools kind) throws Exception {
        Scheduler pool = build(kind, 1, b -> { });
        CountDownLatch gate = new CountDownLatch(1);
        try {
            blockWorkers(pool, 1, gate);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                fs.add(pool.submit(() -> { }));
            }
            assertThat(pool.stats().queuedSubmissions()).isEqualTo(10_000);
            assertThat(pool.stats().rejectedSubmissions()).isZero();
            gate.countDown();
            for (Future<?> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            gate.countDown();
            pool.close();
        }
        assertThat(pool.stats().queuedSubmissions()).isZero();
    }
}
