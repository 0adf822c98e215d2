package org.wsched.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wsched.LongJob;
import org.wsched.Scheduler;

/**
 * The implementation under test, shared by every benchmark: {@code impl} (wsched, centralized,
 * fjp, serial) and {@code parallelism}. The pool is built once per trial and closed after it;
 * subclasses prepare their input in {@link #setupProblem()} and check the last result in
 * {@link #verify()} (a wrong answer fails the trial loudly). The run settings of every benchmark
 * (mode, time unit, forks, warm-up, measurement) are the annotations of this class.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public abstract class PoolState {

    /**
     * wsched = {@link org.wsched.WorkStealingPool}; centralized = {@link org.wsched.CentralizedPool};
     * fjp = {@link ForkJoinPool}; serial = no pool (see {@link Impl}).
     * Not in the default list (run them with {@code -p impl=...}): wsched-frames = the program's
     * {@link org.wsched.Frames} form on a {@link org.wsched.WorkStealingPool} (fib, mergesort, UTS, integrate);
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

    private ImplPool pool;

    @Setup(Level.Trial)
    public final void setupTrial() throws Exception {
        pool = ImplPool.open(impl, parallelism);
        kind = pool.kind;
        sched = pool.sched;
        fjp = pool.fjp;
        setupProblem();
    }

    @TearDown(Level.Trial)
    public final void tearDownTrial() throws Exception {
        try {
            verify();
        } finally {
            pool.close();
            pool = null;
            sched = null;
            fjp = null;
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

}
