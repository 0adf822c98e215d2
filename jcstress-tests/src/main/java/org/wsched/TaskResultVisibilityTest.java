package org.wsched;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Invariant: a joiner that sees a task done ({@link Task#isDone()}, an acquire load of the
 * status) sees its result through {@link Task#join()} and every plain write the task's body
 * made. One actor runs the real {@link Task#execute(boolean)}; the other checks {@code isDone()}
 * and, only if true, calls {@code join()} (so it never blocks) and reads the body's plain write.
 *
 * <p>{@link Inline}: {@code execute(false)}, the owner's inline fast path (release store of the
 * status); {@link Shared}: {@code execute(true)}, the path for stolen or submitted tasks
 * (volatile store). r1 = saw done; r2 = join() value (-1 = null); r3 = the body's plain write.
 * Both run one {@link Observed} task; the outcome table is Inline's ({@link JCStressMeta}).
 */
public class TaskResultVisibilityTest {

    /** A task whose body writes a plain field, and the joiner's check of both. */
    static final class Observed {
        int x;
        final Task<Integer> task = Task.create(() -> {
            x = 42;
            return 7;
        }, false);

        /** The joiner: if the task shows done, r1 = 1, r2 = join() (-1 = null), r3 = the body's write. */
        void observe(III_Result r) {
            if (task.isDone()) {
                r.r1 = 1;
                Integer v = task.join();
                r.r2 = v == null ? -1 : v;
                r.r3 = x;
            }
        }
    }

    @JCStressTest
    @Description("Task completed by execute(false) (inline path): a joiner that sees isDone() sees the result and the body's writes")
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "not done yet")
    @Outcome(id = "1, 7, 42", expect = ACCEPTABLE, desc = "done: result and body's write visible")
    @Outcome(expect = FORBIDDEN, desc = "done, but the result or the body's write is not visible")
    @State
    public static class Inline {
        final Observed observed = new Observed();

        @Actor
        public void runner() {
            observed.task.execute(false);
        }

        @Actor
        public void joiner(III_Result r) {
            observed.observe(r);
        }
    }

    @JCStressTest
    @JCStressMeta(Inline.class)
    @Description("Task completed by execute(true) (stolen/submitted path): a joiner that sees isDone() sees the result and the body's writes")
    @State
    public static class Shared {
        final Observed observed = new Observed();

        @Actor
        public void runner() {
            observed.task.execute(true);
        }

        @Actor
        public void joiner(III_Result r) {
            observed.observe(r);
        }
    }
}
