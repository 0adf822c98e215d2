package org.wsched.jcstress.deque;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Invariant: with two elements, an owner {@code take()} racing two thief {@code steal()}s hands
 * out each element exactly once. This is the schedule the StoreLoad fence in {@code take()}
 * exists for: the thief steals element 1, then races the owner for element 2; without the fence
 * the owner can read a stale top (0), believe two elements remain and take element 2 without a
 * CAS while the thief, reading a stale bottom, steals it too.
 *
 * <p>r1, r2 = code of element 1, 2 (see {@link Tally}: 100 owner, 10 thief, 1 arbiter; 0 lost;
 * anything else duplicated); r3 = phantoms (null or stale values returned).
 */
@JCStressTest
@Description("WorkStealingDeque, two elements: owner take() vs two thief steal()s, arbiter drains; each element exactly once")
@Outcome(id = "10, 100, 0", expect = ACCEPTABLE, desc = "thief got 1, owner got 2 (its take needed no CAS, or won it)")
@Outcome(id = "10, 10, 0", expect = ACCEPTABLE, desc = "thief got both, owner's take found nothing")
@Outcome(id = {"(100|1), (100|10|1), 0", "10, 1, 0"}, expect = ACCEPTABLE,
        desc = "each element exactly once (a distribution this schedule should not produce, but correct)")
@Outcome(id = "10, 110, 0", expect = FORBIDDEN, desc = "DUPLICATE: owner and thief both got element 2 (missing StoreLoad fence)")
@Outcome(expect = FORBIDDEN, desc = "an element lost or duplicated, or a phantom")
@State
public class DequeTakeVsTwoStealsTest {

    private final Tally tally;

    public DequeTakeVsTwoStealsTest() {
        this(new WorkStealingDeque<>(2));
    }

    /** The same scenario on another deque: the broken variant holds one on a deque with one ordering step weakened. */
    public DequeTakeVsTwoStealsTest(WorkStealingDeque<Integer> deque) {
        tally = new Tally(deque, 2).push(1, 2);
    }

    @Actor
    public void owner() {
        tally.ownerTakes(1);
    }

    @Actor
    public void thief() {
        tally.thiefSteals(2);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        tally.drain();
        r.r1 = tally.code(1);
        r.r2 = tally.code(2);
        r.r3 = tally.phantoms();
    }
}
