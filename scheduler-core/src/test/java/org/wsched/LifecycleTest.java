package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ExecutorService life cycle: shutdown, shutdownNow, awaitTermination, close, cancellation, threads. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleTest {

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void shutdownFinishesQueuedWorkAndRejectsNewWork(Pools kind, int p) throws Exception {
        Scheduler pool = kind.create(p);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < p; i++) {
            pool.execute(() -> await(gate)); // occupy every worker
        }
        List<Future<?>> queued = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            queued.add(pool.submit(() -> {
                ran.incrementAndGet();
                Task.spawn(ran::incrementAndGet).join(); // accepted work may still spawn
            }));
        }
        pool.shutdown();
        assertThat(pool.isShutdown()).isTrue();
        assertThat(pool.isTerminated()).isFalse();
        assertThatThrownBy(() -> pool.submit(() -> 1)).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("shut down");
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> pool.invoke(() -> 1)).isInstanceOf(RejectedExecutionException.class);
        gate.countDown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.isTerminated()).isTrue();
        assertThat(ran.get()).isEqualTo(2000);
        assertEveryFutureDoneAndNoWorkerAlive(queued, pool);
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void shutdownNowReturnsTheTasksNeverStartedAndInterruptsRunningOnes(Pools kind, int p) throws Exception {
        Scheduler pool = kind.create(p);
        CountDownLatch started = new CountDownLatch(p);
        AtomicInteger interrupted = new AtomicInteger();
        for (int i = 0; i < p; i++) {
            pool.execute(() -> {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicInteger laterRan = new AtomicInteger();
        List<Future<?>> queued = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            queued.add(pool.submit(laterRan::incrementAndGet));
        }
        List<Runnable> never = pool.shutdownNow();
        assertThat(never).hasSize(50);
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted.get()).isEqualTo(p);
        assertThat(laterRan.get()).isZero();
        // The caller owns the returned tasks: running them completes their futures.
        never.forEach(Runnable::run);
        assertThat(laterRan.get()).isEqualTo(50);
        assertEveryFutureDoneAndNoWorkerAlive(queued, pool);
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void cancelledTasksNeverRun(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            CountDownLatch gate = new CountDownLatch(1);
            assertThat(Capture.occupy(pool, p, gate, 120).await(30, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ran = new AtomicInteger();
            Future<?> f = pool.submit(ran::incrementAndGet);
            assertThat(f.cancel(false)).isTrue();
            assertThat(f.isCancelled()).isTrue();
            assertThat(f.isDone()).isTrue();
            assertThat(f.cancel(false)).isFalse();
            assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
            gate.countDown();
            assertThat(pool.submit(() -> 5).get()).isEqualTo(5);
            assertThat(ran.get()).isZero();
            Future<Integer> done = pool.submit(() -> 3);
            assertThat(done.get()).isEqualTo(3);
            assertThat(done.cancel(true)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void invokeAllAndInvokeAny(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            List<Callable<Integer>> cs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int k = i;
                cs.add(() -> k * k);
            }
            List<Future<Integer>> fs = pool.invokeAll(cs);
            for (int i = 0; i < 100; i++) {
                assertThat(fs.get(i).get()).isEqualTo(i * i);
            }
            int any = pool.invokeAny(cs);
            assertThat(any % 1 == 0 && Math.sqrt(any) == Math.floor(Math.sqrt(any))).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void closeWaitsForAcceptedWorkAndLeavesNoThread(Pools kind, int p) {
        AtomicInteger ran = new AtomicInteger();
        Scheduler pool = kind.create(p);
        for (int i = 0; i < 500; i++) {
            pool.execute(() -> {
                Task.parallelFor(0, 100, j -> ran.incrementAndGet());
            });
        }
        pool.close();
        assertThat(ran.get()).isEqualTo(50_000);
        assertThat(pool.isTerminated()).isTrue();
        assertNoWorkerThreadAlive(pool);
        pool.close(); // idempotent
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void anIdlePoolTerminatesOnShutdown(Pools kind, int p) throws Exception {
        Scheduler pool = kind.create(p);
        Thread.sleep(50); // workers fall asleep
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertNoWorkerThreadAlive(pool);
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPool")
    @SuppressWarnings("try") // the explicit close() inside the pool's own task is what is tested
    void closeFromInsideThePoolIsRefusedWithAClearMessage(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            assertThatThrownBy(() -> pool.invoke(() -> {
                pool.close();
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("shutdown()");
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPool")
    void executeReportsFailuresToTheUncaughtExceptionHandlerAndKeepsTheWorker(Pools kind, int p) throws Exception {
        // Workers have no handler of their own: the failure goes to the default handler, which this
        // test captures (instead of letting the thread group print the intended stack trace).
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        BlockingQueue<Throwable> reported = new LinkedBlockingQueue<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.add(e));
        try (Scheduler pool = kind.create(p)) {
            pool.execute(() -> {
                throw new IllegalStateException("reported, not lost");
            });
            assertThat(pool.submit(() -> 1).get()).isEqualTo(1);
            assertThat(reported.poll(10, TimeUnit.SECONDS))
                    .as("the failure of an execute()d task reaches the uncaught-exception handler")
                    .isInstanceOf(IllegalStateException.class).hasMessage("reported, not lost");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every future of {@code fs} is done, and no worker thread of {@code pool} is alive. */
    static void assertEveryFutureDoneAndNoWorkerAlive(List<Future<?>> fs, Scheduler pool) {
        for (Future<?> f : fs) {
            assertThat(f.isDone()).isTrue();
        }
        assertNoWorkerThreadAlive(pool);
    }

    static void assertNoWorkerThreadAlive(Scheduler pool) {
        Set<String> names = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof Worker && ((Worker) t).pool == pool && t.isAlive()) // the default threads; factory threads are checked by their tests
                .map(Thread::getName).collect(Collectors.toSet());
        assertThat(names).as("worker threads still alive").isEmpty();
    }
}
