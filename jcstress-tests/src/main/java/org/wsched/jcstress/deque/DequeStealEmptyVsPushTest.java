package org.wsched.jcstress.deque;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Invariant: a steal on an (apparently) empty deque racing a push returns either EMPTY or the
 * pushed element, never a phantom: not null, and not the stale value of a reused slot. The deque
 * (capacity 2) first had 8 and 9 pushed and stolen, so both slots hold stale values (thieves do
 * not clear slots); the push of 1 overwrites slot 0. A thief that saw the new bottom but not the
 * slot write (a missing release/acquire pair) would return 8.
 *
 * <p>r1 = the thief's steal (0 EMPTY, -1 RETRY, -2 null, else the value); r2 = what the
 * arbiter (owner role) then takes (0 = nothing).
 */
@JCStressTest
@Description("WorkStealingDeque: steal on an empty deque vs push; no phantom, no stale slot value")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "steal saw the deque empty; the element stays for the owner")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "steal got the pushed element")
@Outcome(id = "-1, 1", expect = ACCEPTABLE_INTERESTING, desc = "RETRY with no competitor (would be a spurious CAS failure; harmless)")
@Outcome(id = "8, .*", expect = FORBIDDEN, desc = "STALE: the thief returned the old value of the reused slot")
@Outcome(expect = FORBIDDEN, desc = "phantom, lost or duplicated element")
@State
public class DequeStealEmptyVsPushTest {

    private final WorkStealingDeque<Integer> deque;

    public DequeStealEmptyVsPushTest() {
        this(new WorkStealingDeque<>(2));
    }

    /** The same scenario on another deque: the broken variant holds one on a deque with one ordering step weakened. */
    public DequeStealEmptyVsPushTest(WorkStealingDeque<Integer> deque) {
        this.deque = deque;
        deque.push(8);
        deque.push(9);
        deque.steal(); // 8, slot 0 keeps the stale reference
        deque.steal(); // 9, slot 1 keeps it
    }

    @Actor
    public void owner() {
        deque.push(1); // index 2 -> slot 0
    }

    @Actor
    public void thief(II_Result r) {
        r.r1 = Tally.stealCode(deque.steal());
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = Tally.takeCode(deque.take());
        if (deque.take() != null) {
            r.r2 += 1000; // more than one element: cannot happen
        }
    }
}
