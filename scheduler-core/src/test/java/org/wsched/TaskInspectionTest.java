package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Task's inspection methods (isCompletedAbnormally, getException) and timed join, every pool. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TaskInspectionTest {

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void failuresCanBeInspectedWithoutJoining(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            pool.invoke(() -> {
                Task<Integer> ok = Task.spawn(() -> 1);
                Task<Integer> bad = Task.spawn(() -> {
                    throw new IllegalArgumentException("bad input");
                });
                assertThat(ok.join()).isEqualTo(1);
                assertThatThrownBy(bad::join).isInstanceOf(IllegalArgumentException.class);
                assertThat(ok.isCompletedAbnormally()).isFalse();
                assertThat(ok.getException()).isNull();
                assertThat(bad.isCompletedAbnormally()).isTrue();
                assertThat(bad.getException()).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
                return null;
            });
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void timedJoinReturnsTheValueOrTimesOut(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Task<Integer>> slow = new AtomicReference<>();
            pool.invoke(() -> {
                assertThat(Task.spawn(() -> 7).join(10, TimeUnit.SECONDS)).isEqualTo(7);
                return null;
            });
            // From outside the pool: a submitted task that waits for the latch.
            var f = pool.submit(() -> {
                Task<Integer> t = Task.spawn(() -> {
                    release.await();
                    return 9;
                });
                slow.set(t);
                return t.join();
            });
            while (slow.get() == null) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> slow.get().join(50, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(slow.get().isDone()).isFalse();
            release.countDown();
            assertThat(slow.get().join(10, TimeUnit.SECONDS)).isEqualTo(9);
            assertThat(f.get()).isEqualTo(9);
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void aCancelledSubmissionReportsCancellationAsItsException(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            CountDownLatch gate = new CountDownLatch(1);
            for (int i = 0; i < p; i++) {
                pool.execute(() -> {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            var f = (SubmittedTask<?>) pool.submit(() -> 1);
            assertThat(f.cancel(false)).isTrue();
            assertThat(f.isCompletedAbnormally()).isTrue();
            assertThat(f.getException()).isInstanceOf(CancellationException.class);
            gate.countDown();
        }
    }
}
