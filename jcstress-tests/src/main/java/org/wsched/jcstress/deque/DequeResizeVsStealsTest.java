package org.wsched.jcstress.deque;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIIII_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Invariant: growing the deque while thieves steal loses and duplicates nothing, and a thief
 * never returns a slot the owner reused (crossbeam's CVE-2021-32810 was that bug). The deque
 * starts at capacity 2 holding 1 and 2; the owner pushes 3 (grows to 4), 4 and 5 (5 may reuse
 * the slot of a stolen element: index 4 maps to slot 0 of the new array), then takes once; the
 * thief steals three times (the third races the pushes), possibly from the old array; the
 * arbiter drains.
 *
 * <p>r1..r5 = code of elements 1..5 (see {@link Tally}); r6 = phantoms.
 */
@JCStressTest
@Description("WorkStealingDeque: pushes that force a resize vs three concurrent steals; nothing lost or duplicated")
@Outcome(id = "(100|10|1), (100|10|1), (100|10|1), (100|10|1), (100|10|1), 0", expect = ACCEPTABLE,
        desc = "every element exactly once")
@Outcome(expect = FORBIDDEN, desc = "an element lost or duplicated, or a phantom/stale slot returned")
@State
public class DequeResizeVsStealsTest {

    private final WorkStealingDeque<Integer> deque = new WorkStealingDeque<>(2);
    private final Tally tally = new Tally(deque, 5).push(1, 2);

    @Actor
    public void owner() {
        deque.push(3); // full: grows 2 -> 4
        deque.push(4);
        deque.push(5); // grows again (4 -> 8) unless a steal freed a slot; then reuses slot 0
        tally.ownerTakes(1);
    }

    @Actor
    public void thief() {
        tally.thiefSteals(3);
    }

    @Arbiter
    public void arbiter(IIIIII_Result r) {
        tally.drain();
        r.r1 = tally.code(1);
        r.r2 = tally.code(2);
        r.r3 = tally.code(3);
        r.r4 = tally.code(4);
        r.r5 = tally.code(5);
        r.r6 = tally.phantoms();
    }
}
