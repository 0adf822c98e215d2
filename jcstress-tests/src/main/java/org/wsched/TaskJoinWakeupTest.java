package org.wsched;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Liveness: a thread blocked in {@link Task#join()} (a non-worker thread: it registers a waiter
 * node and parks) returns once the task completes: no lost wake-up between the waiter's
 * registration and the completing thread's release of waiters.
 *
 * <p>{@link Shared}: completion by {@code execute(true)} (volatile status store, then read
 * waiters: exact wake-up). {@link Inline}: completion by {@code execute(false)}, which may miss a
 * waiter registering at that moment; the waiter's bounded, growing timed parks (50 µs to 16 ms)
 * must still make it return. The outcome table is Shared's ({@link JCStressMeta}).
 */
public class TaskJoinWakeupTest {

    @JCStressTest(Mode.Termination)
    @Description("join() from a non-worker thread returns once execute(true) completes the task")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "join returned")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "LOST WAKE-UP: the joiner stays parked after completion")
    @State
    public static class Shared {
        final Task<Integer> task = Task.create(() -> 7, false);

        @Actor
        public void joiner() {
            join(task);
        }

        @Signal
        public void complete() {
            task.execute(true);
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(Shared.class)
    @Description("join() from a non-worker thread returns once execute(false) (inline path, no StoreLoad) completes the task")
    @State
    public static class Inline {
        final Task<Integer> task = Task.create(() -> 7, false);

        @Actor
        public void joiner() {
            join(task);
        }

        @Signal
        public void complete() {
            task.execute(false);
        }
    }

    /** The joiner: blocks in join() until the task completes; a wrong result fails the test. */
    static void join(Task<Integer> task) {
        int v = task.join();
        if (v != 7) {
            throw new IllegalStateException("join() returned " + v + ", expected the task's result 7");
        }
    }
}
