package org.wsched.workloads;

import java.util.concurrent.RecursiveTask;
import java.util.concurrent.RecursiveAction;
import org.wsched.Frames;
import org.wsched.LongTask;
import org.wsched.Task;

/** Fibonacci with no cutoff: every call above the leaves is a spawn, the spawn-overhead stress test. */
public final class Fib {

    private Fib() {
    }

    /** Serial recursion. */
    public static long serial(int n) {
        return n < 2 ? n : serial(n - 1) + serial(n - 2);
    }

    /** wsched, exactly as in the README: spawn one child, compute the other, join. */
    public static long wsched(int n) {
        if (n < 2) {
            return n;
        }
        Task<Long> a = Task.spawn(() -> wsched(n - 1));
        long b = wsched(n - 2);
        return a.join() + b;
    }

    /**
     * wsched with a serial cutoff: calls with {@code n < cutoff} run {@link #serial}, so the
     * tasks are microseconds long rather than nanoseconds.
     */
    public static long wschedCutoff(int n, int cutoff) {
        if (n < cutoff) {
            return serial(n);
        }
        Task<Long> a = Task.spawn(() -> wschedCutoff(n - 1, cutoff));
        long b = wschedCutoff(n - 2, cutoff);
        return a.join() + b;
    }

    /** wsched frames, as in the README: spawn writes a reused frame, sync runs it here unless stolen. */
    public static long frames(Frames f, Object ctx, long n) {
        if (n < 2) {
            return n;
        }
        f.spawn(Fib::frames, ctx, n - 1);
        long b = frames(f, ctx, n - 2);
        return f.sync() + b;
    }

    /** wsched frames with Cilk's fast clone: a spawn nobody stole is dropped and called directly. */
    public static long framesFastClone(Frames f, Object ctx, long n) {
        if (n < 2) {
            return n;
        }
        f.spawn(Fib::framesFastClone, ctx, n - 1);
        long b = framesFastClone(f, ctx, n - 2);
        return (f.tryUnspawn() ? framesFastClone(f, ctx, n - 1) : f.syncStolen()) + b;
    }

    /** ForkJoinPool, as in the {@code RecursiveTask} javadoc: fork one, compute the other, join. */
    public static final class FjpFib extends RecursiveTask<Long> {
        private final int n;

        /** fib({@code n}). */
        public FjpFib(int n) {
            this.n = n;
        }

        @Override
        protected Long compute() {
            if (n < 2) {
                return (long) n;
            }
            FjpFib f1 = new FjpFib(n - 1);
            f1.fork();
            FjpFib f2 = new FjpFib(n - 2);
            return f2.compute() + f1.join();
        }
    }

    /** wsched with the unboxed primitive specialization ({@code Task.spawnLong}/{@code joinLong}). */
    public static long wschedLong(int n) {
        if (n < 2) {
            return n;
        }
        LongTask a = Task.spawnLong(() -> wschedLong(n - 1));
        long b = wschedLong(n - 2);
        return a.joinLong() + b;
    }

    /** ForkJoinPool, unboxed: a {@code RecursiveAction} with a {@code long} result field. */
    public static final class FjpFibLong extends RecursiveAction {
        private final int n;
        /** The value, once computed. */
        public long result;

        /** fib({@code n}), left in {@link #result}. */
        public FjpFibLong(int n) {
            this.n = n;
        }

        @Override
        protected void compute() {
            if (n < 2) {
                result = n;
                return;
            }
            FjpFibLong f1 = new FjpFibLong(n - 1);
            f1.fork();
            FjpFibLong f2 = new FjpFibLong(n - 2);
            f2.compute();
            f1.join();
            result = f1.result + f2.result;
        }
    }
}
