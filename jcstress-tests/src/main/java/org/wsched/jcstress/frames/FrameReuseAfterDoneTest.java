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

/**
 * A frame record is reused only after the thief's last write: the thief claims and completes
 * frame 0; the owner, once it sees DONE, frees the record and spawns job B into it. The arbiter
 * checks that the reused record holds job B, its argument, and no trace of the old outcome
 * (a thief writing after DONE, e.g. clearing the frame, would corrupt the new spawn).
 * r1 = owner (1 took back, 2 stolen not done, 3 reused), r2 = arbiter (1 = record intact or not reused).
 */
@JCStressTest
@Description("Frames: a stolen frame's record is reused only after the thief's last write")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "owner took it back")
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "stolen, not done yet: not reused")
@Outcome(id = "3, 1", expect = ACCEPTABLE, desc = "reused after DONE; the new spawn is intact")
@Outcome(id = "3, 0", expect = FORBIDDEN, desc = "the thief wrote into the record after the owner reused it")
@Outcome(expect = FORBIDDEN, desc = "impossible")
@State
public class FrameReuseAfterDoneTest {

    final FrameProbe stack;
    int ownerCode;

    public FrameReuseAfterDoneTest() {
        this(new FrameProbe(2));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FrameReuseAfterDoneTest(FrameProbe stack) {
        this.stack = stack.withPublic(0);
    }

    @Actor
    public void owner() {
        if (stack.unspawn()) {
            ownerCode = 1;
        } else if (!stack.frameAt(0).laDone()) {
            ownerCode = 2;
        } else {
            stack.finish(0);
            stack.spawnPrivate(FrameProbe.JOB_B, null, 9);
            ownerCode = 3;
        }
    }

    @Actor
    public void thief() {
        stack.claimAndComplete(42);
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = ownerCode;
        var f = stack.frameAt(0);
        r.r2 = ownerCode != 3 || f.job == FrameProbe.JOB_B && f.ctx == null && f.arg == 9 && !f.laDone() ? 1 : 0;
    }
}
