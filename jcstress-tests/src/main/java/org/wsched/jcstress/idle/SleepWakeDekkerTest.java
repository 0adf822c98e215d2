package org.wsched.jcstress.idle;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.internal.idle.SleepController;

/**
 * Invariant (no lost wake-up, the Dekker pair of the idle protocol): a publisher makes work
 * visible and then calls {@link SleepController#wakeOne()} (full fence, then reads sleepers); a
 * worker calls {@link SleepController#announceSleep(int)} (getAndAdd: a full fence) and then
 * looks for work once more, cancelling its sleep if it finds some (as IdleCycle.idle does).
 * The outcome where the publisher wakes nobody AND the worker sees no work is FORBIDDEN: the
 * worker would sleep with work queued.
 *
 * <p>{@link DequeWork}: work pushed on a real classic {@link WorkStealingDeque}, checked with
 * {@code isEmpty()} (a worker's spawn path and WorkStealingPool.hasVisibleWork).
 * {@link SplitDequeWork}: the same with a split deque (the pool's default), whose push stores
 * bottom with an opaque store (and publishes with a release store). {@link QueueWork}:
 * work offered to the shared queue class of the pools (external submission, centralized spawn).
 *
 * <p>r1 = wakeOne() result (0 = woke worker 0, -1 = nobody); r2 = the worker's re-check saw work;
 * r3 = after both: 10 × sleepers() + (worker still marked sleeping ? 1 : 0). The three differ only
 * in the work: each runs the one {@link Pair} with its own publish step and re-check.
 */
public class SleepWakeDekkerTest {

    @JCStressTest
    @Description("Idle protocol Dekker pair, deque work: push + wakeOne() vs announceSleep() + re-check; never both miss")
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "publisher woke the worker; the worker saw no work (it would sleep and be woken)")
    @Outcome(id = "-1, 1, 0", expect = ACCEPTABLE, desc = "no sleeper seen; the worker saw the work and cancelled its sleep")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "both saw each other (the waker won the claim; the cancel lost)")
    @Outcome(id = "-1, 0, .*", expect = FORBIDDEN, desc = "LOST WAKE-UP: nobody woken and the worker saw no work")
    @Outcome(expect = FORBIDDEN, desc = "inconsistent sleeper count or state")
    @State
    public static class DequeWork {
        final WorkStealingDeque<Integer> deque = new WorkStealingDeque<>(2);
        final Pair pair;

        public DequeWork() {
            this(new SleepController(1));
        }

        /** The same scenario on another controller: the broken variant holds one with the Dekker steps weakened. */
        public DequeWork(SleepController sleep) {
            pair = new Pair(sleep, () -> deque.push(1), () -> !deque.isEmpty());
        }

        @Actor
        public void publisher(III_Result r) {
            pair.publisher(r);
        }

        @Actor
        public void worker(III_Result r) {
            pair.worker(r);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            pair.arbiter(r);
        }
    }

    @JCStressTest
    @Description("Idle protocol Dekker pair, split-deque work (the pool's default deque): push + wakeOne() vs announceSleep() + re-check; never both miss")
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "publisher woke the worker; the worker saw no work (it would sleep and be woken)")
    @Outcome(id = "-1, 1, 0", expect = ACCEPTABLE, desc = "no sleeper seen; the worker saw the work and cancelled its sleep")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "both saw each other (the waker won the claim; the cancel lost)")
    @Outcome(id = "-1, 0, .*", expect = FORBIDDEN, desc = "LOST WAKE-UP: nobody woken and the worker saw no work")
    @Outcome(expect = FORBIDDEN, desc = "inconsistent sleeper count or state")
    @State
    public static class SplitDequeWork {
        final WorkStealingDeque<Integer> deque = WorkStealingDeque.split(4);
        final Pair pair = new Pair(new SleepController(1), () -> deque.push(1), () -> !deque.isEmpty());

        public SplitDequeWork() {
            deque.push(0); // published (nothing was public)
            deque.steal(); // ...and stolen: the deque is empty, its split is at 1
            // so the publisher's push(1) has t >= split: it publishes; isEmpty() sees it through the opaque bottom
        }

        @Actor
        public void publisher(III_Result r) {
            pair.publisher(r);
        }

        @Actor
        public void worker(III_Result r) {
            pair.worker(r);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            pair.arbiter(r);
        }
    }

    @JCStressTest
    @Description("Idle protocol Dekker pair, shared-queue work: offer + wakeOne() vs announceSleep() + re-check; never both miss")
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "publisher woke the worker; the worker saw no work (it would sleep and be woken)")
    @Outcome(id = "-1, 1, 0", expect = ACCEPTABLE, desc = "no sleeper seen; the worker saw the work and cancelled its sleep")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "both saw each other (the waker won the claim; the cancel lost)")
    @Outcome(id = "-1, 0, .*", expect = FORBIDDEN, desc = "LOST WAKE-UP: nobody woken and the worker saw no work")
    @Outcome(expect = FORBIDDEN, desc = "inconsistent sleeper count or state")
    @State
    public static class QueueWork {
        final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        final Pair pair = new Pair(new SleepController(1), () -> queue.offer(1), () -> !queue.isEmpty());

        @Actor
        public void publisher(III_Result r) {
            pair.publisher(r);
        }

        @Actor
        public void worker(III_Result r) {
            pair.worker(r);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            pair.arbiter(r);
        }
    }

    /**
     * One Dekker pair on a controller with one worker (0): the publisher's side (make work visible,
     * then {@code wakeOne()}), the worker's side ({@code announceSleep(0)}, then the re-check, and
     * {@code cancelSleep(0)} if it saw work, as IdleCycle.idle does) and the arbiter's reading.
     */
    static final class Pair {
        private final SleepController sleep;
        private final Runnable publish;
        private final BooleanSupplier workSeen;

        Pair(SleepController sleep, Runnable publish, BooleanSupplier workSeen) {
            this.sleep = sleep;
            this.publish = publish;
            this.workSeen = workSeen;
        }

        /** r1 = wakeOne() after the work is visible (0 = woke worker 0, -1 = nobody). */
        void publisher(III_Result r) {
            publish.run();
            r.r1 = sleep.wakeOne();
        }

        /** r2 = 1 if the re-check after the announcement saw work (the sleep is then cancelled). */
        void worker(III_Result r) {
            sleep.announceSleep(0);
            if (workSeen.getAsBoolean()) { // the re-check reads after the announce
                sleep.cancelSleep(0);
                r.r2 = 1;
            }
        }

        /** r3 = 10 × sleepers() + (worker 0 still marked sleeping ? 1 : 0). */
        void arbiter(III_Result r) {
            r.r3 = 10 * sleep.sleepers() + (sleep.isSleeping(0) ? 1 : 0);
        }
    }
}
