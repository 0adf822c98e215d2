package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.wsched.ConformanceTest.serialFib;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Frames} contract (issue 12), on both runtimes at parallelism 1, 2 and 8: results,
 * LIFO sync and the fast clone, exceptions from inline and stolen jobs, misuse errors, leftover
 * spawns, interplay with tasks, the sleep protocol, shutdown and shutdownNow, and a mixed stress.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FramesTest {

    static long fib(Frames f, Object ctx, long n) {
        if (n < 2) {
            return n;
        }
        f.spawn(FramesTest::fib, ctx, n - 1);
        long b = fib(f, ctx, n - 2);
        return f.sync() + b;
    }

    static long fibFastClone(Frames f, Object ctx, long n) {
        if (n < 2) {
            return n;
        }
        f.spawn(FramesTest::fibFastClone, ctx, n - 1);
        long b = fibFastClone(f, ctx, n - 2);
        long a = f.tryUnspawn() ? fibFastClone(f, ctx, n - 1) : f.syncStolen();
        return a + b;
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void fibIsRightWithSyncAndWithTheFastClone(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            for (int round = 0; round < 5; round++) {
                assertThat(pool.invokeLong(FramesTest::fib, null, 25)).isEqualTo(serialFib(25));
                assertThat(pool.invokeLong(FramesTest::fibFastClone, null, 25)).isEqualTo(serialFib(25));
            }
        }
    }

    /** Every spawn runs exactly once: a counter per argument, over a tree of 2^16 leaves. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void everySpawnRunsExactlyOnce(Pools kind, int p) {
        int leaves = 1 << 16;
        int[] runs = new int[leaves]; // each slot written by one job only; visible after the syncs
        try (Scheduler pool = kind.create(p)) {
            long sum = pool.invokeLong(FramesTest::tree, runs, pack(0, leaves));
            assertThat(sum).isEqualTo((long) leaves * (leaves - 1) / 2);
        }
        for (int i = 0; i < leaves; i++) {
            assertThat(runs[i]).as("leaf %d", i).isEqualTo(1);
        }
    }

    static long pack(int lo, int hi) {
        return (long) lo << 32 | hi;
    }

    static long tree(Frames f, Object ctx, long range) {
        int lo = (int) (range >>> 32);
        int hi = (int) range;
        if (hi - lo == 1) {
            ((int[]) ctx)[lo]++;
            return lo;
        }
        int mid = (lo + hi) >>> 1;
        f.spawn(FramesTest::tree, ctx, pack(lo, mid));
        long right = tree(f, ctx, pack(mid, hi));
        return f.sync() + right;
    }

    // ------------------------------------------------------------------ exceptions

    static final class Boom {
        final Throwable thrown;
        final boolean waitUntilStolen;
        final CountDownLatch ran = new CountDownLatch(1);
        volatile Thread runner;

        Boom(Throwable thrown, boolean waitUntilStolen) {
            this.thrown = thrown;
            this.waitUntilStolen = waitUntilStolen;
        }
    }

    static long thrower(Frames f, Object ctx, long arg) {
        Boom b = (Boom) ctx;
        b.runner = Thread.currentThread();
        b.ran.countDown();
        throw sneaky(b.thrown);
    }

    @SuppressWarnings("unchecked")
    static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
        throw (X) t;
    }

    /** Spawns the thrower; if asked, waits until another worker ran it (stolen); then syncs. */
    static long spawnThrowerThenSync(Frames f, Object ctx, long useFastClone) {
        Boom b = (Boom) ctx;
        f.spawn(FramesTest::thrower, b, 0);
        if (b.waitUntilStolen) {
            awaitOrFail(b.ran);
        }
        if (useFastClone != 0) {
            if (f.tryUnspawn()) {
                return thrower(f, ctx, 0);
            }
            return f.syncStolen();
        }
        return f.sync();
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void exceptionsFromInlineAndStolenJobsAreRethrownAsJoinDoes(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            for (boolean stolen : p > 1 ? new boolean[] {false, true} : new boolean[] {false}) {
                for (long fastClone = 0; fastClone < 2; fastClone++) {
                    long fc = fastClone;
                    IllegalArgumentException rte = new IllegalArgumentException("bad");
                    Boom b1 = new Boom(rte, stolen);
                    assertThatThrownBy(() -> pool.invokeLong(FramesTest::spawnThrowerThenSync, b1, fc)).isSameAs(rte);
                    assertStolenIfAsked(b1);
                    AssertionError err = new AssertionError("an error");
                    Boom b2 = new Boom(err, stolen);
                    assertThatThrownBy(() -> pool.invokeLong(FramesTest::spawnThrowerThenSync, b2, fc)).isSameAs(err);
                    assertStolenIfAsked(b2);
                    IOException checked = new IOException("checked");
                    Boom b3 = new Boom(checked, stolen);
                    assertThatThrownBy(() -> pool.invokeLong(FramesTest::spawnThrowerThenSync, b3, fc))
                            .isInstanceOf(CompletionException.class).hasCause(checked);
                    assertStolenIfAsked(b3);
                }
            }
            assertThat(pool.invokeLong(FramesTest::fib, null, 15)).isEqualTo(serialFib(15)); // still works
        }
    }

    private static void assertStolenIfAsked(Boom b) {
        assertThat(b.runner).isNotNull();
        if (b.waitUntilStolen) {
            // the caller of spawnThrowerThenSync is a worker too; only a thief can have run it before the sync
            assertThat(b.ran.getCount()).isZero();
        }
    }

    // ------------------------------------------------------------------ misuse

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void misuseIsAClearIllegalStateException(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> f.sync(), null, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("sync() with nothing spawned");
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> f.tryUnspawn() ? 1 : 0, null, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("tryUnspawn() with nothing spawned");
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> f.syncStolen(), null, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a failed tryUnspawn()");
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> {
                f.spawn(FramesTest::fib, null, 3);
                return f.syncStolen(); // tryUnspawn was never called
            }, null, 0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("without a failed tryUnspawn()");
            // One sync too many inside a spawned job: its caller's frame is not the job's to sync.
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> {
                f.spawn((g, c2, a2) -> g.sync(), null, 0);
                return f.sync();
            }, null, 0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing spawned");
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> {
                f.spawn(null, null, 0);
                return 0;
            }, null, 0)).isInstanceOf(NullPointerException.class).hasMessageContaining("job is null");
            assertThat(pool.invokeLong(FramesTest::fib, null, 15)).isEqualTo(serialFib(15));
        }
    }

    /** After tryUnspawn() returned false (the frame runs elsewhere), only syncStolen() is allowed. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void afterAFailedTryUnspawnOnlySyncStolenIsAllowed(Pools kind, int p) {
        assumeTrue(p > 1, "with one worker nobody else can take the frame");
        try (Scheduler pool = kind.create(p)) {
            CountDownLatch ran = new CountDownLatch(1);
            AtomicReference<String> spawnError = new AtomicReference<>();
            AtomicReference<String> unspawnError = new AtomicReference<>();
            long r = pool.invokeLong((f, c, a) -> {
                f.spawn((g, c2, a2) -> {
                    ran.countDown();
                    return 5;
                }, null, 0);
                awaitOrFail(ran);
                assertThat(f.tryUnspawn()).as("another worker ran the frame").isFalse();
                try {
                    f.spawn(FramesTest::fib, null, 3);
                } catch (IllegalStateException e) {
                    spawnError.set(e.getMessage());
                }
                try {
                    f.tryUnspawn();
                } catch (IllegalStateException e) {
                    unspawnError.set(e.getMessage());
                }
                return f.syncStolen();
            }, null, 0);
            assertThat(r).isEqualTo(5);
            assertThat(spawnError.get()).contains("spawn() after tryUnspawn() returned false");
            assertThat(unspawnError.get()).contains("tryUnspawn() already returned false");
            assertThat(pool.invokeLong(FramesTest::fib, null, 15)).isEqualTo(serialFib(15));
        }
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("no idle worker took the frame within 30 s");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ leftovers

    static long count(Frames f, Object ctx, long arg) {
        ((AtomicLong) ctx).incrementAndGet();
        return arg;
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void unsyncedSpawnsStillRunAndTheErrorSaysHowMany(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            AtomicLong ran = new AtomicLong();
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> {
                for (int i = 0; i < 3; i++) {
                    f.spawn(FramesTest::count, ran, i);
                }
                return 7;
            }, null, 0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("returned with 3 spawn(s)");
            assertThat(ran.get()).isEqualTo(3);

            // A spawned job leaking 2 spawns: the error surfaces at the sync of that job.
            AtomicLong ran2 = new AtomicLong();
            AtomicReference<Throwable> seen = new AtomicReference<>();
            long r = pool.invokeLong((f, c, a) -> {
                f.spawn((g, c2, a2) -> {
                    g.spawn(FramesTest::count, ran2, 1);
                    g.spawn(FramesTest::count, ran2, 2);
                    return 5;
                }, null, 0);
                try {
                    return f.sync();
                } catch (IllegalStateException e) {
                    seen.set(e);
                    return -1;
                }
            }, null, 0);
            assertThat(r).isEqualTo(-1);
            assertThat(seen.get()).hasMessageContaining("returned with 2 spawn(s)");
            assertThat(ran2.get()).isEqualTo(2);

            // A job that throws with a spawn left: the spawn runs, the job's exception wins.
            AtomicLong ran3 = new AtomicLong();
            assertThatThrownBy(() -> pool.invokeLong((f, c, a) -> {
                f.spawn(FramesTest::count, ran3, 1);
                throw new IllegalArgumentException("job failed");
            }, null, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage("job failed")
                    .satisfies(e -> assertThat(e.getSuppressed()[0]).hasMessageContaining("1 spawn(s)"));
            assertThat(ran3.get()).isEqualTo(1);
            assertThat(pool.invokeLong(FramesTest::fib, null, 18)).isEqualTo(serialFib(18));
        }
    }

    // ------------------------------------------------------------------ tasks and frames

    /** A job whose leaves join tasks, whose tasks invoke nested jobs: both directions. */
    static long mixed(Frames f, Object ctx, long n) {
        if (n < 2) {
            return n;
        }
        if (n % 3 == 0) {
            Task<Long> t = Task.spawn(() -> ((Scheduler) ctx).invokeLong(FramesTest::mixed, ctx, n - 1));
            long b = mixed(f, ctx, n - 2);
            return t.join() + b;
        }
        f.spawn(FramesTest::mixed, ctx, n - 1);
        long b = mixed(f, ctx, n - 2);
        return (n % 2 == 0 ? f.sync() : f.tryUnspawn() ? mixed(f, ctx, n - 1) : f.syncStolen()) + b;
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void framesAndTasksInterleave(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            assertThat(pool.invokeLong(FramesTest::mixed, pool, 22)).isEqualTo(serialFib(22));
            // A task body gets frames through invokeLong, nested on its worker.
            long r = pool.invoke(() -> {
                Task<Long> a = Task.spawn(() -> pool.invokeLong(FramesTest::fib, null, 18));
                long b = pool.invokeLong(FramesTest::fibFastClone, null, 17);
                return a.join() + b;
            });
            assertThat(r).isEqualTo(serialFib(18) + serialFib(17));
        }
    }

    // ------------------------------------------------------------------ sleep, shutdown

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    void theIdlePoolGoesQuietAfterFramesWork(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.createSleepy(p)) {
            for (int round = 0; round < 20; round++) {
                assertThat(pool.invokeLong(FramesTest::fib, null, 20)).isEqualTo(serialFib(20));
                // Every worker must fall asleep: a frame left public (or a busy loop) would keep one awake.
                AbstractPool ap = (AbstractPool) pool;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ap.sleep.sleepers() < p) {
                    assertThat(System.nanoTime()).as("every worker asleep within 30 s").isLessThan(deadline);
                    Thread.sleep(1);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void shutdownLetsARunningJobFinish(Pools kind, int p) throws Exception {
        stopWhileFib24Runs(kind.create(p), FramesTest::fib, null, Scheduler::shutdown);
    }

    /** shutdownNow interrupts the workers but cancels no frame: the running job's value is complete. */
    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void shutdownNowLosesNoFrame(Pools kind, int p) throws Exception {
        AtomicLong leaves = new AtomicLong();
        stopWhileFib24Runs(kind.create(p), FramesTest::countingFib, leaves, Scheduler::shutdownNow);
        assertThat(leaves.get()).isEqualTo(serialFib(25)); // fib(24) has F(25) leaves
    }

    /**
     * Runs {@code fib} (a frames fib) on 24 from outside the pool, stops the pool with
     * {@code stop} once the job runs, and checks that the job's value is complete and that the
     * pool terminates.
     */
    private static void stopWhileFib24Runs(Scheduler pool, LongJob fib, Object ctx,
            java.util.function.Consumer<Scheduler> stop) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Future<Long> r = fromOutside(() -> pool.invokeLong((f, c, a) -> {
            started.countDown();
            return fib.run(f, c, a);
        }, ctx, 24));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        stop.accept(pool);
        assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(serialFib(24));
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    /** Runs {@code call} on a new daemon thread (not a worker): invokeLong from outside the pool. */
    private static Future<Long> fromOutside(java.util.concurrent.Callable<Long> call) {
        java.util.concurrent.FutureTask<Long> task = new java.util.concurrent.FutureTask<>(call);
        Thread t = new Thread(task, "outside");
        t.setDaemon(true);
        t.start();
        return task;
    }

    static long countingFib(Frames f, Object ctx, long n) {
        if (n < 2) {
            ((AtomicLong) ctx).incrementAndGet();
            return n;
        }
        f.spawn(FramesTest::countingFib, ctx, n - 1);
        long b = countingFib(f, ctx, n - 2);
        return f.sync() + b;
    }

    // ------------------------------------------------------------------ stress

    /**
     * A random tree (shape from the seed): each node spawns 1–3 children as frames and maybe one
     * as a task running a nested invokeLong, syncs the frames in reverse order with sync() or the
     * fast clone at random, and some leaves park briefly (so frames get stolen while their owner
     * works). The value is the number of nodes, which {@link #serialTree} computes alone.
     */
    static long randomTree(Frames f, Object ctx, long seedAndDepth) {
        int depth = (int) (seedAndDepth & 0xff);
        SplittableRandom rnd = new SplittableRandom(seedAndDepth >>> 8);
        if (depth == 0) {
            if (rnd.nextInt(32) == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000L);
            }
            return 1;
        }
        int kids = 1 + rnd.nextInt(3);
        long[] args = new long[kids];
        for (int i = 0; i < kids; i++) {
            args[i] = child(rnd, depth);
            f.spawn(FramesTest::randomTree, ctx, args[i]);
        }
        long sum = 1;
        if (rnd.nextInt(6) == 0) {
            long arg = child(rnd, depth);
            Task<Long> t = Task.spawn(() -> ((Scheduler) ctx).invokeLong(FramesTest::randomTree, ctx, arg));
            sum += t.join();
        }
        for (int i = kids - 1; i >= 0; i--) {
            if (((seedAndDepth >>> 9) + i) % 2 == 0) {
                sum += f.sync();
            } else {
                sum += f.tryUnspawn() ? randomTree(f, ctx, args[i]) : f.syncStolen();
            }
        }
        return sum;
    }

    private static long child(SplittableRandom rnd, int depth) {
        return (rnd.nextLong() >>> 16) << 8 | (depth - 1);
    }

    static long serialTree(long seedAndDepth) {
        int depth = (int) (seedAndDepth & 0xff);
        SplittableRandom rnd = new SplittableRandom(seedAndDepth >>> 8);
        if (depth == 0) {
            rnd.nextInt(32);
            return 1;
        }
        int kids = 1 + rnd.nextInt(3);
        long sum = 1;
        for (int i = 0; i < kids; i++) {
            sum += serialTree(child(rnd, depth));
        }
        if (rnd.nextInt(6) == 0) {
            sum += serialTree(child(rnd, depth));
        }
        return sum;
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void mixedStress(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            for (long seed = 1; seed <= 12; seed++) {
                long arg = seed << 8 | 8;
                assertThat(pool.invokeLong(FramesTest::randomTree, pool, arg)).as("seed %d", seed)
                        .isEqualTo(serialTree(arg));
            }
        }
    }
}
