package org.wsched.jcstress.deque;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Split deque: element 1 is public, 2 and 3 private. The owner takes twice (3 and 2 on the
 * fence-free private path, or the public path once the private part is gone) while a thief
 * steals twice (1, then nothing stealable — it asks for work — or whatever the owner published);
 * the arbiter drains. Every element exactly once, no phantom: the private path must never hand
 * out an element a thief can also get. r1..r3 = codes of elements 1..3 (see {@link Tally});
 * r4 = phantoms.
 */
@JCStressTest
@Description("Split WorkStealingDeque: owner's private takes vs thief's steals; each element exactly once")
@Outcome(id = {"(100|10|1), (100|10|1), (100|10|1), 0"}, expect = ACCEPTABLE, desc = "each element exactly once")
@Outcome(expect = FORBIDDEN, desc = "an element lost or duplicated, or a phantom")
@State
public class SplitDequePrivateTakesVsStealsTest {

    /** 1 is published (nothing was public), 2 and 3 stay private. */
    private final Tally tally = new Tally(WorkStealingDeque.split(4), 3).push(1, 3);

    @Actor
    public void owner() {
        tally.ownerTakes(2);
    }

    @Actor
    public void thief() {
        tally.thiefSteals(2);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        tally.drain();
        r.r1 = tally.code(1);
        r.r2 = tally.code(2);
        r.r3 = tally.code(3);
        r.r4 = tally.phantoms();
    }
}
