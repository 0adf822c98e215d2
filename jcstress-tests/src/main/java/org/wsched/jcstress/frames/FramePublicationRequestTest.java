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
 * Liveness of demand-driven publication: a thief that finds nothing public leaves a request, and
 * a request is never lost. Setup: a pending request (an earlier thief found nothing). The owner
 * spawns (sees the request, publishes); the thief claims twice. If the thief's second claim found
 * nothing, its request must survive the owner's publication (the owner clears requests BEFORE
 * publishing), or a frame must still be public: otherwise the thief would sleep while the owner
 * keeps its later spawns private. r1 = thief's claims (bits: 1 first,
 * 2 second succeeded), r2 = 1 if (second claim found nothing) implies (request pending or
 * something public).
 */
@JCStressTest
@Description("Frames: a thief's publication request survives a concurrent publication (no lost request)")
@Outcome(id = "[0-3], 1", expect = ACCEPTABLE, desc = "every empty-handed claim left a live request or work")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "LOST REQUEST: thief found nothing, nothing public, no request pending")
@State
public class FramePublicationRequestTest {

    final FrameProbe stack;
    int claims;
    boolean secondEmpty;

    public FramePublicationRequestTest() {
        this(new FrameProbe(4));
    }

    /** The same scenario on another probe (a broken variant holds one with a flawed step). */
    public FramePublicationRequestTest(FrameProbe stack) {
        this.stack = stack;
        if (stack.steal() != null) { // nothing public: leaves a request
            throw new IllegalStateException("setup: the stack must be empty; pass a new FrameProbe");
        }
    }

    @Actor
    public void owner() {
        stack.spawnPrivate(FrameProbe.JOB_A, FrameProbe.CTX, 1); // sees the request: publishes
    }

    @Actor
    public void thief() {
        for (int k = 0; k < 2; k++) {
            FrameStack.Frame f = stack.steal();
            if (f != null && f != FrameStack.LOST) {
                claims |= 1 << k;
            } else if (k == 1 && f == null) {
                secondEmpty = true;
            }
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = claims;
        r.r2 = !secondEmpty || stack.requested() || stack.anyPublic() ? 1 : 0;
    }
}
