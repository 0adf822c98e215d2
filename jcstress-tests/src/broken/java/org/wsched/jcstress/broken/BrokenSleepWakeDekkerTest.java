package org.wsched.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * SleepWakeDekkerTest.DequeWork, unchanged in actors and outcomes, with the sleep flag and count
 * accessed with release/acquire ({@link BrokenSleepController}) instead of sequentially
 * consistent operations: must show the lost wake-up. The deque is the real one.
 */
@JCStressTest
@Description("BROKEN (sleep flag/count with release/acquire, no full fences): SleepWakeDekkerTest must show the lost wake-up")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "publisher woke the worker; the worker saw no work")
@Outcome(id = "-1, 1, 0", expect = ACCEPTABLE, desc = "no sleeper seen; the worker saw the work")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "both saw each other")
@Outcome(id = "-1, 0, .*", expect = FORBIDDEN, desc = "LOST WAKE-UP: nobody woken and the worker saw no work")
@Outcome(expect = FORBIDDEN, desc = "inconsistent sleeper count or state")
@State
public class BrokenSleepWakeDekkerTest {
    final BrokenSleepController sleep = new BrokenSleepController();
    final WorkStealingDeque<Integer> deque = new WorkStealingDeque<>(2);

    @Actor
    public void publisher(III_Result r) {
        deque.push(1);
        r.r1 = sleep.wakeOne();
    }

    @Actor
    public void worker(III_Result r) {
        sleep.announceSleep();
        if (!deque.isEmpty()) {
            sleep.cancelSleep();
            r.r2 = 1;
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = 10 * sleep.sleepers() + (sleep.isSleeping() ? 1 : 0);
    }
}
