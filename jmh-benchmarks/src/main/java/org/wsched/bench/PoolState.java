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

    /** wsched = {@link WorkStealingPool}; centralized = {@link CentralizedPool}; fjp = {@link ForkJoinPool}; serial = no pool. */
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
            case WSCHED -> sched = WorkStealingPool.builder().parallelism(parallelism).build();
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
        };
    }

    /** Fails the trial with a clear message. */
    protected static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("WRONG RESULT: " + what);
        }
    }


    /** The implementations. */
    public enum Impl {
        WSCHED, CENTRALIZED, FJP, SERIAL;

        /** From the {@code @Param} spelling. */
        public static Impl parse(String s) {
            return switch (s) {
                case "wsched" -> WSCHED;
                case "centralized" -> CENTRALIZED;
                case "fjp" -> FJP;
                case "serial" -> SERIAL;
                default -> throw new IllegalArgumentException("impl must be wsched, centralized, fjp or serial, not '" + s + "'");
            };
        }
    }
}
