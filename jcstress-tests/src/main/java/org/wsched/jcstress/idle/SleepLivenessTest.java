package org.wsched.jcstress.idle;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.internal.idle.SleepController;

/**
 * Liveness of park/unpark in the idle protocol: a worker that announces sleep, re-checks for
 * work and then really parks ({@link SleepController#sleep(int, long)} with no timeout) is woken
 * by a concurrent publisher; a worker whose re-check sees the work cancels its sleep instead of
 * sleeping. STALE (the worker parked forever with work published) is FORBIDDEN.
 *
 * <p>{@link Fenced}: the publisher always calls {@code wakeOne()} (external submission,
 * {@code AbstractPool.signalWork}). {@link Hinted}: the publisher calls {@code wakeOne()} only if
 * the fence-free {@code hasSleepersHint()} shows a sleeper (a worker's spawn,
 * {@code AbstractPool.signalWorkHint}); the hint may miss an announcement in progress, which the
 * worker covers by napping first ({@code sleep(w, NAP_NANOS)}, 2 ms), re-checking, then sleeping
 * for real, as {@code IdleCycle.idle} does (its control flow is restated here; it needs a pool).
 */
public class SleepLivenessTest {

    /** IdleCycle.NAP_NANOS (package-private there). */
    static final long NAP_NANOS = 2_000_000L;

    @JCStressTest(Mode.Termination)
    @Description("Idle protocol liveness: announceSleep + re-check + sleep(w, 0) vs push + wakeOne(); the worker never stays parked")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the worker was woken, or saw the work and cancelled its sleep")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "LOST WAKE-UP: the worker is parked with work published")
    @State
    public static class Fenced {
        final SleepController sleep = new SleepController(1);
        final WorkStealingDeque<Integer> deque = new WorkStealingDeque<>(2);

        @Actor
        public void worker() {
            announce(sleep);
            if (!cancelIfWork(sleep, deque)) {
                sleep.sleep(0, 0L);
            }
        }

        @Signal
        public void publisher() {
            deque.push(1);
            sleep.wakeOne();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("Idle protocol liveness, hinted publisher: announce + re-check + nap + re-check + sleep vs push + (hint ? wakeOne)")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the worker was woken, or saw the work (before or after its nap)")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "LOST WAKE-UP: the worker is parked with work published")
    @State
    public static class Hinted {
        final SleepController sleep = new SleepController(1);
        final WorkStealingDeque<Integer> deque = new WorkStealingDeque<>(2);

        @Actor
        public void worker() {
            announce(sleep);
            if (cancelIfWork(sleep, deque) || sleep.sleep(0, NAP_NANOS) || cancelIfWork(sleep, deque)) {
                return; // saw the work (before or after the nap), or the nap ended in a wake-up
            }
            sleep.sleep(0, 0L);
        }

        @Signal
        public void publisher() {
            deque.push(1);
            if (sleep.hasSleepersHint()) {
                sleep.wakeOne();
            }
        }
    }

    /** Worker 0 (this thread: the controller parks and unparks it) announces that it will sleep. */
    static void announce(SleepController sleep) {
        sleep.register(0, Thread.currentThread());
        sleep.announceSleep(0);
    }

    /** The worker's re-check after announcing, as IdleCycle.idle does it: work seen cancels the sleep (true). */
    static boolean cancelIfWork(SleepController sleep, WorkStealingDeque<Integer> deque) {
        if (deque.isEmpty()) {
            return false;
        }
        sleep.cancelSleep(0);
        return true;
    }
}
