package org.wsched.jcstress.deque;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Invariant: the last element of a {@link WorkStealingDeque} goes to exactly one of the owner's
 * {@code take()} and a thief's {@code steal()} (the CAS on top in both). r1 = what the owner's
 * take returned (0 = null); r2 = what the thief's steal returned (0 = EMPTY, -1 = RETRY,
 * -2 = null, i.e. a phantom).
 */
@JCStressTest
@Description("WorkStealingDeque, one element: owner take() vs thief steal(); exactly one gets it")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "owner took it; the thief saw the deque empty")
@Outcome(id = "1, -1", expect = ACCEPTABLE, desc = "owner won the CAS on top; the thief must retry")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "thief stole it; the owner's take found it gone")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "DUPLICATE: both got the last element")
@Outcome(expect = FORBIDDEN, desc = "lost or phantom element")
@State
public class DequeLastElementTest {

    private final WorkStealingDeque<Integer> deque;

    public DequeLastElementTest() {
        this(new WorkStealingDeque<>(2));
    }

    /** The same scenario on another deque: the broken variant holds one on a deque with one ordering step weakened. */
    public DequeLastElementTest(WorkStealingDeque<Integer> deque) {
        this.deque = deque;
        deque.push(1); // owner role passes to the owner actor (jcstress publishes the state safely)
    }

    @Actor
    public void owner(II_Result r) {
        r.r1 = Tally.takeCode(deque.take());
    }

    @Actor
    public void thief(II_Result r) {
        r.r2 = Tally.stealCode(deque.steal());
    }
}
