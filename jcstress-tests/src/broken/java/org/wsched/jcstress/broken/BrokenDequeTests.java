package org.wsched.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * The shipped deque tests, unchanged in actors and outcomes, pointed at {@link BrokenDeque}:
 * each is expected to show its FORBIDDEN outcome (proof that the test can fail). Not in the
 * shipped jar: built only with {@code -Pbroken} into target/broken/jcstress-broken.jar.
 */
public class BrokenDequeTests {

    static int stealCode(Object o) {
        if (o == WorkStealingDeque.EMPTY) {
            return 0;
        }
        if (o == WorkStealingDeque.RETRY) {
            return -1;
        }
        return o instanceof Integer ? (Integer) o : -2;
    }

    /** Same tally as the shipped deque tests: 100 owner, 10 thief, 1 arbiter per element. */
    static final class Tally {
        final int[] owner = new int[3];
        final int[] thief = new int[3];
        final int[] arbiter = new int[3];

        static void add(int[] who, Object e) {
            if (e == null || e == WorkStealingDeque.EMPTY || e == WorkStealingDeque.RETRY) {
                return;
            }
            who[e instanceof Integer && (Integer) e > 0 && (Integer) e < who.length ? (Integer) e : 0]++;
        }

        int code(int i) {
            return 100 * owner[i] + 10 * thief[i] + arbiter[i];
        }

        int phantoms() {
            return owner[0] + thief[0] + arbiter[0];
        }
    }

    /** DequeTakeVsTwoStealsTest's body against a broken deque. */
    abstract static class TwoSteals {
        final BrokenDeque<Integer> deque;
        final Tally tally = new Tally();

        TwoSteals(BrokenDeque.Flaw flaw) {
            deque = new BrokenDeque<>(2, flaw);
            deque.push(1);
            deque.push(2);
        }

        void owner() {
            Tally.add(tally.owner, deque.take());
        }

        void thief() {
            Tally.add(tally.thief, deque.steal());
            Tally.add(tally.thief, deque.steal());
        }

        void arbiter(III_Result r) {
            Integer e;
            int guard = 0;
            while ((e = deque.take()) != null && guard++ < 64) {
                Tally.add(tally.arbiter, e);
            }
            r.r1 = tally.code(1);
            r.r2 = tally.code(2);
            r.r3 = tally.phantoms();
        }
    }

    @JCStressTest
    @Description("BROKEN (take() without its StoreLoad fence): DequeTakeVsTwoStealsTest must show the duplicate")
    @Outcome(id = "10, 100, 0", expect = ACCEPTABLE, desc = "thief got 1, owner got 2")
    @Outcome(id = "10, 10, 0", expect = ACCEPTABLE, desc = "thief got both")
    @Outcome(id = {"(100|1), (100|10|1), 0", "10, 1, 0"}, expect = ACCEPTABLE, desc = "each element exactly once (other)")
    @Outcome(id = "10, 110, 0", expect = FORBIDDEN, desc = "DUPLICATE: owner and thief both got element 2")
    @Outcome(expect = FORBIDDEN, desc = "lost, duplicated or phantom")
    @State
    public static class TakeWithoutFence extends TwoSteals {
        public TakeWithoutFence() {
            super(BrokenDeque.Flaw.NO_TAKE_FENCE);
        }

        @Actor
        public void a1() {
            owner();
        }

        @Actor
        public void a2() {
            thief();
        }

        @Arbiter
        public void a3(III_Result r) {
            arbiter(r);
        }
    }

    @JCStressTest
    @Description("BROKEN (steal() without its full fence): DequeTakeVsTwoStealsTest should show the duplicate (x86 may hide it)")
    @Outcome(id = "10, 100, 0", expect = ACCEPTABLE, desc = "thief got 1, owner got 2")
    @Outcome(id = "10, 10, 0", expect = ACCEPTABLE, desc = "thief got both")
    @Outcome(id = {"(100|1), (100|10|1), 0", "10, 1, 0"}, expect = ACCEPTABLE, desc = "each element exactly once (other)")
    @Outcome(id = "10, 110, 0", expect = FORBIDDEN, desc = "DUPLICATE: owner and thief both got element 2")
    @Outcome(expect = FORBIDDEN, desc = "lost, duplicated or phantom")
    @State
    public static class StealWithoutFence extends TwoSteals {
        public StealWithoutFence() {
            super(BrokenDeque.Flaw.NO_STEAL_FENCE);
        }

        @Actor
        public void a1() {
            owner();
        }

        @Actor
        public void a2() {
            thief();
        }

        @Arbiter
        public void a3(III_Result r) {
            arbiter(r);
        }
    }

    @JCStressTest
    @Description("BROKEN (steal() with plain loads of top and bottom and no fence): DequeTakeVsTwoStealsTest should show the duplicate")
    @Outcome(id = "10, 100, 0", expect = ACCEPTABLE, desc = "thief got 1, owner got 2")
    @Outcome(id = "10, 10, 0", expect = ACCEPTABLE, desc = "thief got both")
    @Outcome(id = {"(100|1), (100|10|1), 0", "10, 1, 0"}, expect = ACCEPTABLE, desc = "each element exactly once (other)")
    @Outcome(id = "10, 110, 0", expect = FORBIDDEN, desc = "DUPLICATE: owner and thief both got element 2")
    @Outcome(expect = FORBIDDEN, desc = "lost, duplicated or phantom")
    @State
    public static class StealPlainNoFence extends TwoSteals {
        public StealPlainNoFence() {
            super(BrokenDeque.Flaw.PLAIN_STEAL);
        }

        @Actor
        public void a1() {
            owner();
        }

        @Actor
        public void a2() {
            thief();
        }

        @Arbiter
        public void a3(III_Result r) {
            arbiter(r);
        }
    }

    @JCStressTest
    @Description("BROKEN (last element taken without the CAS on top): DequeLastElementTest must show the duplicate")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "owner took it; the thief saw the deque empty")
    @Outcome(id = "1, -1", expect = ACCEPTABLE, desc = "owner won the CAS on top; the thief must retry")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "thief stole it")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "DUPLICATE: both got the last element")
    @Outcome(expect = FORBIDDEN, desc = "lost or phantom element")
    @State
    public static class LastElementWithoutCas {
        final BrokenDeque<Integer> deque = new BrokenDeque<>(2, BrokenDeque.Flaw.NO_LAST_CAS);

        public LastElementWithoutCas() {
            deque.push(1);
        }

        @Actor
        public void owner(II_Result r) {
            Integer e = deque.take();
            r.r1 = e == null ? 0 : e;
        }

        @Actor
        public void thief(II_Result r) {
            r.r2 = stealCode(deque.steal());
        }
    }

    @JCStressTest
    @Description("BROKEN (push publishes bottom before writing the slot): DequeStealEmptyVsPushTest must show the stale slot value")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "steal saw the deque empty")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "steal got the pushed element")
    @Outcome(id = "-1, 1", expect = ACCEPTABLE_INTERESTING, desc = "spurious RETRY")
    @Outcome(id = "8, .*", expect = FORBIDDEN, desc = "STALE: the thief returned the old value of the reused slot")
    @Outcome(expect = FORBIDDEN, desc = "phantom, lost or duplicated element")
    @State
    public static class PushPublishesBeforeWrite {
        final BrokenDeque<Integer> deque = new BrokenDeque<>(2, BrokenDeque.Flaw.PUBLISH_BEFORE_WRITE);

        public PushPublishesBeforeWrite() {
            deque.push(8);
            deque.push(9);
            deque.steal();
            deque.steal();
        }

        @Actor
        public void owner() {
            deque.push(1);
        }

        @Actor
        public void thief(II_Result r) {
            r.r1 = stealCode(deque.steal());
        }

        @Arbiter
        public void arbiter(II_Result r) {
            Integer e = deque.take();
            r.r2 = e == null ? 0 : e;
            if (deque.take() != null) {
                r.r2 += 1000;
            }
        }
    }
}
