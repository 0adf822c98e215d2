package org.wsched.internal.idle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BooleanSupplier;
import org.wsched.internal.VarHandles;

/** Padding before the flag of a {@link SubmissionFlag} (see SleepControllerPad0 for the 4-byte gap). */
abstract class SubmissionFlagPad0 {
    @SuppressWarnings("unused")
    private int p0h;
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

/** The flag itself, on its own line. */
abstract class SubmissionFlagField extends SubmissionFlagPad0 {
    /** 1: submissions may wait in the shared queue; written only through {@code SubmissionFlag.RAISED}, read plainly by {@code isRaised()}. */
    int raised;
    @SuppressWarnings("unused")
    private int p1h;
}

/** Padding after the flag. */
abstract class SubmissionFlagPad1 extends SubmissionFlagField {
    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;
}

/**
 * "Submissions are waiting": the signal that makes busy workers run external submissions
 * during a long fork/join computation (docs/correctness.md J25), at the cost of one opaque load
 * on the join fast path instead of a count of every join.
 *
 * <p>A submitter {@link #raise raises} it after its offer to the shared queue; a worker that
 * sees it raised counts joins and every 64th runs the waiting submissions; a worker that finds
 * the queue empty {@link #lower lowers} it and looks at the queue once more, raising it again
 * if a submission arrived meanwhile. This is the Dekker pattern, as in {@link SleepController}:
 *
 * <pre>
 *   submitter                         worker
 *   offer(t)   (a CAS: volatile)      raised = 0        (volatile store)
 *   if (raised == 0) raised = 1       if (queue not empty) raised = 1
 *        (volatile load, store)             (volatile loads of the queue)
 * </pre>
 * Volatile accesses are sequentially consistent, so at least one side sees the other's write:
 * the flag is never left lowered while a submission waits that nobody saw (the jcstress test
 * {@code SubmissionFlagDekkerTest}; docs/correctness.md S9). A raised flag with an empty queue is
 * harmless: the next worker that looks lowers it.
 */
public class SubmissionFlag extends SubmissionFlagPad1 {

    /** Package-private so that the broken variant of the jcstress module (same package) can weaken one step. */
    static final VarHandle RAISED = VarHandles.field(MethodHandles.lookup(), SubmissionFlagField.class, "raised", int.class);

    /** A lowered flag. */
    public SubmissionFlag() {
    }

    /**
     * Submitter, after its offer made the submission visible: raises the flag unless it is up
     * (a load first, so a stream of submissions does not keep writing the line every worker
     * reads on each join).
     *
     * @return true if this call raised it (it was lowered): the caller tells the workers' frames
     *     ({@code FrameStack.requestAttention})
     */
    public final boolean raise() {
        if (lvRaised() == 0) { // volatile: ordered after the offer's CAS; pairs with svRaised(0) in lower()
            svRaised(1);
            return true;
        }
        return false;
    }

    /**
     * The join fast path's question: may submissions be waiting? A plain load, read on every
     * join and frames sync, so it must cost no more than a field read; no ordering is needed, only
     * that a raise is seen eventually. It is: every join also makes an acquire load of the task's
     * status (and the deque's ordered accesses), and no load that follows an acquire in program
     * order may be satisfied before it, so the next join's read of the flag cannot reuse a value
     * read before this join's acquire (a JIT may not hoist it out of a loop of joins); it reads
     * the cache line again, which coherence brings up to date. An opaque load would say the same
     * thing more directly, but HotSpot's C2 surrounds VarHandle opaque accesses with CPU-order
     * barriers that keep it from scheduling the joining code around them: plain fib(30) was
     * measurably slower with it (docs/benchmarks.md, "Issue 12 (fairness flag)").
     *
     * @return true if raised
     */
    public final boolean isRaised() {
        return raised != 0; // plain; pairs with svRaised(1) in raise() and lower(), see above
    }

    /**
     * Whether the flag is raised, with a volatile load: the second look of a frames owner that
     * cleared its attention bit (Dekker with {@link #raise()} followed by
     * {@code FrameStack.requestAttention}).
     *
     * @return true if raised
     */
    public final boolean isRaisedVolatile() {
        return lvRaised() != 0; // pairs with svRaised(1) in raise() and lower()
    }

    /**
     * Worker, having found the queue empty: lowers the flag, then looks at the queue once more
     * ({@code waiting}: volatile reads of it) and raises the flag again if a submission arrived
     * meanwhile.
     *
     * @param waiting whether submissions wait in the queue
     * @return true if the flag is up again
     */
    public final boolean lower(BooleanSupplier waiting) {
        svRaised(0); // volatile: pairs with lvRaised() in raise(); the look below cannot move before it
        if (waiting.getAsBoolean()) {
            svRaised(1);
            return true;
        }
        return false;
    }

    /** The worker's lowering store (volatile; a separate step so the broken variant can weaken it). */
    void svRaised(int v) {
        RAISED.setVolatile(this, v);
    }

    /** The submitter's load (volatile). */
    int lvRaised() {
        return (int) RAISED.getVolatile(this);
    }

    /** Plain-language state, for tests and messages. */
    @Override
    public String toString() {
        return isRaised() ? "SubmissionFlag[raised]" : "SubmissionFlag[lowered]";
    }
}
