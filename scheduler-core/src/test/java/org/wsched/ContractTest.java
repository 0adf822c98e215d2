package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #13, items 6–10: the Future contract (as FutureTask documents it) and liveness. Waits
 * are bounded; pools are abandoned with shutdownNow, never close(). Every test has 30 s unless
 * it says otherwise.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContractTest {

    // ------------------------------------------------------------------ item 6

    /** Every (pool, parallelism) of {@link Pools#bothRuntimes()} with each of {@code values} as a third argument. */
    static Stream<Arguments> bothRuntimesWith(Object... values) {
        return Pools.bothRuntimes().flatMap(a -> Stream.of(values).map(v -> Arguments.of(a.get()[0], a.get()[1], v)));
    }

    static Stream<Arguments> bothRuntimesBothCancelModes() {
        return bothRuntimesWith(true, false);
    }

    /**
     * Item 6: cancel(true) and cancel(false) on a running task: true, and at once done and
     * cancelled; the runner is interrupted exactly when {@code mayInterruptIfRunning}; a second
     * cancel returns false; the future stays cancelled after the body returned.
     */
    @ParameterizedTest(name = "{0} p={1} mayInterruptIfRunning={2}")
    @MethodSource("bothRuntimesBothCancelModes")
    void item6_cancelOnARunningTaskCancelsAtOnceAndInterruptsOnlyIfAsked(Pools kind, int p, boolean mayInterrupt)
            throws Exception {
        Capture.withPool(kind, p, pool -> {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            Future<Integer> f = submitBlocked(pool, started, release, () -> interrupted.set(true), finished);
            assertCancelsOnceStarted(f, started, mayInterrupt);
            if (!mayInterrupt) {
                Thread.sleep(200); // an interrupt, if cancel(false) sent one, would land meanwhile
                release.countDown();
            }
            assertThat(finished.await(10, TimeUnit.SECONDS)).as("the body returned").isTrue();
            assertThat(interrupted.get()).as("the runner was interrupted (cancel(" + mayInterrupt + "))")
                    .isEqualTo(mayInterrupt);
            assertThat(f.cancel(mayInterrupt)).as("a second cancel returns false").isFalse();
            assertThatThrownBy(f::get).as("still cancelled after the body returned").isInstanceOf(CancellationException.class);
        });
    }

    /**
     * Item 6: submits a task that opens {@code started}, waits (at most 20 s) for {@code release},
     * runs {@code onInterrupt} if that wait was interrupted, then opens {@code finished} and returns 1.
     */
    static Future<Integer> submitBlocked(Scheduler pool, CountDownLatch started, CountDownLatch release, Runnable onInterrupt,
            CountDownLatch finished) {
        return pool.submit(() -> {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                onInterrupt.run();
            }
            finished.countDown();
            return 1;
        });
    }

    /**
     * Item 6: once {@code started} opens (within 10 s), {@code cancel(mayInterrupt)} of the running
     * task returns true, and at once the future is done and cancelled and get throws CancellationException.
     */
    static void assertCancelsOnceStarted(Future<?> f, CountDownLatch started, boolean mayInterrupt) throws InterruptedException {
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(f.cancel(mayInterrupt)).as("cancel(" + mayInterrupt + ") of a running task returns true").isTrue();
        assertThat(f.isDone()).as("isDone() right after cancel").isTrue();
        assertThat(f.isCancelled()).as("isCancelled() right after cancel").isTrue();
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    }

    /** Item 6: timed invokeAll whose tasks outlive the timeout returns futures that are all done. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void item6_timedInvokeAllReturnsOnlyDoneFutures(Pools kind, int p) throws Exception {
        Capture.withPool(kind, p, pool -> {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < p + 2; i++) {
                tasks.add(() -> {
                    Thread.sleep(5_000);
                    return 1;
                });
            }
            List<Future<Integer>> fs = pool.invokeAll(tasks, 300, TimeUnit.MILLISECONDS);
            assertThat(fs).hasSize(tasks.size());
            for (int i = 0; i < fs.size(); i++) {
                assertThat(fs.get(i).isDone()).as("future " + i + " of a timed-out invokeAll is done").isTrue();
                assertThat(fs.get(i).isCancelled()).as("future " + i + " of a timed-out invokeAll is cancelled").isTrue();
            }
        });
    }

    static Stream<Arguments> bothRuntimesBothBulkCalls() {
        return bothRuntimesWith("invokeAll", "invokeAny");
    }

    /**
     * Item 6: invokeAll and invokeAny, untimed and timed, with a null element late in the list
     * throw NullPointerException and run none of the tasks.
     */
    @ParameterizedTest(name = "{0} p={1} {2}")
    @MethodSource("bothRuntimesBothBulkCalls")
    void item6_bulkInvokeWithANullElementThrowsAndRunsNothing(Pools kind, int p, String op) throws Exception {
        Capture.withPool(kind, p, pool -> {
            AtomicInteger ran = new AtomicInteger();
            Callable<Integer> c = ran::incrementAndGet;
            // The null comes late: a validation done while submitting would have run tasks by then.
            List<Callable<Integer>> tasks = new ArrayList<>(Collections.nCopies(64, c));
            tasks.add(null);
            tasks.add(c);
            for (int i = 0; i < 20; i++) {
                for (boolean timed : new boolean[] {false, true}) {
                    assertThatThrownBy(() -> bulkInvoke(pool, op, tasks, timed)).as((timed ? "timed " : "untimed ") + op)
                            .isInstanceOf(NullPointerException.class);
                }
            }
            Thread.sleep(300);
            assertThat(ran.get()).as("tasks run by 40 " + op + " calls that threw NullPointerException").isZero();
        });
    }

    /** {@code op} ("invokeAll" or "invokeAny") of {@code tasks}, untimed or timed (5 s). */
    static void bulkInvoke(Scheduler pool, String op, List<Callable<Integer>> tasks, boolean timed) throws Exception {
        if (op.equals("invokeAll")) {
            if (timed) {
                pool.invokeAll(tasks, 5, TimeUnit.SECONDS);
            } else {
                pool.invokeAll(tasks);
            }
        } else if (timed) {
            pool.invokeAny(tasks, 5, TimeUnit.SECONDS);
        } else {
            pool.invokeAny(tasks);
        }
    }

    // ------------------------------------------------------------------ item 7

    /** Item 7: a worker whose interrupt flag is set, joining a child running elsewhere, must not spin. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP2")
    void item7_interruptedJoinerDoesNotSpin(Pools kind, int p) throws Exception {
        Capture.withPool(kind, p, pool -> {
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Thread> joiner = new AtomicReference<>();
            CountDownLatch joining = new CountDownLatch(1);
            Future<Integer> f = pool.submit(() -> {
                AtomicBoolean childStarted = new AtomicBoolean();
                Task<Integer> child = Task.spawn(() -> {
                    childStarted.set(true);
                    release.await(20, TimeUnit.SECONDS);
                    return 5;
                });
                long until = System.nanoTime() + 5_000_000_000L;
                while (!childStarted.get() && System.nanoTime() < until) {
                    Thread.onSpinWait(); // the child runs on the other worker
                }
                joiner.set(Thread.currentThread());
                Thread.currentThread().interrupt();
                joining.countDown();
                int r = child.join();
                Thread.interrupted();
                return r;
            });
            assertThat(joining.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            Thread j = joiner.get();
            long w0 = System.nanoTime();
            long[] cpu = Capture.cpuOverWithReference(List.of(j), 1_000);
            long wall = System.nanoTime() - w0;
            release.countDown();
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(5);
            long limit = (long) (0.30 * Math.min(wall, cpu[1]));
            assertThat(cpu[0]).as("CPU time (ns) of an interrupted joiner over " + wall / 1_000_000 + " ms while its child "
                    + "runs elsewhere; a spinning thread got " + cpu[1] + " ns; limit 30% of the smaller").isLessThan(limit);
        });
    }

    /** Item 7: Future.get() from a worker whose interrupt flag is set throws InterruptedException. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    void item7_getFromAnInterruptedWorkerThrowsInterruptedException(Pools kind, int p) throws Exception {
        Scheduler pool = kind.create(p);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<Throwable> outer = pool.submit(() -> {
                CountDownLatch started = new CountDownLatch(1);
                Future<Integer> inner = pool.submit(() -> {
                    started.countDown();
                    release.await(20, TimeUnit.SECONDS);
                    return 3;
                });
                if (p > 1) {
                    started.await(5, TimeUnit.SECONDS); // inner runs on the other worker
                }
                Thread.currentThread().interrupt();
                try {
                    inner.get();
                    return null;
                } catch (Throwable t) {
                    Thread.interrupted();
                    return t;
                }
            });
            Thread.sleep(1_000);
            release.countDown(); // lets a get() that ignores the interrupt return
            Throwable t;
            try {
                t = outer.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("Future.get() from an interrupted worker neither threw nor returned within 11 s");
                return;
            }
            assertThat(t).as("what Future.get() threw on an interrupted worker (null: it returned a value)")
                    .isInstanceOf(InterruptedException.class);
        } finally {
            release.countDown();
            Capture.abandon(pool);
        }
    }

    /** Item 7: shutdownNow stops a worker stuck in a self-join. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    void item7_shutdownNowStopsAWorkerStuckInASelfJoin(Pools kind, int p) throws Exception {
        Capture.withPool(kind, p, pool -> {
            CountDownLatch joining = new CountDownLatch(1);
            pool.execute(() -> {
                AtomicReference<Task<Void>> self = new AtomicReference<>();
                CountDownLatch set = new CountDownLatch(1);
                self.set(Task.spawn(() -> {
                    try {
                        set.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    joining.countDown();
                    self.get().join(); // joins itself: never completes on its own
                }));
                set.countDown();
                // returns without joining: the child runs on this or another worker
            });
            assertThat(joining.await(10, TimeUnit.SECONDS)).as("the self-join started").isTrue();
            Thread.sleep(200);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("terminated within 10 s of shutdownNow").isTrue();
        });
    }

    /** Item 7: an interrupt sent to an idle worker does not leak into its next task. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item7_interruptOfAnIdleWorkerDoesNotLeakIntoItsNextTask(Pools kind, int p) throws Exception {
        Capture.withNamedPool(kind, p, "idle-intr", (pool, prefix) -> {
            // Start every worker once, so that all of them exist and have run a task.
            CyclicBarrier barrier = new CyclicBarrier(p);
            List<Future<?>> warm = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                warm.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return null;
                }));
            }
            for (Future<?> f : warm) {
                f.get(10, TimeUnit.SECONDS);
            }
            List<Thread> workers = Capture.threads(prefix);
            assertThat(workers).hasSize(p);
            int rounds = 200;
            AtomicInteger leaks = new AtomicInteger();
            AtomicInteger tasks = new AtomicInteger();
            for (int r = 0; r < rounds; r++) {
                Thread.sleep(2);
                for (Thread w : workers) {
                    w.interrupt(); // the workers are idle: the previous round's tasks are done
                }
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < p; i++) {
                    fs.add(pool.submit(() -> {
                        tasks.incrementAndGet();
                        if (Thread.interrupted()) { // clears it, so one leak is counted once
                            leaks.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : fs) {
                    f.get(10, TimeUnit.SECONDS);
                }
            }
            assertThat(leaks.get()).as("tasks (of " + tasks + ") that started with an interrupt sent to an idle worker")
                    .isZero();
        });
    }

    // ------------------------------------------------------------------ item 8

    /** Item 8: timed Future.get from inside a one-worker pool, on work of the same pool, completes. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP1")
    void item8_timedGetInsideAOneWorkerPoolHelps(Pools kind, int p) throws Exception {
        Capture.withPool(kind, p, pool -> {
            Future<Integer> outer = pool.submit(() -> {
                Future<Integer> inner = pool.submit(() -> 42);
                return inner.get(3, TimeUnit.SECONDS);
            });
            try {
                assertThat(outer.get(10, TimeUnit.SECONDS)).isEqualTo(42);
            } catch (ExecutionException e) {
                throw new AssertionError("timed get() inside the only worker failed: " + e.getCause(), e.getCause());
            }
        });
    }

    /** Item 8: timed invokeAny from inside a one-worker pool completes. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP1")
    void item8_timedInvokeAnyInsideAOneWorkerPoolHelps(Pools kind, int p) throws Exception {
        Capture.withPool(kind, p, pool -> {
            Future<Integer> outer = pool.submit(() -> {
                List<Callable<Integer>> cs = List.of(() -> 7, () -> 7);
                return pool.invokeAny(cs, 3, TimeUnit.SECONDS);
            });
            try {
                assertThat(outer.get(10, TimeUnit.SECONDS)).isEqualTo(7);
            } catch (ExecutionException e) {
                throw new AssertionError("timed invokeAny() inside the only worker failed: " + e.getCause(), e.getCause());
            }
        });
    }

    // ------------------------------------------------------------------ item 9

    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** A fork/join tree of 2^depth leaves of 200 µs each. */
    static long tree(int depth) {
        if (depth == 0) {
            spin(200_000L);
            return 1;
        }
        LongTask a = Task.spawnLong(() -> tree(depth - 1));
        long b = tree(depth - 1);
        return a.joinLong() + b;
    }

    /** Submits a small task every 10 ms from outside while {@code running} and returns the max submit-to-start delay (ns). */
    static long externalDelays(Scheduler pool, AtomicBoolean running) throws Exception {
        AtomicLong max = new AtomicLong();
        List<Future<?>> fs = new ArrayList<>();
        while (running.get()) {
            long t0 = System.nanoTime();
            fs.add(pool.submit(() -> {
                long d = System.nanoTime() - t0;
                max.accumulateAndGet(d, Math::max);
            }));
            Thread.sleep(10);
        }
        for (Future<?> f : fs) {
            f.get(30, TimeUnit.SECONDS);
        }
        return max.get();
    }

    /** Item 9: external submissions start within 500 ms while a long fork/join computation keeps every worker busy. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item9_externalSubmissionsAreNotStarvedByALongForkJoinComputation(Pools kind, int p) throws Exception {
        int depth = p == 1 ? 13 : 14; // about 1.6 s of work per worker: starved submissions would wait that long
        assertSubmissionsStartDuring(kind, p, "fork/join", pool -> tree(depth), 1L << depth);
    }

    /**
     * Runs {@code computation} (about 1.6 s that keeps every worker busy) as a submission while
     * submitting a small task every 10 ms from outside; asserts its result and that no external
     * task waited 500 ms or more to start.
     */
    static void assertSubmissionsStartDuring(Pools kind, int p, String what, java.util.function.ToLongFunction<Scheduler> computation,
                                             long expected) throws Exception {
        Capture.withPool(kind, p, pool -> {
            AtomicBoolean running = new AtomicBoolean(true);
            Future<Long> root = pool.submit(() -> {
                try {
                    return computation.applyAsLong(pool);
                } finally {
                    running.set(false);
                }
            });
            Thread.sleep(50);
            long max = externalDelays(pool, running);
            assertThat(root.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            assertThat(max / 1_000_000L).as("max submit-to-start delay of external tasks (ms) during a ~1.6 s " + what + " run")
                    .isLessThan(500L);
        });
    }

    /** A frames fork/join tree of 2^depth leaves of 200 µs each (the tree of {@link #tree}, spawned as frames). */
    static long framesTree(Frames f, Object ctx, long depth) {
        if (depth == 0) {
            spin(200_000L);
            return 1;
        }
        f.spawn(ContractTest::framesTree, ctx, depth - 1);
        long b = framesTree(f, ctx, depth - 1);
        return f.sync() + b;
    }

    /** Item 9 with frames: a long frames computation ({@code invokeLong}) does not starve external submissions either. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item9_externalSubmissionsAreNotStarvedByALongFramesComputation(Pools kind, int p) throws Exception {
        int depth = p == 1 ? 13 : 14; // about 1.6 s of work per worker, as above
        assertSubmissionsStartDuring(kind, p, "frames", pool -> pool.invokeLong(ContractTest::framesTree, null, depth), 1L << depth);
    }

    /** Item 9: the same with a fire-and-forget tree (children spawned, never joined). */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item9_externalSubmissionsAreNotStarvedByAFireAndForgetTree(Pools kind, int p) throws Exception {
        Capture.withPool(kind, p, pool -> {
            int depth = p == 1 ? 13 : 14; // 2^(depth+1) nodes of 100 µs: about 1.6 s per worker
            long nodes = (1L << (depth + 1)) - 1;
            AtomicLong done = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            pool.execute(() -> fireAndForget(depth, done, nodes, running));
            Thread.sleep(50);
            long max = externalDelays(pool, running);
            assertThat(done.get()).isEqualTo(nodes);
            assertThat(max / 1_000_000L).as("max submit-to-start delay of external tasks (ms) during a fire-and-forget tree")
                    .isLessThan(500L);
        });
    }

    static void fireAndForget(int depth, AtomicLong done, long nodes, AtomicBoolean running) {
        if (depth > 0) {
            Task.spawn(() -> fireAndForget(depth - 1, done, nodes, running));
            Task.spawn(() -> fireAndForget(depth - 1, done, nodes, running));
        }
        spin(100_000L);
        if (done.incrementAndGet() == nodes) {
            running.set(false);
        }
    }

    // ------------------------------------------------------------------ item 10

    /** A traced run: two roots, one per worker, each doing {@code n} sequential spawn/join pairs. */
    static void tracedRun(Scheduler pool, int n) throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        List<Future<?>> fs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            fs.add(pool.submit(() -> {
                both.await(10, TimeUnit.SECONDS);
                long s = 0;
                for (int i = 0; i < n; i++) {
                    s += Task.spawnLong(() -> 1L).joinLong();
                }
                return s;
            }));
        }
        for (Future<?> f : fs) {
            f.get(20, TimeUnit.SECONDS);
        }
    }

    /** Item 10: traceBudget(n) bounds the strands of the whole pool: a p=2 run needing between n and 2n strands fails. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP2")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item10_traceBudgetIsPerPoolAndTheErrorSaysHowManyStrandsWereNeeded(Pools kind, int p) throws Exception {
        int pairs = 2_000;
        int needed;
        try (Scheduler big = traced(kind, p, 10_000_000L)) {
            tracedRun(big, pairs);
            needed = big.trace().strands();
        }
        assertThat(needed).as("strands of the run").isGreaterThan(4 * pairs);
        // Fits exactly: works.
        try (Scheduler exact = traced(kind, p, needed)) {
            tracedRun(exact, pairs);
            assertThat(exact.trace().strands()).isEqualTo(needed);
        }
        // Between n and 2n (per worker it would fit): must fail, saying how many strands were needed.
        long budget = needed * 3L / 5L;
        try (Scheduler small = traced(kind, p, budget)) {
            tracedRun(small, pairs);
            Throwable t = null;
            try {
                small.trace();
            } catch (IllegalStateException e) {
                t = e;
            }
            assertThat(t).as("trace() of a run of " + needed + " strands with traceBudget(" + budget + ") at p=" + p
                    + " must throw IllegalStateException (the budget is per pool)").isNotNull();
            long most = 0;
            Matcher m = Pattern.compile("\\d[\\d,_]*").matcher(t.getMessage());
            while (m.find()) {
                most = Math.max(most, Long.parseLong(m.group().replaceAll("[,_]", "")));
            }
            assertThat(most).as("the largest number in the message '" + t.getMessage() + "' (strands needed, at least "
                    + needed + ")").isGreaterThanOrEqualTo(needed);
        }
    }

    static Scheduler traced(Pools kind, int p, long budget) {
        return kind == Pools.CENTRALIZED
                ? CentralizedPool.builder().parallelism(p).tracing(true).traceBudget(budget).build()
                : WorkStealingPool.builder().parallelism(p).seed(1).tracing(true).traceBudget(budget).build();
    }
}
