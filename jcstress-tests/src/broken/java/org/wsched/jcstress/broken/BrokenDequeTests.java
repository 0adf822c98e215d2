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
 * FORBIDDEN outcome (proof that the test can fail). Not in the shipped jar: built only with
 * {@code -Pbroken} into target/broken/jcstress-broken.jar.
 */
public class BrokenDequeTests {

    @JCStressTest
    @JCStressMeta(DequeTakeVsTwoStealsTest.class)
    @State
    public static class TakeWithoutFence extends DequeTakeVsTwoStealsTest {
        public TakeWithoutFence() {
            super(new FlawedDeque<>(2, FlawedDeque.Flaw.NO_TAKE_FENCE));
        }

        @Actor
        @Override
        public void owner() {
            super.owner();
        }

        @Actor
        @Override
        public void thief() {
            super.thief();
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }

    @JCStressTest
    @JCStressMeta(DequeLastElementTest.class)
    @State
    public static class LastElementCasNotAtomic extends DequeLastElementTest {
        public LastElementCasNotAtomic() {
            super(new FlawedDeque<>(2, FlawedDeque.Flaw.CAS_NOT_ATOMIC));
        }

        @Actor
        @Override
        public void owner(II_Result r) {
            super.owner(r);
        }

        @Actor
        @Override
        public void thief(II_Result r) {
            super.thief(r);
        }
    }

    @JCStressTest
    @JCStressMeta(DequeStealEmptyVsPushTest.class)
    @State
    public static class PushPublishesBeforeWrite extends DequeStealEmptyVsPushTest {
        public PushPublishesBeforeWrite() {
            super(new FlawedDeque<>(2, FlawedDeque.Flaw.PUBLISH_BEFORE_WRITE));
        }

        @Actor
        @Override
        public void owner() {
            super.owner();
        }

        @Actor
        @Override
        public void thief(II_Result r) {
            super.thief(r);
        }

        @Arbiter
        @Override
        public void arbiter(II_Result r) {
            super.arbiter(r);
        }
    }
}
