package org.wsched.jcstress.frames;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The last public frame: the owner's take-back ({@code sync}/{@code tryUnspawn} of a public
 * frame: getAndAdd(-1) on the claim word, a full fence) vs a thief's CAS claim. Exactly one gets
 * it, and {@code tryUnspawn} returns true exactly when no thief claimed it. r1 = owner (1 = took
 * it back), r2 = thief ({@link FrameProbe#code}).
 */
@JCStressTest
@Description("Frames: owner take-back vs thief claim of the last public frame; exactly one gets it")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "owner took it back; the thief saw nothing public")
@Outcome(id = "1, -1", expect = ACCEPTABLE, desc = "owner took it back; the thief's CAS lost")
@Outcome(id = "0, 8", expect = ACCEPTABLE, desc = "the thief claimed it; tryUnspawn false")
@Outcome(id = "1, 8", expect = FORBIDDEN, desc = "DUPLICATE: both run the frame")
@Outcome(expect = FORBIDDEN, desc = "LOST: nobody runs the frame, or a phantom")
@State
public class FrameTakeBackVsClaimTest {

    final FrameProbe stack;

    public FrameTakeBackVsClaimTest() {
        this(new FrameProbe(2));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FrameTakeBackVsClaimTest(FrameProbe stack) {
        this.stack = stack.withPublic(7);
    }

    @Actor
    public void owner(II_Result r) {
        r.r1 = stack.unspawn() ? 1 : 0;
    }

    @Actor
    public void thief(II_Result r) {
        r.r2 = FrameProbe.code(stack.steal());
    }
}
