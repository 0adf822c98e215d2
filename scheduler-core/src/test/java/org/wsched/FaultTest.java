package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #13, items 1–5: lost or stuck work. Every test bounds its waits (a wedged pool fails the
 * test, it does not hang the build) and abandons its pool with shutdownNow, never close().
 */
class FaultTest {

    // ------------------------------------------------------------------ item 1

    /**
     * Item 1: shutdownNow with a 20,000-task backlog; every accepted task ran, is returned, or its
     * Future is cancelled. Odd rounds keep every worker blocked on a gate until shutdownNow
     * interrupts it; even rounds open the gate just before shutdownNow, so that the workers
     * take from the backlog while shutdownNow drains it.
     */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item1_shutdownNowWithBacklogAccountsForEveryAcceptedTask(Pools kind, int p) throws Exception {
        for (int round = 0; round < 10; round++) {
            Scheduler pool = kind.create(p);
            CountDownLatch gate = new CountDownLatch(1);
            try {
                // Each worker waits for the gate for longer than the test may run: shutdownNow interrupts it.
                assertThat(Capture.occupy(pool, p, gate, 120).await(10, TimeUnit.SECONDS)).as("every worker blocked on the gate")
                        .isTrue();
                Ledger ledger = new Ledger(20_000);
                for (int id = 0; id < ledger.size; id++) {
                    ledger.offer(pool, id, id % 2 == 0);
                }
                if (round % 2 == 0) {
                    gate.countDown(); // even rounds: the workers are taking the backlog while shutdownNow drains it
                }
                List<Runnable> returned = pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("terminates after shutdownNow").isTrue();
                ledger.drain(returned);
                ledger.assertEveryAcceptedTaskEndedExactlyOnce(kind + " p=" + p + " round " + round);
            } finally {
                gate.countDown();
                Capture.abandon(pool);
            }
        }
    }

    /**
     * Item 1, racing: 4 threads submit (execute and submit mixed) while 6 threads call shutdown,
     * shutdownNow and close at a random point.
     */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item1_shutdownRacingSubmittersAccountsForEveryAcceptedTask(Pools kind, int p) throws Exception {
        for (int r = 0; r < 10; r++) {
            int round = r;
            Random rnd = new Random(round * 31L + p);
            Capture.withPool(kind, p, pool -> {
                Ledger ledger = new Ledger(20_000);
                AtomicInteger offered = new AtomicInteger();
                int trigger = 2_000 + rnd.nextInt(12_000);
                CountDownLatch fire = new CountDownLatch(1);
                List<Thread> producers = Capture.producers(ledger.size, id -> ledger.offer(pool, id, id % 3 != 0), offered,
                        trigger, fire, "t13-producer-");
                ConcurrentLinkedQueue<Runnable> returned = new ConcurrentLinkedQueue<>();
                List<Thread> stoppers = Capture.startStoppers(pool, fire, 6, returned, "t13-stopper-");
                Capture.assertRaceEnds(pool, producers, 20_000, " finished", stoppers, 10_000);
                ledger.drain(new ArrayList<>(returned));
                ledger.assertEveryAcceptedTaskEndedExactlyOnce(kind + " p=" + p + " round " + round);
            });
        }
    }

    // ------------------------------------------------------------------ item 2

    static int probeDepth;

    static void probe() {
        probeDepth++;
        probe();
    }

    /** The deepest recursion of {@link #dive} this thread can do, measured. */
    static int maxDepth() {
        probeDepth = 0;
        try {
            probe();
        } catch (StackOverflowError e) {
            // measured
        }
        return probeDepth;
    }

    /** Recurses {@code d} frames, then runs {@code bottom}. */
    static void dive(int d, Runnable bottom) {
        if (d <= 0) {
            bottom.run();
        } else {
            dive(d - 1, bottom);
        }
    }

    /**
     * Item 2: a StackOverflowError inside execute/submit (deep recursion that ends in
     * pool.execute) must not wedge the shared queue: later tasks run, close() returns and idle
     * workers do not spin.
     */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item2_stackOverflowInsideExecuteDoesNotWedgeThePool(Pools kind, int p) throws Exception {
        Capture.withNamedPool(kind, p, "soe-exec", (pool, prefix) -> {
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger ran = new AtomicInteger();
            AtomicInteger overflows = new AtomicInteger();
            AtomicReference<Throwable> other = new AtomicReference<>();
            // The overflowing producer; later submissions from this same thread go to the same stripe.
            Thread producer = new Thread(null, () -> {
                try {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    for (int sweep = 0; sweep < 60 && System.nanoTime() < end; sweep++) {
                        int max = maxDepth();
                        for (int k = 0; k <= 200; k++) {
                            boolean submit = (k & 1) == 0;
                            try {
                                dive(max - k, () -> {
                                    if (submit) {
                                        pool.submit(() -> {
                                            ran.incrementAndGet();
                                        });
                                    } else {
                                        pool.execute(ran::incrementAndGet);
                                    }
                                    accepted.incrementAndGet();
                                });
                            } catch (StackOverflowError e) {
                                overflows.incrementAndGet();
                            }
                        }
                    }
                    // Later tasks from the overflowing thread must run.
                    for (int i = 0; i < 10; i++) {
                        Future<Integer> f = pool.submit(() -> 7);
                        f.get(5, TimeUnit.SECONDS);
                    }
                } catch (Throwable t) {
                    other.set(t);
                }
            }, "t13-overflowing-producer", 512 * 1024);
            producer.setDaemon(true);
            producer.start();
            producer.join(40_000);
            boolean stuck = producer.isAlive();
            String where = java.util.Arrays.toString(java.util.Arrays.copyOf(producer.getStackTrace(),
                    Math.min(6, producer.getStackTrace().length)));
            Capture.stopSpinner(producer);
            assertThat(stuck).as("the overflowing producer finished (it is stuck in the pool's execute/submit: " + where + ")")
                    .isFalse();
            assertThat(overflows.get()).as("StackOverflowErrors provoked (the producer ended with " + other.get() + ")").isPositive();
            assertThat(other.get()).as("later tasks submitted by the producer thread ran (overflows: " + overflows
                    + ", accepted " + accepted + ", ran " + ran + ")").isNull();
            assertThat(pool.submit(() -> 42).get(5, TimeUnit.SECONDS)).isEqualTo(42);
            Thread.sleep(500); // let the workers go idle
            long[] cpu = Capture.cpuOverWithReference(Capture.threads(prefix), 2_000);
            assertThat(cpu[0]).as("CPU time (ns) of idle workers over 2 s (a spinning thread got " + cpu[1]
                    + " ns; limit 0.3 s, or 30% of that on a loaded machine)")
                    .isLessThan(Math.min(300_000_000L, (long) (0.3 * cpu[1])));
            boolean closed = Capture.closesWithin(pool, 10_000);
            if (!closed) {
                Capture.dumpThreads(prefix, pool); // the failure's evidence, on stderr
            }
            assertThat(closed).as("close() returns").isTrue();
        });
    }

    static int chain(int n) {
        if (n == 0) {
            return 0;
        }
        Task<Integer> child = Task.spawn(() -> chain(n - 1));
        return child.join() + 1;
    }

    /**
     * Item 2, centralized pool: deep spawn/join chains on small worker stacks, where the
     * StackOverflowError hits inside spawn (the shared queue's offer); after the invoke fails
     * with it the pool must still work.
     */
    @ParameterizedTest(name = "CENTRALIZED p={0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item2_centralizedDeepSpawnChainOverflowDoesNotWedgeThePool(int p) throws Exception {
        String prefix = Capture.prefix("soe-spawn");
        Capture.using(Capture.create(Pools.CENTRALIZED, p, prefix, 256 * 1024), pool -> {
            int overflows = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            for (int k = 0; k <= 300 && System.nanoTime() < end; k += 3) {
                int pad = k;
                Future<Integer> f = pool.submit(() -> {
                    int[] r = new int[1];
                    // Long enough to overflow a 256 KiB stack, short enough that what an overflow
                    // leaves behind (the spawned child a failed join never claimed runs later, from
                    // a fresh stack, as the program's own work) ends soon.
                    dive(pad, () -> r[0] = chain(20_000));
                    return r[0];
                });
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof StackOverflowError) {
                        overflows++;
                    } else {
                        throw e;
                    }
                } catch (TimeoutException e) {
                    Capture.dumpThreads(prefix, pool); // the failure's evidence, on stderr
                    fail("a chain that overflowed its stack did not complete within 10 s (pad " + pad + ", "
                            + overflows + " overflows before); workers:" + Capture.stacks(prefix, 14));
                }
            }
            assertThat(overflows).as("chains that overflowed").isPositive();
            // The other worker may still be unwinding the last chain's deep parts, where it would
            // help with (and overflow on) anything: give it a moment.
            Capture.awaitQuiet(pool, 300, 30_000);
            for (int i = 0; i < 20; i++) {
                Future<Integer> f = pool.submit(() -> chain(50));
                try {
                    assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(50);
                } catch (TimeoutException e) {
                    fail("after " + overflows + " overflowing chains the pool no longer runs tasks (submission " + i + ")");
                }
            }
            // The last overflowing chain's other parts may still run on the other worker (real work,
            // not spinning): wait until no task has run for half a second, then measure idleness.
            Capture.awaitQuiet(pool, 500, 30_000);
            long[] cpu = Capture.cpuOverWithReference(Capture.threads(prefix), 2_000);
            assertThat(cpu[0]).as("CPU time (ns) of idle workers over 2 s (a spinning thread got " + cpu[1]
                    + " ns; limit 0.3 s, or 30% of that on a loaded machine)")
                    .isLessThan(Math.min(300_000_000L, (long) (0.3 * cpu[1])));
            assertThat(Capture.closesWithin(pool, 10_000)).as("close() returns").isTrue();
        });
    }

    // ------------------------------------------------------------------ item 3

    /**
     * Item 3: an Error thrown after a task's body finished (its completion overflows the stack).
     * A worker deep in its stack joins a task X running on the other worker and helps by running
     * X's trivial children, at every depth near the stack limit; for some depth a child's body
     * returns and its completion overflows. Every task must still complete (X joins its
     * children, the root joins every X) and both workers must survive.
     *
     * <p>Run in a child JVM with {@code -Xint} ({@link Item3Main}): interpreted, every call is a
     * frame, so the sweep hits the completion deterministically; compiled code inlines
     * {@code complete()} into {@code execute()} and the window moves with the JIT's state (an
     * in-process version reproduced only after other tests had warmed the JIT, and otherwise
     * measured the machine's load). Several worker stack sizes shift the alignment.
     */
    @ParameterizedTest(name = "{0} p=2")
    @MethodSource("org.wsched.Capture#bothRuntimesP2")
    @Timeout(value = 280, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item3_errorAfterTheBodyFinishedNeverLeavesATaskPending(Pools kind, int p) throws Exception {
        String javaBin = java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        for (long stack : new long[] {256 * 1024, 320 * 1024, 384 * 1024, 512 * 1024}) {
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xint", "-cp", cp, Item3Main.class.getName(), kind.name(),
                    Long.toString(stack), "300").redirectErrorStream(true);
            java.io.File out = java.io.File.createTempFile("t13-item3-", ".txt");
            out.deleteOnExit();
            pb.redirectOutput(out);
            Process proc = pb.start();
            boolean exited = proc.waitFor(75, TimeUnit.SECONDS);
            if (!exited) {
                proc.destroyForcibly();
            }
            String output = new String(java.nio.file.Files.readAllBytes(out.toPath()), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(exited && proc.exitValue() == 0).as("child JVM (-Xint, " + kind + ", worker stacks of " + stack / 1024
                    + " KiB, exit " + (exited ? proc.exitValue() : "none: killed after 75 s") + "; 2 = a root never returned, "
                    + "3 = a worker died) said:\n" + output).isTrue();
        }
    }

    static boolean anyDone(List<Task<Integer>> ts) {
        for (Task<Integer> t : ts) {
            if (t.isDone()) {
                return true;
            }
        }
        return false;
    }

    /** Inside a task: for each depth near the stack limit, join a task that runs elsewhere, helping with its children. */
    static int helpAtEveryDepth(int depths, int children) {
        int max = maxDepth();
        List<Task<Integer>> xs = new ArrayList<>();
        for (int k = 0; k < depths; k++) {
            AtomicBoolean xStarted = new AtomicBoolean();
            AtomicBoolean joining = new AtomicBoolean();
            Task<Integer> x = Task.spawn(() -> {
                xStarted.set(true);
                List<Task<Integer>> ys = new ArrayList<>();
                for (int i = 0; i < children; i++) {
                    ys.add(Task.spawn(() -> 1));
                }
                long until = System.nanoTime() + 20_000_000L;
                while (!joining.get() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                long pause = System.nanoTime() + 3_000_000L; // let the deep joiner take some children
                while (System.nanoTime() < pause && !anyDone(ys)) {
                    Thread.onSpinWait();
                }
                int s = 0;
                for (Task<Integer> y : ys) {
                    s += y.join();
                }
                return s;
            });
            xs.add(x);
            long until = System.nanoTime() + 1_000_000_000L;
            while (!xStarted.get() && System.nanoTime() < until) {
                Thread.onSpinWait(); // x must run on the other worker
            }
            try {
                dive(max - k, () -> {
                    joining.set(true);
                    x.join();
                });
            } catch (StackOverflowError e) {
                joining.set(true);
            }
        }
        // Every x must complete, normally or not: a child whose own body overflowed where the deep
        // joiner helped with it fails with StackOverflowError (and so does x, which joins it); a child
        // whose body returned but whose completion overflowed keeps its value. None stays pending.
        int sum = 0;
        for (Task<Integer> x : xs) {
            try {
                sum += x.join();
            } catch (StackOverflowError | java.util.concurrent.CancellationException e) {
                // x failed where it was helped, or one of its children was taken by a worker that
                // overflowed before it could start it (cancelled): done, not pending
            }
        }
        return sum;
    }

    // ------------------------------------------------------------------ item 4

    /**
     * Item 4: an uncaught-exception handler that throws must not kill the worker. The workers
     * use the JVM-wide default handler (through their thread group); the test installs a
     * throwing one and restores the previous one.
     */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Capture#bothRuntimesP12")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item4_throwingUncaughtExceptionHandlerDoesNotKillWorkers(Pools kind, int p) throws Exception {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        AtomicInteger handled = new AtomicInteger();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            handled.incrementAndGet();
            throw new IllegalStateException("the handler itself fails (test of issue #13 item 4)");
        });
        String prefix = Capture.prefix("ueh");
        Scheduler pool = Capture.create(kind, p, prefix);
        try {
            for (int i = 0; i < 2 * p + 1; i++) {
                pool.execute(() -> {
                    throw new RuntimeException("task failure for the handler (test of issue #13 item 4)");
                });
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (handled.get() < 2 * p + 1 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(handled.get()).as("every failed execute() reached the handler: a worker that the throwing handler killed runs nothing more "
                    + "(isShutdown=" + pool.isShutdown() + ", live workers " + Capture.threads(prefix).size() + " of " + p + ")").isGreaterThanOrEqualTo(2 * p + 1);
            assertThat(pool.isShutdown()).as("the pool is still running").isFalse();
            AtomicInteger ran = new AtomicInteger();
            List<Future<?>> later = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                later.add(pool.submit(ran::incrementAndGet)); // RejectedExecutionException here: the pool died
            }
            for (Future<?> f : later) {
                f.get(5, TimeUnit.SECONDS);
            }
            assertThat(ran.get()).isEqualTo(100);
            CountDownLatch release = new CountDownLatch(1);
            boolean allRunning = Capture.occupy(pool, p, release, 10).await(10, TimeUnit.SECONDS);
            release.countDown();
            assertThat(allRunning).as("all " + p + " workers still alive").isTrue();
            assertThat(Capture.closesWithin(pool, 10_000)).as("close() returns").isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            Capture.abandon(pool);
        }
    }

    // ------------------------------------------------------------------ item 5

    /**
     * Item 5 (work-stealing pool only: the centralized pool has no deques and no thief hint):
     * a worker of pool A joins a task of pool B that B's worker with an index A lacks stole.
     * At A parallelism 1 the join never consults the hint; at 2 it used it as an index.
     */
    @ParameterizedTest(name = "A p={0}, B p=4")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void item5_joinFromAnotherPoolsWorkerOnATaskStolenByAHigherIndex(int pA) throws Exception {
        Scheduler a = WorkStealingPool.builder().parallelism(pA).seed(5).threadNamePrefix(Capture.prefix("poolA")).build();
        String prefixB = Capture.prefix("poolB");
        Scheduler b = WorkStealingPool.builder().parallelism(4).seed(6).threadNamePrefix(prefixB).build();
        try {
            Task<Integer> stolen = null;
            CountDownLatch release = null;
            for (int attempt = 0; attempt < 200 && stolen == null; attempt++) {
                CountDownLatch rel = new CountDownLatch(1);
                AtomicReference<String> runner = new AtomicReference<>();
                AtomicReference<Task<Integer>> handle = new AtomicReference<>();
                CountDownLatch published = new CountDownLatch(1);
                b.execute(() -> {
                    Task<Integer> c = Task.spawn(() -> {
                        runner.set(Thread.currentThread().getName());
                        try {
                            rel.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 99;
                    });
                    long until = System.nanoTime() + 2_000_000_000L;
                    while (runner.get() == null && System.nanoTime() < until) {
                        Thread.onSpinWait(); // wait until a thief took c
                    }
                    handle.set(c);
                    published.countDown();
                    c.join();
                });
                assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
                String name = runner.get();
                int index = name == null ? -1 : Integer.parseInt(name.substring(prefixB.length()));
                if (index >= Math.max(pA, 2)) {
                    stolen = handle.get();
                    release = rel;
                } else {
                    rel.countDown();
                }
            }
            assertThat(stolen).as("a task of B stolen by B's worker >= 2").isNotNull();
            Task<Integer> target = stolen;
            CountDownLatch rel = release;
            Future<Integer> f = a.submit(() -> target.join());
            Thread.sleep(300); // A's worker is now in the join
            rel.countDown();
            try {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(99);
            } catch (ExecutionException e) {
                throw new AssertionError("join from a worker of another pool failed: " + e.getCause(), e.getCause());
            }
        } finally {
            Capture.abandon(a);
            Capture.abandon(b);
        }
    }
}
