package org.wsched.jcstress.deque;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Split deque, publication: 1 was public and is stolen, 2 and 3 are private, and a thief has
 * asked for work. The owner pushes 4 (serving the request: it publishes the older half of its
 * private part with a release store of split) and takes once; a thief steals twice. A thief that
 * sees the new split must see the published elements (no null, no stale value), and every
 * element goes to exactly one thread. r1..r4 = codes of elements 1..4; r5 = phantoms.
 */
@JCStressTest
@Description("Split WorkStealingDeque: publish on a thief's request vs concurrent steals; no phantom, each element once")
@Outcome(id = {"10, (100|10|1), (100|10|1), (100|10|1), 0"}, expect = ACCEPTABLE, desc = "each element exactly once")
@Outcome(expect = FORBIDDEN, desc = "an element lost or duplicated, or a phantom (published before it was visible)")
@State
public class SplitDequePublishOnRequestTest {

    private final WorkStealingDeque<Integer> deque = WorkStealingDeque.split(2);
    private final Tally tally = new Tally(deque, 4).push(1, 3); // 1 published, 2 and 3 private

    public SplitDequePublishOnRequestTest() {
        tally.thiefSteals(1); // gets 1
        deque.steal(); // nothing public but private work exists: sets the request flag
    }

    @Actor
    public void owner() {
        deque.push(4); // serves the request (and grows the array: capacity 2 → 4)
        tally.ownerTakes(1);
    }

    @Actor
    public void thief() {
        tally.thiefSteals(2);
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        tally.drain();
        r.r1 = tally.code(1);
        r.r2 = tally.code(2);
        r.r3 = tally.code(3);
        r.r4 = tally.code(4);
        r.r5 = tally.phantoms();
    }
}
