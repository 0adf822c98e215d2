package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soak mode of the stress tests (issue #13): 4 producer threads hand tasks to the pool through
 * execute, submit and invoke; every task runs an internal spawn/join tree; at a random point
 * other threads call shutdown, shutdownNow and close concurrently. Every accepted external task
 * is accounted for exactly as in {@link FaultTest} item 1 (ran, returned by shutdownNow, or its
 * Future cancelled; an invoke that threw CancellationException did not run its root), and every
 * tree that was not cancelled computed the right sum.
 *
 * <p>Size: {@code -Dwsched.soak.tasks=N} external tasks per configuration, split over
 * {@code -Dwsched.soak.rounds=R} pools (default 200,000 over 5; the full-size
 * run for docs/correctness.md uses 10^8 tasks counting tree nodes, e.g. N = 2·10^7 with trees of
 * about 5 nodes on average). The shutdown point is drawn in the second half of the run; the
 * producers keep at most 20,000 tasks waiting, so most of the work runs before it.
 */
class SoakTest {

    static final int TASKS = Integer.getInteger("wsched.soak.tasks", 200_000);
    /** The tasks are split over this many pools, each shut down at a random point. */
    static final int ROUNDS = Integer.getInteger("wsched.soak.rounds", 5);

    static Stream<Arguments> pools() {
        return Stream.of(Pools.WORK_STEALING, Pools.CENTRALIZED).flatMap(k -> Stream.of(2, 8).map(p -> Arguments.of(k, p)));
    }

    /** A spawn/join tree of 2^depth leaves; returns the number of leaves. */
    static long tree(int depth) {
        if (depth == 0) {
            return 1;
        }
        LongTask a = Task.spawnLong(() -> tree(depth - 1));
        long b = tree(depth - 1);
        return a.joinLong() + b;
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("pools")
    @Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void soakMixedSubmissionsWithConcurrentShutdown(Pools kind, int p) throws Exception {
        int rounds = Math.max(1, ROUNDS);
        for (int round = 0; round < rounds; round++) {
            soakRound(kind, p, Math.max(1_000, TASKS / rounds), round);
        }
    }

    /** One pool: {@code n} external tasks, a shutdown at a random point, every task accounted for. */
    private static void soakRound(Pools kind, int p, int n, int round) throws Exception {
        Random rnd = new Random(n * 7L + p + kind.ordinal() + 1_000L * round);
        Capture.withPool(kind, p, pool -> {
            Ledger ledger = new Ledger(n);
            AtomicIntegerArray invokeOutcome = new AtomicIntegerArray(n); // 1 returned, 2 cancelled, 3 other
            AtomicLong wrongSums = new AtomicLong();
            AtomicLong treesCancelled = new AtomicLong();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            AtomicInteger offered = new AtomicInteger();
            AtomicLong executed = new AtomicLong();
            int trigger = n / 2 + rnd.nextInt(Math.max(1, n / 2));
            CountDownLatch fire = new CountDownLatch(1);
            List<Thread> producers = Capture.producers(n, id -> {
                int depth = id % 4; // 1, 3, 7 or 15 internal tasks
                int kindOfOffer = id % 16;
                int tid = id;
                // Back-pressure: keep at most 20,000 tasks waiting, so that the pool runs most
                // of the work (trees included) before the shutdown; never wait on a stopped
                // pool, nor more than 10 s on a wedged one.
                long waitUntil = System.nanoTime() + 10_000_000_000L;
                while (offered.get() - executed.get() > 20_000 && !pool.isShutdown()
                        && System.nanoTime() < waitUntil) {
                    Thread.yield();
                }
                Runnable body = () -> {
                    executed.incrementAndGet();
                    ledger.mark(tid);
                    if (ledger.isDraining()) {
                        return; // run by the test from a shutdownNow list: not inside a pool
                    }
                    try {
                        if (tree(depth) != 1L << depth) {
                            wrongSums.incrementAndGet();
                        }
                    } catch (CancellationException e) {
                        treesCancelled.incrementAndGet(); // shutdownNow cancelled a pending child
                    }
                };
                if (kindOfOffer == 0) {
                    try {
                        pool.invoke(body);
                        ledger.accepted.set(tid, Ledger.ACCEPTED);
                        invokeOutcome.set(tid, 1);
                    } catch (RejectedExecutionException e) {
                        ledger.accepted.set(tid, Ledger.REJECTED);
                    } catch (CancellationException e) {
                        ledger.accepted.set(tid, Ledger.ACCEPTED);
                        invokeOutcome.set(tid, 2);
                    } catch (Throwable t) {
                        ledger.accepted.set(tid, Ledger.ACCEPTED);
                        invokeOutcome.set(tid, 3);
                        unexpected.compareAndSet(null, t);
                    }
                } else {
                    ledger.offer(pool, tid, (kindOfOffer & 1) == 0, body);
                }
            }, offered, trigger, fire, "t13-soak-producer-");
            ConcurrentLinkedQueue<Runnable> returned = new ConcurrentLinkedQueue<>();
            List<Thread> stoppers = Capture.startStoppers(pool, fire, 3, returned, "t13-soak-stopper-");
            Capture.assertRaceEnds(pool, producers, 300_000, " finished (an invoke() that never returns keeps it)", stoppers,
                    20_000);
            // An invoke that threw CancellationException did not run its root: count it as cancelled.
            for (int id = 0; id < n; id++) {
                if (invokeOutcome.get(id) == 2 && ledger.ran.get(id) > 0) {
                    throw new AssertionError("invoke() threw CancellationException but its root ran: id " + id);
                }
                if (invokeOutcome.get(id) == 2) {
                    ledger.drained.incrementAndGet(id); // ended by cancellation
                }
            }
            ledger.drain(new ArrayList<>(returned));
            ledger.assertEveryAcceptedTaskEndedExactlyOnce(kind + " p=" + p + " soak round " + round + " of " + n + " (trees cancelled "
                    + treesCancelled + ")");
            assertThat(unexpected.get()).as("unexpected failure of invoke()").isNull();
            assertThat(wrongSums.get()).as("spawn/join trees with a wrong sum").isZero();
        });
    }
}
