package org.wsched.jcstress.broken;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;
import org.wsched.internal.deque.FrameStack;
import org.wsched.jcstress.frames.FrameAttentionDekkerTest;
import org.wsched.jcstress.frames.FrameClaimVisibilityTest;
import org.wsched.jcstress.frames.FrameGrowthVsClaimTest;
import org.wsched.jcstress.frames.FrameProbe;
import org.wsched.jcstress.frames.FramePublicationRequestTest;
import org.wsched.jcstress.frames.FrameReuseAfterDoneTest;
import org.wsched.jcstress.frames.FrameStolenResultTest;
import org.wsched.jcstress.frames.FrameTakeBackTwoVsClaimsTest;
import org.wsched.jcstress.frames.FrameTakeBackVsClaimTest;

/**
 * The shipped frame-protocol tests (org.wsched.jcstress.frames), same actors and outcomes
 * ({@link JCStressMeta}), each against a {@link FrameProbe} with ONE protected ordering step of
 * the real {@link FrameStack} overridden by a flawed one; the rest is the real code. Each is
 * expected to show its FORBIDDEN outcome (docs/correctness.md says which x86 cannot show). Each
 * state holds an instance of the shipped test built on the flawed probe and runs its actors (see
 * {@link BrokenDequeTests}).
 */
public class BrokenFrameTests {

    /** take-back as a load and a separate store: not atomic, no StoreLoad fence. */
    static final class PlainTakeBack extends FrameProbe {
        PlainTakeBack(int capacity) {
            super(capacity);
        }

        @Override
        protected long takeBackWord() {
            long w = lvTs();
            sopTs(w - 1);
            return w;
        }
    }

    /** publication as a load and an unordered store instead of getAndAdd. */
    static final class PlainPublish extends FrameProbe {
        PlainPublish(int capacity) {
            super(capacity);
        }

        @Override
        protected void publishWord(int delta) {
            sopTs(lvTs() + delta);
        }
    }

    /** completion: DONE stored before the result. */
    static final class DoneBeforeResult extends FrameProbe {
        DoneBeforeResult(int capacity) {
            super(capacity);
        }

        @Override
        protected void completeStolen(Frame f, long result, Throwable failure) {
            f.svDone();
            f.result = result;
        }
    }

    /** completion: the thief clears the job reference AFTER its DONE store (a late write). */
    static final class ClearAfterDone extends FrameProbe {
        ClearAfterDone(int capacity) {
            super(capacity);
        }

        @Override
        protected void completeStolen(Frame f, long result, Throwable failure) {
            super.completeStolen(f, result, failure);
            f.job = null;
        }
    }

    /** publication: requests cleared AFTER the publishing getAndAdd. */
    static final class ClearRequestAfterPublish extends FrameProbe {
        ClearRequestAfterPublish(int capacity) {
            super(capacity);
        }

        @Override
        protected void clearRequest() {
        }

        @Override
        protected void publishWord(int delta) {
            super.publishWord(delta);
            super.clearRequest();
        }
    }

    /** attention cleared with a load and an opaque store: not atomic, no StoreLoad fence before the look at the flag. */
    static final class UnfencedAttentionClear extends FrameProbe {
        UnfencedAttentionClear(int capacity) {
            super(capacity);
        }

        @Override
        protected void clearAttentionWord() {
            sopWantedBits(loWantedBits() & ~ATTENTION);
        }
    }

    /** growth that MOVES records (copies their contents into new ones). */
    static final class MovingGrowth extends FrameProbe {
        MovingGrowth(int capacity) {
            super(capacity);
        }

        @Override
        protected Frame[] grown(Frame[] old) {
            Frame[] n = new Frame[old.length * 2];
            for (int i = 0; i < n.length; i++) {
                n[i] = new Frame();
                if (i < old.length) {
                    n[i].job = old[i].job;
                    n[i].ctx = old[i].ctx;
                    n[i].arg = old[i].arg;
                    n[i].result = old[i].result;
                }
            }
            return n;
        }
    }

    @JCStressTest
    @JCStressMeta(FrameTakeBackVsClaimTest.class)
    @State
    public static class TakeBackNotAtomic {
        final FrameTakeBackVsClaimTest test = new FrameTakeBackVsClaimTest(new PlainTakeBack(2));

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
    @JCStressMeta(FrameTakeBackTwoVsClaimsTest.class)
    @State
    public static class TakeBackTwoNotAtomic {
        final FrameTakeBackTwoVsClaimsTest test = new FrameTakeBackTwoVsClaimsTest(new PlainTakeBack(4));

        @Actor
        public void owner() {
            test.owner();
        }

        @Actor
        public void thief() {
            test.thief();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            test.arbiter(r);
        }
    }

    @JCStressTest
    @JCStressMeta(FrameClaimVisibilityTest.class)
    @State
    public static class PublishNotAtomic {
        final FrameClaimVisibilityTest test = new FrameClaimVisibilityTest(new PlainPublish(2));

        @Actor
        public void owner() {
            test.owner();
        }

        @Actor
        public void thief(I_Result r) {
            test.thief(r);
        }
    }

    @JCStressTest
    @JCStressMeta(FrameStolenResultTest.class)
    @State
    public static class DoneBeforeResultWritten {
        final FrameStolenResultTest test = new FrameStolenResultTest(new DoneBeforeResult(2));

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
    @JCStressMeta(FrameReuseAfterDoneTest.class)
    @State
    public static class ThiefWritesAfterDone {
        final FrameReuseAfterDoneTest test = new FrameReuseAfterDoneTest(new ClearAfterDone(2));

        @Actor
        public void owner() {
            test.owner();
        }

        @Actor
        public void thief() {
            test.thief();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            test.arbiter(r);
        }
    }

    @JCStressTest
    @JCStressMeta(FramePublicationRequestTest.class)
    @State
    public static class RequestClearedAfterPublish {
        final FramePublicationRequestTest test = new FramePublicationRequestTest(new ClearRequestAfterPublish(4));

        @Actor
        public void owner() {
            test.owner();
        }

        @Actor
        public void thief() {
            test.thief();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            test.arbiter(r);
        }
    }

    @JCStressTest
    @JCStressMeta(FrameGrowthVsClaimTest.class)
    @State
    public static class GrowthMovesRecords {
        final FrameGrowthVsClaimTest test = new FrameGrowthVsClaimTest(new MovingGrowth(2));

        @Actor
        public void owner() {
            test.owner();
        }

        @Actor
        public void thief() {
            test.thief();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            test.arbiter(r);
        }
    }

    @JCStressTest
    @JCStressMeta(FrameAttentionDekkerTest.class)
    @State
    public static class AttentionClearNotFenced {
        final FrameAttentionDekkerTest test = new FrameAttentionDekkerTest(new UnfencedAttentionClear(4));

        @Actor
        public void submitter() {
            test.submitter();
        }

        @Actor
        public void owner() {
            test.owner();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            test.arbiter(r);
        }
    }
}
