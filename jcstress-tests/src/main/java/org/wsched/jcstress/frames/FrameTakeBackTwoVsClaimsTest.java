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
 * Two public frames (args 1 and 2): the owner takes back the newest, then, if that one was not
 * stolen, the older one; a thief claims twice. Every frame is run by exactly one side: r1 = a
 * per-frame tally 10·(frame 1) + (frame 2), each digit 1 if exactly one side got it; r2 = the
 * word's consistency after an owner reset (1 = top &lt;= split).
 */
@JCStressTest
@Description("Frames: owner take-back of two public frames vs two thief claims; each frame exactly once")
@Outcome(id = "11, 1", expect = ACCEPTABLE, desc = "each frame ran on exactly one side")
@Outcome(expect = FORBIDDEN, desc = "a frame duplicated or lost")
@State
public class FrameTakeBackTwoVsClaimsTest {

    final FrameProbe stack;
    final int[] owner = new int[3];
    final int[] thief = new int[3];

    public FrameTakeBackTwoVsClaimsTest() {
        this(new FrameProbe(4));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FrameTakeBackTwoVsClaimsTest(FrameProbe stack) {
        this.stack = stack.publishedRange(1, 2);
    }

    @Actor
    public void owner() {
        for (int i = 2; i >= 1; i--) {
            if (!stack.unspawn()) {
                return; // stolen: so is every older frame (thieves claim oldest first); the runtime waits here
            }
            owner[i]++;
        }
    }

    @Actor
    public void thief() {
        for (int k = 0; k < 2; k++) {
            FrameStack.Frame f = stack.claimed();
            if (f != null) {
                thief[(int) f.arg]++;
            }
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = 10 * (owner[1] + thief[1]) + (owner[2] + thief[2]);
        long w = stack.word();
        r.r2 = (int) (w >>> 32) <= (int) w ? 1 : 0;
    }
}
