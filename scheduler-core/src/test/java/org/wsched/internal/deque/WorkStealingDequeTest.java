package org.wsched.internal.deque;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The deque in both modes: single-threaded semantics and concurrent owner-vs-thieves stress. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkStealingDequeTest {

    static Stream<Arguments> modes() {
        IntFunction<WorkStealingDeque<Integer>> classic = WorkStealingDeque::classic;
        IntFunction<WorkStealingDeque<Integer>> split = WorkStealingDeque::split;
        return Stream.of(Arguments.of("classic", classic), Arguments.of("split", split));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void smokeOwnerIsLifoThiefIsFifo(String name, IntFunction<WorkStealingDeque<Integer>> make) {
        WorkStealingDeque<Integer> d = make.apply(2);
        assertThat(d.take()).isNull();
        assertThat(d.steal()).isSameAs(WorkStealingDeque.EMPTY);
        for (int i = 0; i < 100; i++) {
            d.push(i); // forces several resizes
        }
        assertThat(d.size()).isEqualTo(100);
        assertThat(d.capacity()).isGreaterThanOrEqualTo(100);
        assertThat(d.peekBottom()).isEqualTo(99);
        assertThat(d.take()).isEqualTo(99);
        Object first = d.steal();
        if (name.equals("classic")) {
            assertThat(first).isEqualTo(0);
        } else {
            assertThat(first).isIn(0, WorkStealingDeque.EMPTY); // split: the oldest, or nothing published
        }
        int taken = 0;
        Integer prev = 99;
        Integer x;
        while ((x = d.take()) != null) {
            assertThat(x).isLessThan(prev);
            prev = x;
            taken++;
        }
        assertThat(taken).isEqualTo(first == WorkStealingDeque.EMPTY ? 99 : 98);
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.take()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aThiefAlwaysFindsPublishedWorkOnceTheOwnerPushesAgain(String name, IntFunction<WorkStealingDeque<Integer>> make) {
        WorkStealingDeque<Integer> d = make.apply(16);
        d.push(1); // split mode: nothing public yet, so this push publishes
        assertThat(d.stealableSize()).isEqualTo(1);
        d.push(2); // split mode: stays private
        assertThat(d.steal()).isEqualTo(1);
        Object second = d.steal();
        if (name.equals("split")) {
            assertThat(second).isSameAs(WorkStealingDeque.EMPTY); // private, but the thief asked for it
            d.push(3); // the owner serves the request: publishes the older half of its private part
            assertThat(d.steal()).isEqualTo(2);
            assertThat(d.take()).isEqualTo(3);
        } else {
            assertThat(second).isEqualTo(2);
        }
        assertThat(d.take()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void takeIfBottomRemovesOnlyAPrivateBottomAndServesARequestFirst(String name, IntFunction<WorkStealingDeque<Integer>> make) {
        WorkStealingDeque<Integer> d = make.apply(2);
        Integer one = 1;
        Integer two = 2;
        Integer three = 3;
        assertThat(d.takeIfBottom(one)).as("empty").isFalse();
        d.push(one); // split: nothing public yet, so this push publishes it; classic: every push does
        assertThat(d.takeIfBottom(one)).as("a public bottom needs take()'s protocol").isFalse();
        d.push(two);
        assertThat(d.takeIfBottom(one)).as("not the bottom").isFalse();
        if (name.equals("classic")) {
            assertThat(d.takeIfBottom(two)).as("classic: every element is public").isFalse();
            assertThat(d.take()).isEqualTo(2);
            assertThat(d.take()).isEqualTo(1);
            return;
        }
        assertThat(d.takeIfBottom(two)).as("the private bottom").isTrue();
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.take()).isEqualTo(1);
        // A thief finds nothing public and asks; the owner's takeIfBottom serves the request
        // before removing its element, so the older private half becomes stealable.
        d.push(one); // publishes (nothing public)
        d.push(two); // private
        d.push(three); // private
        assertThat(d.steal()).isEqualTo(1);
        assertThat(d.steal()).as("nothing public: the thief asks").isSameAs(WorkStealingDeque.EMPTY);
        assertThat(d.takeIfBottom(three)).isTrue();
        assertThat(d.stealableSize()).as("the request was served before the removal").isEqualTo(1);
        assertThat(d.steal()).isEqualTo(2);
        assertThat(d.take()).isNull();
    }

    /**
     * One owner pushes and takes in random bursts (and takes back some pushes at once with
     * {@code takeIfBottom}, as the join fast path does) while three thieves steal: every element
     * is seen exactly once (no loss, no duplicate), in both modes and across resizes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void stressEveryElementExactlyOnce(String name, IntFunction<WorkStealingDeque<Integer>> make) throws Exception {
        int n = 2_000_000;
        WorkStealingDeque<Integer> d = make.apply(2);
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        Integer[] boxes = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxes[i] = i;
        }
        int thieves = 3;
        CountDownLatch done = new CountDownLatch(1);
        Thread[] ts = new Thread[thieves];
        long[] stolen = new long[thieves];
        for (int k = 0; k < thieves; k++) {
            int id = k;
            ts[k] = new Thread(() -> {
                while (done.getCount() > 0 || !d.isEmpty()) {
                    Object r = d.steal();
                    if (r != WorkStealingDeque.EMPTY && r != WorkStealingDeque.RETRY) {
                        seen.incrementAndGet((Integer) r);
                        stolen[id]++;
                    } else if (done.getCount() == 0) {
                        break; // the owner drained the rest
                    }
                }
            });
            ts[k].start();
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int next = 0;
        while (next < n) {
            int burst = 1 + rnd.nextInt(64);
            for (int i = 0; i < burst && next < n; i++) {
                d.push(boxes[next]);
                // The join fast path: take back the element just pushed if it is still private.
                if (rnd.nextInt(4) == 0 && d.takeIfBottom(boxes[next])) {
                    seen.incrementAndGet(next);
                }
                next++;
            }
            int takes = rnd.nextInt(burst + 1);
            for (int i = 0; i < takes; i++) {
                Integer x = d.take();
                if (x != null) {
                    seen.incrementAndGet(x);
                }
            }
        }
        Integer x;
        while ((x = d.take()) != null) {
            seen.incrementAndGet(x);
        }
        done.countDown();
        for (Thread t : ts) {
            t.join();
        }
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).as("element %d", i).isEqualTo(1);
        }
        long totalStolen = 0;
        for (long s : stolen) {
            totalStolen += s;
        }
        assertThat(totalStolen).as("the thieves got work").isPositive();
    }
}
