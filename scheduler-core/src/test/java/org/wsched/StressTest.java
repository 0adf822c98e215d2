package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sleep/wake protocol and helping under stress. */
class StressTest {

    /**
     * Submit one task, wait until it ran, let the workers fall asleep, repeat: a lost wake-up
     * leaves a task in the queue with every worker asleep, and the test times out.
     */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void noLostWakeUpUnderBurstySubmission(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.createSleepy(p)) {
            AtomicInteger ran = new AtomicInteger();
            int rounds = 20_000;
            for (int i = 0; i < rounds; i++) {
                Future<?> f = pool.submit(ran::incrementAndGet);
                f.get(10, TimeUnit.SECONDS); // a lost wake-up shows up as a TimeoutException
                if ((i & 1023) == 0) {
                    Thread.sleep(3); // now and then, long enough for every worker to fall fully asleep
                }
            }
            assertThat(ran.get()).isEqualTo(rounds);
            assertThat(pool.stats().parks()).isPositive(); // the workers really did sleep
        }
    }

    /** Internal spawns must wake sleeping workers too (bursts of parallel work from one task). */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sleepingWorkersJoinBurstsOfSpawnedWork(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.createSleepy(p)) {
            for (int round = 0; round < 200; round++) {
                AtomicInteger threads = new AtomicInteger();
                pool.invoke(() -> Task.parallelFor(0, 64, i -> {
                    threads.incrementAndGet();
                    sleepMicros(200);
                }));
                assertThat(threads.get()).isEqualTo(64);
                if (round % 50 == 0) {
                    Thread.sleep(5);
                }
            }
        }
    }

    /**
     * 10^5 tasks each join a child that another worker stole, on worker stacks of 256 KiB:
     * helping while joining must stay depth-bounded, or the stack overflows.
     */
    @ParameterizedTest(name = "lazyPublication={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void helpingWhileJoiningStolenChildrenIsDepthBounded(boolean lazyPublication) {
        int tasks = 100_000;
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(4).workerStackSize(256 * 1024)
                .lazyPublication(lazyPublication).build()) {
            AtomicInteger stolenJoins = new AtomicInteger();
            AtomicInteger maxNesting = new AtomicInteger();
            ThreadLocal<int[]> nesting = ThreadLocal.withInitial(() -> new int[1]);
            pool.invoke(() -> Task.parallelFor(0, tasks, i -> {
                int[] depth = nesting.get();
                depth[0]++;
                maxNesting.accumulateAndGet(depth[0], Math::max);
                try {
                    Thread self = Thread.currentThread();
                    AtomicBoolean started = new AtomicBoolean();
                    Thread[] runner = new Thread[1];
                    Task<Void> child = Task.spawn(() -> {
                        runner[0] = Thread.currentThread();
                        started.set(true);
                        if (runner[0] != self) {
                            sleepMicros(20); // stolen: keep the joiner waiting, so that it helps
                        }
                    });
                    // Give a thief a chance to take the child, so that the join below finds it stolen.
                    for (int spin = 0; spin < 2_000 && !started.get(); spin++) {
                        Thread.onSpinWait();
                    }
                    child.join();
                    if (runner[0] != self) {
                        stolenJoins.incrementAndGet();
                    }
                } finally {
                    depth[0]--;
                }
            }));
            if (!lazyPublication) {
                // Classic deque: the child is stealable while its parent spins. (With the split
                // deque it stays private until the parent's next push or take, so it is rarely
                // stolen here; the depth bound below must hold all the same.)
                assertThat(stolenJoins.get()).as("joins of stolen children").isPositive();
            }
            // Nested task bodies on one thread: parallelFor's own splitting plus at most
            // MAX_HELP_DEPTH levels of helping, never anything like the number of tasks.
            assertThat(maxNesting.get())
                    .as("nesting of task bodies on one thread (%d stolen joins)", stolenJoins.get())
                    .isLessThanOrEqualTo(WaitLoop.MAX_HELP_DEPTH + 2);
        }
    }

    /** Many threads submit at once while the workers spawn: nothing is lost. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentProducersLoseNothing(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            int producers = 4;
            int each = 5_000;
            AtomicInteger ran = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            Thread[] ts = new Thread[producers];
            for (int k = 0; k < producers; k++) {
                ts[k] = new Thread(() -> {
                    LifecycleTest.await(go);
                    for (int i = 0; i < each; i++) {
                        pool.execute(() -> {
                            ran.incrementAndGet();
                            Task.spawn(ran::incrementAndGet);
                        });
                    }
                });
                ts[k].start();
            }
            go.countDown();
            for (Thread t : ts) {
                t.join();
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.get()).isEqualTo(2 * producers * each);
        }
    }

    static void sleepMicros(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
