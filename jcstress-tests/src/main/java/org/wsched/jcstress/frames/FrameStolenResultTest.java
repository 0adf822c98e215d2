package org.wsched.jcstress.frames;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.wsched.internal.deque.FrameStack;

/**
 * A stolen sync reads the result only after the thief's completion store: the thief claims the
 * public frame, "runs" it (result 42) and completes it; the owner tries to take it back and, if a
 * thief has it, looks once at DONE (acquire) and, if set, reads the result. r1 = owner (1 =
 * took it back, 2 = stolen and not done yet, else 100 + result read after DONE); r2 = thief (1
 * = ran it).
 */
@JCStressTest
@Description("Frames: the owner reads a stolen frame's result only after the thief's DONE store")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "owner took it back (tryUnspawn true); the thief did not run it")
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "stolen; the owner saw it not done yet (it would wait)")
@Outcome(id = "142, 1", expect = ACCEPTABLE, desc = "stolen; DONE seen, with the thief's result")
@Outcome(id = "100, 1", expect = FORBIDDEN, desc = "DONE seen but not the result written before it")
@Outcome(expect = FORBIDDEN, desc = "run twice, or by nobody")
@State
public class FrameStolenResultTest {

    final FrameProbe stack;

    public FrameStolenResultTest() {
        this(new FrameProbe(2));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FrameStolenResultTest(FrameProbe stack) {
        this.stack = stack.withPublic(0);
    }

    @Actor
    public void owner(II_Result r) {
        if (stack.unspawn()) {
            r.r1 = 1;
            return;
        }
        FrameStack.Frame f = stack.frameAt(0);
        r.r1 = f.laDone() ? 100 + (int) f.result : 2;
    }

    @Actor
    public void thief(II_Result r) {
        r.r2 = stack.claimAndComplete(42) ? 1 : 0;
    }
}
