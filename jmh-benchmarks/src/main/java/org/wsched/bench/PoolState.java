package org.wsched.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.wsched.CentralizedPool;
import org.wsched.LongJob;
import org.wsched.Scheduler;
import org.wsched.WorkStealingPool;

/**
 * The implementation under test, shared by every benchmark: {@code impl} (wsched, centralized,
 * fjp, serial) and {@code parallelism}. The pool is built once per trial and closed after it;
 * subclasses prepare their input in {@link #setupProblem()} and check the last result in
 * {@link #verify()} (a wrong answer fails the trial loudly).
 */
@State(Scope.Benchmark)
public abstract class PoolState {

    /**
     * wsched = {@link WorkStealingPool}; centralized = {@link CentralizedPool}; fjp = {@link ForkJoinPool}; serial = no pool.
     * Not in the default list (run them with {@code -p impl=...}): wsched-frames = the program's
     * {@link org.wsched.Frames} form on a {@link WorkStealingPool} (fib, mergesort, UTS, integrate);
     * wsched-frames-fc = fib's fast-clone form ({@code tryUnspawn() ? fib(n-1) : syncStolen()}).
     */
    @Param({"wsched", "centralized", "fjp", "serial"})
    public String impl;

    /** Worker threads (ignored by serial). */
    @Param({"1", "2"})
    public int parallelism;

    protected Impl kind;
    protected Scheduler sched;
    protected ForkJoinPool fjp;

    @Setup(Level.Trial)
    public final void setupTrial() throws Exception {
        kind = Impl.parse(impl);
        switch (kind) {
            case WSCHED, FRAMES, FRAMES_FC -> sched = WorkStealingPool.builder().parallelism(parallelism).build();
            case CENTRALIZED -> sched = CentralizedPool.builder().parallelism(parallelism).build();
            case FJP -> fjp = new ForkJoinPool(parallelism);
            case SERIAL -> { }
        }
        setupProblem();
    }

    @TearDown(Level.Trial)
    public final void tearDownTrial() throws Exception {
        try {
            verify();
        } finally {
            if (sched != null) {
                sched.close();
                sched = null;
            }
            if (fjp != null) {
                fjp.shutdown();
                fjp.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                fjp = null;
            }
        }
    }

    /** Prepares the input (after the pool exists). */
    protected void setupProblem() throws Exception {
    }

    /** Checks the last result; throws if it is wrong. */
    protected void verify() throws Exception {
    }

    /** Runs one computation on the implementation under test and returns its value. */
    protected final <T> T run(Callable<T> wsched, ForkJoinTask<T> fjpTask, Callable<T> serial) throws Exception {
        return switch (kind) {
            case WSCHED, CENTRALIZED -> sched.invoke(wsched);
            case FJP -> fjp.invoke(fjpTask);
            case SERIAL -> serial.call();
            case FRAMES, FRAMES_FC -> throw new IllegalStateException("impl=" + impl + ": this benchmark has no "
                    + "Frames variant; use it with fib, mergesort, uts or integrate");
        };
    }

    /** {@link #run} for a program with a {@link org.wsched.Frames} form: impl wsched-frames runs {@code frames}. */
    protected final <T> T run(LongJob frames, Object ctx, long arg, java.util.function.LongFunction<T> framesValue,
                              Callable<T> wsched, ForkJoinTask<T> fjpTask, Callable<T> serial) throws Exception {
        if (kind == Impl.FRAMES || kind == Impl.FRAMES_FC) {
            return framesValue.apply(sched.invokeLong(frames, ctx, arg));
        }
        return run(wsched, fjpTask, serial);
    }

    /** Fails the trial with a clear message. */
    protected static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("WRONG RESULT: " + what);
        }
    }


    /** The implementations. */
    public enum Impl {
        WSCHED, CENTRALIZED, FJP, SERIAL, FRAMES, FRAMES_FC;

        /** From the {@code @Param} spelling. */
        public static Impl parse(String s) {
            return switch (s) {
                case "wsched" -> WSCHED;
                case "centralized" -> CENTRALIZED;
                case "fjp" -> FJP;
                case "serial" -> SERIAL;
                case "wsched-frames" -> FRAMES;
                case "wsched-frames-fc" -> FRAMES_FC;
                default -> throw new IllegalArgumentException("impl must be wsched, centralized, fjp, serial, "
                        + "wsched-frames or wsched-frames-fc, not '" + s + "'");
            };
        }
    }
}
