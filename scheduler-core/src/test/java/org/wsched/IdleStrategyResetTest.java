package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;

/**
 * The idle strategy's contract (Agrona): {@code reset()} when work is found, so the next idle
 * period starts from the strategy's first phase rather than where the last one stopped.
 */
class IdleStrategyResetTest {

    /** Counts idle() calls since the last reset(), and remembers that count at the first idle() after a mark. */
    static final class Recording implements IdleStrategy {
        volatile int sinceReset;
        volatile int idles;
        final AtomicBoolean marked = new AtomicBoolean();
        volatile int firstAfterMark = -1;

        @Override
        public void idle(int workCount) {
            if (workCount <= 0) {
                idle();
            } else {
                reset();
            }
        }

        @Override
        public void idle() {
            if (marked.get() && firstAfterMark < 0) {
                firstAfterMark = sinceReset;
            }
            sinceReset = sinceReset + 1; // one writer: the worker
            idles = idles + 1;
            LockSupport.parkNanos(200_000L);
        }

        @Override
        public void reset() {
            sinceReset = 0;
        }
    }

    @Test
    void workFoundWhileIdlingResetsTheIdleStrategy() throws Exception {
        Recording idle = new Recording();
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(1)
                .idleStrategy(() -> idle).idleRoundsBeforeSleep(1_000_000).build()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (idle.idles < 10 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(idle.sinceReset).as("the worker idled before any work came").isGreaterThanOrEqualTo(10);
            pool.submit(() -> idle.marked.set(true)).get(10, TimeUnit.SECONDS);
            while (idle.firstAfterMark < 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(idle.firstAfterMark)
                    .as("idle() calls since the last reset() at the first idle() after the worker found work")
                    .isZero();
        }
    }
}
