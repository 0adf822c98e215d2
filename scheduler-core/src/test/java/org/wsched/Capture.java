package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Helpers for the fault and contract tests (issue #13): pools with a unique thread-name prefix
 * (so a test can find its own workers, even when an earlier test left a wedged pool behind),
 * per-thread CPU time, a cleanup that never waits for a wedged pool and the test bodies that
 * run on a pool and then abandon it ({@link #withPool}), workers kept busy on a latch, and the
 * producers and stoppers of a shutdown race.
 */
final class Capture {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private Capture() {
    }

    /** A fresh, unique worker-name prefix. */
    static String prefix(String what) {
        return "t13-" + what + "-" + POOLS.incrementAndGet() + "-w";
    }

    /** The same pool as {@code kind.create(p)} (WORK_STEALING or CENTRALIZED), with its workers named {@code prefix + i}. */
    static Scheduler create(Pools kind, int p, String prefix) {
        return create(kind, p, prefix, 0L);
    }

    static Scheduler create(Pools kind, int p, String prefix, long stackSize) {
        switch (kind) {
            case CENTRALIZED:
                return CentralizedPool.builder().parallelism(p).threadNamePrefix(prefix).workerStackSize(stackSize).build();
            case WORK_STEALING:
                return WorkStealingPool.builder().parallelism(p).seed(1).threadNamePrefix(prefix)
                        .workerStackSize(stackSize).build();
            default:
                throw new IllegalArgumentException("only WORK_STEALING and CENTRALIZED: " + kind);
        }
    }

    /** The live threads whose name starts with {@code prefix}. */
    static List<Thread> threads(String prefix) {
        List<Thread> r = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) {
                r.add(t);
            }
        }
        return r;
    }

    /** The stacks (top {@code frames} frames) of the live threads named {@code prefix...}: for failure messages. */
    static String stacks(String prefix, int frames) {
        StringBuilder b = new StringBuilder();
        for (Thread t : threads(prefix)) {
            b.append("\n  ").append(t.getName()).append(' ').append(t.getState());
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(frames, st.length); i++) {
                b.append("\n    at ").append(st[i]);
            }
        }
        return b.toString();
    }

    /** CPU time of one thread in nanoseconds (0 if it has exited). */
    static long cpuNanos(Thread t) {
        long n = MX.getThreadCpuTime(t.getId());
        return Math.max(0L, n);
    }

    /** Summed CPU time of these threads. */
    static long cpuNanos(List<Thread> ts) {
        long s = 0;
        for (Thread t : ts) {
            s += cpuNanos(t);
        }
        return s;
    }

    /** CPU time the threads named {@code prefix...} use over {@code millis} of wall time. */
    static long cpuOver(String prefix, long millis) throws InterruptedException {
        List<Thread> ts = threads(prefix);
        long c0 = cpuNanos(ts);
        Thread.sleep(millis);
        return cpuNanos(ts) - c0;
    }

    /**
     * CPU time that a thread spinning flat out gets over {@code millis} right now: on a loaded
     * machine (2 cores shared by several builds) a spinning worker gets less than the wall time,
     * so CPU limits are taken relative to this reference as well as to the wall time.
     */
    static long spinnerCpu(long millis) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = new Thread(() -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        }, "t13-reference-spinner");
        t.setDaemon(true);
        t.start();
        Thread.sleep(20);
        long c0 = cpuNanos(t);
        Thread.sleep(millis);
        long c = cpuNanos(t) - c0;
        stop.set(true);
        t.join();
        return c;
    }

    /**
     * [cpu of the threads named {@code prefix...}, cpu of a reference spinner] over the same
     * {@code millis} of wall time.
     */
    static long[] cpuOverWithReference(List<Thread> ts, long millis) throws InterruptedException {
        long c0 = cpuNanos(ts);
        long ref = spinnerCpu(millis);
        return new long[] {cpuNanos(ts) - c0, ref};
    }

    /**
     * Stops a pool without waiting for it to cooperate: shutdownNow, then awaitTermination, in
     * a daemon thread waited for at most 2 s. Never calls close() (a wedged pool's close() never returns).
     */
    static void abandon(Scheduler pool) {
        if (pool == null) {
            return;
        }
        try {
            // In a daemon thread: on a wedged queue shutdownNow's drain itself may never return.
            Thread t = new Thread(() -> {
                try {
                    pool.shutdownNow();
                    pool.awaitTermination(2, TimeUnit.SECONDS);
                } catch (Throwable ignored) {
                    // cleanup only
                }
            }, "t13-abandon");
            t.setDaemon(true);
            t.start();
            t.join(3_000);
            stopSpinner(t);
        } catch (Throwable ignored) {
            // cleanup only
        }
    }

    /** The body of a test that uses one pool. */
    @FunctionalInterface
    interface PoolBody {
        void accept(Scheduler pool) throws Exception;
    }

    /** Runs {@code body} on {@code kind.create(p)}, then abandons the pool (see {@link #abandon}) however the body ended. */
    static void withPool(Pools kind, int p, PoolBody body) throws Exception {
        using(kind.create(p), body);
    }

    /** The body of a test that uses one pool whose workers are named {@code prefix + i}. */
    @FunctionalInterface
    interface NamedPoolBody {
        void accept(Scheduler pool, String prefix) throws Exception;
    }

    /**
     * Runs {@code body} on a pool made by {@link #create(Pools, int, String)} with a fresh
     * {@link #prefix} for {@code what}, then abandons the pool however the body ended.
     */
    static void withNamedPool(Pools kind, int p, String what, NamedPoolBody body) throws Exception {
        String prefix = prefix(what);
        using(create(kind, p, prefix), pool -> body.accept(pool, prefix));
    }

    /** Runs {@code body} on {@code pool}, then abandons the pool (see {@link #abandon}) however the body ended. */
    static void using(Scheduler pool, PoolBody body) throws Exception {
        try {
            body.accept(pool);
        } finally {
            abandon(pool);
        }
    }

    /**
     * Occupies {@code n} workers of {@code pool}: executes {@code n} tasks that each count down
     * the returned latch, then wait (at most {@code seconds}) for {@code release}. The latch
     * reaches zero once all {@code n} tasks run at the same time, one per worker.
     */
    static CountDownLatch occupy(Scheduler pool, int n, CountDownLatch release, long seconds) {
        CountDownLatch running = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            pool.execute(() -> {
                running.countDown();
                try {
                    release.await(seconds, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return running;
    }

    /** Runs {@code r} in a daemon thread and waits at most {@code millis}; true if it returned. */
    static boolean returnsWithin(long millis, Runnable r) throws InterruptedException {
        Thread t = new Thread(r, "t13-bounded");
        t.setDaemon(true);
        t.start();
        t.join(millis);
        return !t.isAlive();
    }

    /**
     * Last resort for a thread of the test that spins for ever in a wedged pool (e.g. inside the
     * queue's offer): stop it, so that it does not burn a core for the rest of the run. Thread.stop
     * works up to JDK 19; later JDKs throw UnsupportedOperationException and the thread leaks.
     */
    @SuppressWarnings({"deprecation", "removal"})
    static void stopSpinner(Thread t) {
        if (t != null && t.isAlive()) {
            try {
                t.stop();
            } catch (Throwable ignored) {
                // not supported on this JDK
            }
        }
    }

    /** close() within {@code millis} (in a daemon thread, so a wedged close() leaks a thread, not the test). */
    static boolean closesWithin(Scheduler pool, long millis) throws InterruptedException {
        return returnsWithin(millis, pool::close);
    }

    static Stream<Arguments> bothRuntimesP1() {
        return Stream.of(Pools.WORK_STEALING, Pools.CENTRALIZED).map(k -> Arguments.of(k, 1));
    }

    static Stream<Arguments> bothRuntimesP2() {
        return Stream.of(Pools.WORK_STEALING, Pools.CENTRALIZED).map(k -> Arguments.of(k, 2));
    }

    static Stream<Arguments> bothRuntimesP12() {
        return Stream.of(Pools.WORK_STEALING, Pools.CENTRALIZED).flatMap(k -> Stream.of(1, 2).map(p -> Arguments.of(k, p)));
    }

    /** Waits until the pool's executed and spawned counts have not moved for {@code quietMillis} (at most {@code maxMillis}). */
    static void awaitQuiet(Scheduler pool, long quietMillis, long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + maxMillis * 1_000_000L;
        long last = activity(pool);
        long since = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(20);
            long now = activity(pool);
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= quietMillis * 1_000_000L) {
                return;
            }
        }
    }

    private static long activity(Scheduler pool) {
        SchedulerStats st = pool.stats();
        return st.tasksExecuted() + st.spawns();
    }

    /** On a failure only: the top of each pool thread's stack and the pool's counters, to stderr. */
    static void dumpThreads(String prefix, Scheduler pool) {
        for (Thread t : threads(prefix)) {
            StackTraceElement[] st = t.getStackTrace();
            System.err.println(t.getName() + " (" + t.getState() + ", stack depth " + st.length + "):");
            for (int i = 0; i < Math.min(16, st.length); i++) {
                System.err.println("    at " + st[i]);
            }
        }
        System.err.println(pool.stats());
    }

    /**
     * The end of a shutdown race: starts the producers (as daemons), waits at most
     * {@code producerMillis} for each ({@code producerEnded} follows its name in the failure),
     * then at most {@code stopperMillis} for each stopper of {@link #startStoppers}, and asserts
     * that the pool terminates within as long.
     */
    static void assertRaceEnds(Scheduler pool, List<Thread> producers, long producerMillis, String producerEnded,
            List<Thread> stoppers, long stopperMillis) throws InterruptedException {
        for (Thread t : producers) {
            t.setDaemon(true);
            t.start();
        }
        assertEachEnds(producers, producerMillis, producerEnded);
        assertEachEnds(stoppers, stopperMillis, " (shutdown/shutdownNow/close) returned");
        assertThat(pool.awaitTermination(stopperMillis, TimeUnit.MILLISECONDS)).as("terminated").isTrue();
    }

    private static void assertEachEnds(List<Thread> ts, long millis, String ended) throws InterruptedException {
        for (Thread t : ts) {
            t.join(millis);
            assertThat(t.isAlive()).as(t.getName() + ended).isFalse();
        }
    }

    /** What a producer does with one id. */
    @FunctionalInterface
    interface Offer {
        void offer(int id);
    }

    /**
     * Four producer threads, not started, named {@code namePrefix + k}: producer k offers the ids
     * k, k + 4, k + 8, ... below {@code n}, each through {@code offer} and then counted in
     * {@code offered}; the offer that brings the count to {@code trigger} opens {@code fire}, and
     * so does each producer once it has offered all of its ids.
     */
    static List<Thread> producers(int n, Offer offer, AtomicInteger offered, int trigger, CountDownLatch fire,
            String namePrefix) {
        List<Thread> producers = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int first = k;
            producers.add(new Thread(() -> {
                for (int id = first; id < n; id += 4) {
                    offer.offer(id);
                    if (offered.incrementAndGet() == trigger) {
                        fire.countDown();
                    }
                }
                fire.countDown();
            }, namePrefix + k));
        }
        return producers;
    }

    /**
     * Starts {@code count} daemon threads that wait for {@code fire}, then stop the pool
     * concurrently: thread k calls shutdown (k % 3 == 0), shutdownNow, adding what it returns to
     * {@code returned} (k % 3 == 1), or close (k % 3 == 2).
     */
    static List<Thread> startStoppers(Scheduler pool, CountDownLatch fire, int count,
            java.util.Collection<Runnable> returned, String namePrefix) {
        List<Thread> stoppers = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int role = k % 3;
            Thread t = new Thread(() -> {
                try {
                    fire.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (role == 0) {
                    pool.shutdown();
                } else if (role == 1) {
                    returned.addAll(pool.shutdownNow());
                } else {
                    pool.close();
                }
            }, namePrefix + k);
            t.setDaemon(true);
            t.start();
            stoppers.add(t);
        }
        return stoppers;
    }
}
