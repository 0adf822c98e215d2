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
 * Split deque (the mode WorkStealingPool uses): the first push into an empty deque publishes the
 * element; then the owner's {@code take()} (the fenced public path) and a thief's {@code steal()}
 * race for it, and exactly one gets it. r1 = owner's take (0 = null); r2 = thief's steal (0 =
 * EMPTY, -1 = RETRY, -2 = phantom).
 */
@JCStressTest
@Description("Split WorkStealingDeque, one published element: owner take() vs thief steal(); exactly one gets it")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "owner took it; the thief saw nothing stealable")
@Outcome(id = "1, -1", expect = ACCEPTABLE, desc = "owner won the CAS on top; the thief must retry")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "thief stole it; the owner's take found it gone")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "DUPLICATE: both got the last element")
@Outcome(expect = FORBIDDEN, desc = "lost or phantom element")
@State
public class SplitDequeLastElementTest {

    private final WorkStealingDeque<Integer> deque = WorkStealingDeque.split(2);

    public SplitDequeLastElementTest() {
        deque.push(1); // nothing was public: this push publishes
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
