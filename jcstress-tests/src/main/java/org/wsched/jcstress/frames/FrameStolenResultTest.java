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

    final FrameProbe stack = new FrameProbe(2);

    public FrameStolenResultTest() {
        stack.spawn(FrameProbe.JOB_A, FrameProbe.CTX, 0); // eager: public
    }

    @Actor
    public void owner(II_Result r) {
        r.r1 = owner(stack);
    }

    @Actor
    public void thief(II_Result r) {
        r.r2 = thief(stack);
    }

    public static int owner(FrameProbe s) {
        if (s.unspawn()) {
            return 1;
        }
        FrameStack.Frame f = s.frameAt(0);
        if (!f.laDone()) {
            return 2;
        }
        return 100 + (int) f.result;
    }

    public static int thief(FrameProbe s) {
        FrameStack.Frame f = s.steal();
        if (f == null || f == FrameStack.LOST) {
            return 0;
        }
        s.complete(f, 42);
        return 1;
    }
}
