package org.wsched.jcstress.broken;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;
import org.wsched.internal.deque.FlawedDeque;
import org.wsched.jcstress.deque.DequeLastElementTest;
import org.wsched.jcstress.deque.DequeStealEmptyVsPushTest;
import org.wsched.jcstress.deque.DequeTakeVsTwoStealsTest;

/**
 * The shipped deque tests, same actors and outcomes ({@link JCStressMeta}), each on the real
 * deque with ONE ordering step weakened ({@link FlawedDeque}): each is expected to show its
 * FORBIDDEN outcome (proof that the test can fail). Each state holds an instance of the shipped
 * test built on the flawed deque and runs its actors (composition: a jcstress state that extends
 * another test's state class recorded almost no samples). Not in the shipped jar: built only
 * with {@code -Pbroken} into target/broken/jcstress-broken.jar.
 */
public class BrokenDequeTests {

    @JCStressTest
    @JCStressMeta(DequeTakeVsTwoStealsTest.class)
    @State
    public static class TakeWithoutFence {
        final DequeTakeVsTwoStealsTest test =
                new DequeTakeVsTwoStealsTest(new FlawedDeque<>(2, FlawedDeque.Flaw.NO_TAKE_FENCE));

        @Actor
        public void owner() {
            test.owner();
        }

        @Actor
        public void thief() {
            test.thief();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            test.arbiter(r);
        }
    }

    @JCStressTest
    @JCStressMeta(DequeLastElementTest.class)
    @State
    public static class LastElementCasNotAtomic {
        final DequeLastElementTest test =
                new DequeLastElementTest(new FlawedDeque<>(2, FlawedDeque.Flaw.CAS_NOT_ATOMIC));

        @Actor
        public void owner(II_Result r) {
            test.owner(r);
        }

        @Actor
        public void thief(II_Result r) {
            test.thief(r);
        }
    }

    @JCStressTest
    @JCStressMeta(DequeStealEmptyVsPushTest.class)
    @State
    public static class PushPublishesBeforeWrite {
        final DequeStealEmptyVsPushTest test =
                new DequeStealEmptyVsPushTest(new FlawedDeque<>(2, FlawedDeque.Flaw.PUBLISH_BEFORE_WRITE));

        @Actor
        public void owner() {
            test.owner();
        }

        @Actor
        public void thief(II_Result r) {
            test.thief(r);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            test.arbiter(r);
        }
    }
}
