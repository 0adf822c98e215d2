package org.wsched.jcstress.frames;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.wsched.internal.idle.SubmissionFlag;

/**
 * Fairness of frames computations (docs/correctness.md F8, J25): a frames owner learns that
 * submissions wait from the attention bit of its {@code wanted} word, which it reads at every
 * spawn anyway; it never reads the pool's "submissions waiting" flag on the fast path. The bit
 * must never be left clear while the flag is raised, or a long frames computation would starve
 * the submissions. Setup: the bit is set (an earlier raise asked) and the flag is down. The
 * submitter raises the flag and, if it raised it, asks for attention (what
 * {@code SharedQueues.raiseWaiting} and {@code WorkStealingPool.submissionsRaised} do); the
 * owner, which saw the flag down, clears the bit and looks at the flag once more (what
 * {@code Frames.onAttention} does). r1 = 1 if the owner's second look saw the flag raised,
 * r2 = 1 if the bit is set at the end (the flag is raised at the end in every run).
 */
@JCStressTest
@Description("Frames: attention asked after a raise survives the owner's concurrent clear (Dekker)")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "owner cleared first; the submitter's request set the bit again")
@Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING, desc = "owner's second look saw the raise and set the bit again")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "LOST ATTENTION: flag raised, bit clear")
@State
public class FrameAttentionDekkerTest {

    final FrameProbe stack;
    final SubmissionFlag flag = new SubmissionFlag();
    int sawRaised;

    public FrameAttentionDekkerTest() {
        this(new FrameProbe(4));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FrameAttentionDekkerTest(FrameProbe stack) {
        this.stack = stack;
        stack.requestAttention(); // an earlier raise asked; the owner has not cleared it yet
    }

    @Actor
    public void submitter() {
        if (flag.raise()) {
            stack.requestAttention();
        }
    }

    @Actor
    public void owner() {
        stack.clearAttentionThenLook(() -> {
            boolean up = flag.isRaisedVolatile();
            sawRaised = up ? 1 : 0;
            return up;
        });
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = sawRaised;
        r.r2 = stack.attentionAsked() ? 1 : 0;
    }
}
