package org.wsched.jcstress.frames;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.wsched.internal.deque.FrameStack;

/**
 * Growth of the frame array while a thief reads it: two public frames fill a 2-record stack; the
 * thief claims one and completes it (result 40 + its arg) while the owner's next spawn grows the
 * array. Records never move, so the record the owner finds at that index afterwards carries the
 * thief's outcome. r1 = the thief's claimed arg + 1 (0 none), r2 = 1 if the owner's current
 * record for it shows DONE with the result (or nothing was claimed).
 */
@JCStressTest
@Description("Frames: growing the frame array while a thief claims and completes a frame loses nothing")
@Outcome(id = "[0-2], 1", expect = ACCEPTABLE, desc = "the thief's outcome is in the record the owner sees")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "LOST OUTCOME: the thief wrote into a record the owner no longer uses")
@State
public class FrameGrowthVsClaimTest {

    final FrameProbe stack;
    int claimed = -1;

    public FrameGrowthVsClaimTest() {
        this(new FrameProbe(2));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FrameGrowthVsClaimTest(FrameProbe stack) {
        this.stack = stack.publishedRange(0, 1);
    }

    @Actor
    public void owner() {
        stack.spawnPrivate(FrameProbe.JOB_B, null, 2); // index 2: grows the array
    }

    @Actor
    public void thief() {
        FrameStack.Frame f = stack.claimed();
        if (f != null) {
            claimed = (int) f.arg;
            stack.complete(f, 40 + f.arg);
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = claimed + 1;
        if (claimed < 0) {
            r.r2 = 1;
            return;
        }
        FrameStack.Frame f = stack.frameAt(claimed);
        r.r2 = f.laDone() && f.result == 40 + claimed ? 1 : 0;
    }
}
