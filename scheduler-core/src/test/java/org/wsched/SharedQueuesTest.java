package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SharedQueues} on its own: a producer always offers to its own stripe, a worker polls
 * its own stripe first and then the others, each stripe is FIFO, nothing is lost or duplicated
 * with concurrent producers and consumers, and an empty queue says so everywhere.
 */
class SharedQueuesTest {

    @Test
    void rejectsAStripeCountThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new SharedQueues(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stripe count must be a power of two, was 3");
        assertThatThrownBy(() -> new SharedQueues(0)).hasMessageContaining("was 0");
    }

    @Test
    void anEmptyQueueHasNothingAndCountsNoContention() {
        SharedQueues q = new SharedQueues(4);
        Worker w = worker(2);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.poll(w)).isNull();
        assertThat(q.pollAny()).isNull();
        assertThat(q.oldestWaitingSubmitNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(w.counters.queuePolls).isZero();
        assertThat(w.counters.queueContention).isZero();
    }

    @Test
    void oneProducerIsServedInFifoOrder() {
        SharedQueues q = new SharedQueues(4);
        List<Task<?>> offered = tasks(10);
        offered.forEach(q::offer);
        assertThat(q.isEmpty()).isFalse();
        Worker w = worker(1);
        for (Task<?> t : offered) {
            assertThat(q.poll(w)).isSameAs(t);
        }
        assertThat(q.poll(w)).isNull();
        assertThat(w.counters.queuePolls).isEqualTo(10);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void eachProducerHasItsStripeAndAWorkerStartsAtItsOwn() throws Exception {
        List<Task<?>> even = tasks(2);
        List<Task<?>> odd = tasks(2);
        SharedQueues q = twoStripes(even, odd);

        Worker onOdd = worker(1);
        assertThat(q.poll(onOdd)).isSameAs(odd.get(0));
        assertThat(q.poll(onOdd)).isSameAs(odd.get(1));
        assertThat(q.poll(onOdd)).as("its own stripe empty: the next one").isSameAs(even.get(0));
        Worker onEven = worker(0);
        assertThat(q.poll(onEven)).isSameAs(even.get(1));
        assertThat(q.poll(onEven)).isNull();
    }

    @Test
    void pollAnyDrainsEveryStripe() throws Exception {
        SharedQueues q = twoStripes(tasks(3), tasks(3));
        Map<Task<?>, Boolean> seen = new IdentityHashMap<>();
        Task<?> t;
        while ((t = q.pollAny()) != null) {
            assertThat(seen.put(t, true)).isNull();
        }
        assertThat(seen).hasSize(6);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoProducersAndTwoConsumersLoseAndDuplicateNothing() throws Exception {
        int perProducer = 50_000;
        SharedQueues q = new SharedQueues(2);
        List<List<Task<?>>> produced = List.of(tasks(perProducer), tasks(perProducer));
        Map<Task<?>, int[]> origin = new IdentityHashMap<>(); // task -> {producer, sequence}
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < perProducer; i++) {
                origin.put(produced.get(p).get(i), new int[] {p, i});
            }
        }
        AtomicInteger taken = new AtomicInteger();
        List<List<Task<?>>> got = List.of(new ArrayList<>(), new ArrayList<>());
        Thread[] threads = new Thread[4];
        for (int p = 0; p < 2; p++) {
            List<Task<?>> mine = produced.get(p);
            threads[p] = new Thread(() -> mine.forEach(q::offer));
        }
        for (int c = 0; c < 2; c++) {
            List<Task<?>> mine = got.get(c);
            Worker w = worker(c);
            threads[2 + c] = new Thread(() -> {
                while (taken.get() < 2 * perProducer) {
                    Task<?> t = q.poll(w);
                    if (t != null) {
                        mine.add(t);
                        taken.incrementAndGet();
                    } else {
                        Thread.onSpinWait();
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Map<Task<?>, Boolean> seen = new IdentityHashMap<>();
        for (List<Task<?>> consumer : got) {
            int[] last = {-1, -1};
            for (Task<?> t : consumer) {
                assertThat(seen.put(t, true)).as("taken twice").isNull();
                int[] o = origin.get(t);
                assertThat(o).as("a task nobody offered").isNotNull();
                assertThat(o[1]).as("one producer's tasks reach a consumer in FIFO order").isGreaterThan(last[o[0]]);
                last[o[0]] = o[1];
            }
        }
        assertThat(seen).hasSize(2 * perProducer);
        assertThat(q.isEmpty()).isTrue();
    }

    /** A worker that is never started: only its index and counters are used. */
    private static Worker worker(int index) {
        return new Worker(null, index, "test-worker-" + index, 0, null, null, null, null);
    }

    private static List<Task<?>> tasks(int n) {
        List<Task<?>> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new Task<>(null, false));
        }
        return l;
    }

    /**
     * A two-stripe queue holding {@code even} on stripe 0 and {@code odd} on stripe 1, each offered
     * by a producer thread whose id falls on that stripe (stripe = thread id &amp; 1).
     */
    private static SharedQueues twoStripes(List<Task<?>> even, List<Task<?>> odd) throws Exception {
        SharedQueues q = new SharedQueues(2);
        offerFromThreadOnStripe(q, 0, even);
        offerFromThreadOnStripe(q, 1, odd);
        return q;
    }

    /** Offers {@code ts} from a new thread whose id maps to {@code stripe} of a two-stripe queue. */
    private static void offerFromThreadOnStripe(SharedQueues q, int stripe, List<Task<?>> ts) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            boolean[] done = {false};
            Thread t = new Thread(() -> {
                if ((Thread.currentThread().getId() & 1) == stripe) {
                    ts.forEach(q::offer);
                    done[0] = true;
                }
            });
            t.start();
            t.join();
            if (done[0]) {
                return;
            }
        }
        throw new AssertionError("no thread id fell on stripe " + stripe + " in 100 threads");
    }
}
