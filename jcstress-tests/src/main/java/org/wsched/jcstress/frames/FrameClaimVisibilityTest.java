package org.wsched.jcstress.frames;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.wsched.internal.deque.FrameStack;

/**
 * A thief that claims a frame sees the job, context and argument the owner wrote before
 * publishing it (the owner's getAndAdd on the claim word vs the thief's CAS; fields read only
 * after the CAS). The owner spawns into a fresh stack (eager publication); the thief claims.
 */
@JCStressTest
@Description("Frames: a claimed frame shows the job, ctx and arg written before its publication")
@Outcome(id = "0", expect = ACCEPTABLE, desc = "nothing public yet")
@Outcome(id = "1", expect = ACCEPTABLE, desc = "claimed, job/ctx/arg as written")
@Outcome(id = "-2", expect = FORBIDDEN, desc = "claimed a frame whose job/ctx/arg are not the published ones")
@Outcome(expect = FORBIDDEN, desc = "impossible claim result")
@State
public class FrameClaimVisibilityTest {

    final FrameProbe stack;

    public FrameClaimVisibilityTest() {
        this(new FrameProbe(2));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FrameClaimVisibilityTest(FrameProbe stack) {
        this.stack = stack;
    }

    @Actor
    public void owner() {
        stack.spawn(FrameProbe.JOB_A, FrameProbe.CTX, 41);
    }

    @Actor
    public void thief(I_Result r) {
        FrameStack.Frame f = stack.steal();
        if (f == null || f == FrameStack.LOST) {
            r.r1 = f == null ? 0 : -1;
            return;
        }
        r.r1 = f.job == FrameProbe.JOB_A && f.ctx == FrameProbe.CTX && f.arg == 41 ? 1 : -2;
    }
}
