package org.wsched.internal.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sleep/wake protocol on its own: the state of each worker and the sleeper count through
 * every transition (announce, cancel, wake, timed sleep), a wake-up that arrives while the worker
 * is still arming, and a producer/worker run in which a lost wake-up would hang (the Dekker pair
 * under real threads). The memory-ordering half is also checked by the jcstress test
 * {@code SleepWakeDekkerTest}.
 */
class SleepControllerTest {

    @Test
    void rejectsANonPositiveWorkerCount() {
        assertThatThrownBy(() -> new SleepController(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workers must be >= 1, was 0");
    }

    @Test
    void announceAndCancelKeepStateAndCountInStep() {
        SleepController s = new SleepController(3);
        assertThat(s.sleepers()).isZero();
        assertThat(s.hasSleepersHint()).isFalse();

        assertThat(s.announceSleep(1)).isEqualTo(1);
        assertThat(s.announceSleep(2)).isEqualTo(2);
        assertThat(s.isSleeping(1)).isTrue();
        assertThat(s.isSleeping(0)).isFalse();
        assertThat(s.sleepers()).isEqualTo(2);
        assertThat(s.hasSleepersHint()).isTrue();

        assertThat(s.cancelSleep(1)).isTrue();
        assertThat(s.isSleeping(1)).isFalse();
        assertThat(s.sleepers()).isEqualTo(1);
        assertThat(s.cancelSleep(1)).as("a second cancel finds nothing to withdraw").isFalse();
        assertThat(s.sleepers()).isEqualTo(1);
    }

    @Test
    void wakeOneClaimsOneSleeperAndTheCancelAfterItLoses() {
        SleepController s = new SleepController(2);
        s.register(0, Thread.currentThread());
        s.register(1, Thread.currentThread());
        assertThat(s.wakeOne()).as("nobody sleeps").isEqualTo(-1);

        s.announceSleep(1);
        assertThat(s.wakeOne()).isEqualTo(1);
        assertThat(s.isSleeping(1)).isFalse();
        assertThat(s.sleepers()).isZero();
        assertThat(s.cancelSleep(1)).as("the waker claimed it first").isFalse();
        assertThat(s.sleepers()).as("not decremented twice").isZero();
        assertThat(s.wakeOne()).as("one wake-up per announcement").isEqualTo(-1);
    }

    @Test
    void allSleepingOnlyWhenEveryWorkerIsAnnounced() {
        SleepController s = new SleepController(3);
        for (int w = 0; w < 3; w++) {
            s.register(w, Thread.currentThread());
        }
        assertThat(s.allSleeping()).isFalse();
        s.announceSleep(0);
        s.announceSleep(2);
        assertThat(s.allSleeping()).isFalse();
        s.announceSleep(1);
        assertThat(s.allSleeping()).isTrue();
        s.wakeOne();
        assertThat(s.allSleeping()).isFalse();
        s.announceSleep(firstAwake(s));
        assertThat(s.allSleeping()).isTrue();
        assertThat(s.wakeAll()).isEqualTo(3);
        assertThat(s.sleepers()).isZero();
        assertThat(s.allSleeping()).isFalse();
        assertThat(s.wakeAll()).isZero();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWakeWhileArmingMakesTheSleepReturnAtOnce() {
        SleepController s = new SleepController(1);
        s.register(0, Thread.currentThread());
        s.announceSleep(0);
        assertThat(s.wakeOne()).isEqualTo(0); // between the announcement and the sleep
        assertThat(s.sleep(0, 0)).as("woken: no park without timeout").isTrue();
        assertThat(s.sleepers()).isZero();
    }

    @Test
    void aTimedSleepThatRunsOutLeavesTheWorkerAnnounced() {
        SleepController s = new SleepController(1);
        s.register(0, Thread.currentThread());
        s.announceSleep(0);
        assertThat(s.sleep(0, TimeUnit.MILLISECONDS.toNanos(5))).isFalse();
        assertThat(s.isSleeping(0)).isTrue();
        assertThat(s.sleepers()).isEqualTo(1);
        assertThat(s.cancelSleep(0)).isTrue();
        assertThat(s.sleepers()).isZero();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void wakeOneUnparksAParkedWorker() throws Exception {
        SleepController s = new SleepController(1);
        AtomicBoolean woken = new AtomicBoolean();
        Thread t = new Thread(() -> woken.set(s.sleep(0, 0)));
        s.register(0, t);
        s.announceSleep(0); // as the worker would, before it sleeps
        t.start();
        while (t.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertThat(s.wakeOne()).isEqualTo(0);
        t.join();
        assertThat(woken).isTrue();
    }

    /**
     * Two workers run the idle protocol (announce, look again, cancel or sleep without timeout)
     * while two producers offer items and call wakeOne() after each: a lost wake-up leaves items
     * queued with every worker parked for ever, and the test times out.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void noItemIsStrandedWhileWorkersSleep() throws Exception {
        int items = 20_000;
        SleepController s = new SleepController(2);
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        AtomicInteger consumed = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread[] workers = new Thread[2];
        for (int w = 0; w < 2; w++) {
            int me = w;
            workers[w] = new Thread(() -> {
                while (!done.get()) {
                    if (queue.poll() != null) {
                        consumed.incrementAndGet();
                        continue;
                    }
                    s.announceSleep(me);
                    if (!queue.isEmpty() || done.get()) {
                        s.cancelSleep(me);
                        continue;
                    }
                    s.sleep(me, 0);
                }
            });
            s.register(w, workers[w]);
        }
        Thread[] producers = new Thread[2];
        for (int p = 0; p < 2; p++) {
            producers[p] = new Thread(() -> {
                for (int i = 0; i < items / 2; i++) {
                    queue.offer(i);
                    s.wakeOne();
                    if ((i & 255) == 0) {
                        Thread.yield(); // let the workers drain and fall asleep now and then
                    }
                }
            });
        }
        for (Thread t : workers) {
            t.start();
        }
        for (Thread t : producers) {
            t.start();
        }
        for (Thread t : producers) {
            t.join();
        }
        while (consumed.get() < items) {
            Thread.sleep(1); // a lost wake-up strands the last items: the timeout fails the test
        }
        done.set(true);
        s.wakeAll();
        for (Thread t : workers) {
            t.join();
        }
        assertThat(queue).isEmpty();
        assertThat(s.sleepers()).isZero();
    }

    private static int firstAwake(SleepController s) {
        for (int w = 0; ; w++) {
            if (!s.isSleeping(w)) {
                return w;
            }
        }
    }
}
