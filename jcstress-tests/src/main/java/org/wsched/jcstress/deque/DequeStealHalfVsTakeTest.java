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
 * Invariant: steal-half (what {@code WorkStealingPool.stealMore} does with
 * {@code StealAmount.HALF}: one steal, then {@code size()/2} more, each pushed onto the thief's
 * own deque, stopping at the first EMPTY/RETRY) racing the owner's two takes hands out each
 * element exactly once. The victim holds 1..4; the thief's loop is the pool's, restated here
 * because {@code stealMore} is private and needs a worker thread.
 *
 * <p>r1..r4 = code of elements 1..4 (see {@link Tally}; elements that went onto the thief's own
 * deque count as the thief's); r5 = phantoms.
 */
@JCStressTest
@Description("WorkStealingDeque: steal-half loop (as WorkStealingPool.stealMore) vs two owner takes; each element exactly once")
@Outcome(id = "(100|10|1), (100|10|1), (100|10|1), (100|10|1), 0", expect = ACCEPTABLE, desc = "every element exactly once")
@Outcome(expect = FORBIDDEN, desc = "an element lost or duplicated, or a phantom")
@State
public class DequeStealHalfVsTakeTest {

    private final WorkStealingDeque<Integer> victim = new WorkStealingDeque<>(4);
    private final WorkStealingDeque<Integer> thiefDeque = new WorkStealingDeque<>(4);
    private final Tally tally = new Tally(victim, 4).push(1, 4);

    @Actor
    public void owner() {
        tally.ownerTakes(2);
    }

    @Actor
    @SuppressWarnings("unchecked")
    public void thief() {
        Object r = victim.steal();
        if (!Tally.stole(tally.thief, r)) {
            return;
        }
        int extra = victim.size() / 2;
        for (int i = 0; i < extra; i++) {
            Object more = victim.steal();
            if (more == WorkStealingDeque.EMPTY || more == WorkStealingDeque.RETRY) {
                return;
            }
            if (more instanceof Integer) {
                thiefDeque.push((Integer) more);
            } else {
                tally.thief[0]++; // phantom
            }
        }
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        tally.drain();
        Tally.drain(thiefDeque, tally.thief); // what the thief moved to its own deque
        r.r1 = tally.code(1);
        r.r2 = tally.code(2);
        r.r3 = tally.code(3);
        r.r4 = tally.code(4);
        r.r5 = tally.phantoms();
    }
}
