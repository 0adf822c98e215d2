package org.wsched;

import java.util.function.LongSupplier;

/**
 * One fib(30) per call on a pool of the wsched build that loaded this class, written with the
 * public API only (so it compiles against any build); returns nanoseconds. Compiled by
 * {@code jmh-benchmarks/same-jvm-ab}, loaded by {@code org.wsched.bench.SameJvmAB} once per build.
 * The three programs are those of FibBench, FibLongBench and the frames fib.
 */
public final class AbProbe implements LongSupplier {

    private final WorkStealingPool pool;
    private final String what;

    public AbProbe(int parallelism, String what) {
        this.pool = WorkStealingPool.builder().parallelism(parallelism).build();
        this.what = what;
    }

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        Task<Long> a = Task.spawn(() -> fib(n - 1));
        long b = fib(n - 2);
        return a.join() + b;
    }

    static long fibLong(int n) {
        if (n < 2) {
            return n;
        }
        LongTask a = Task.spawnLong(() -> fibLong(n - 1));
        long b = fibLong(n - 2);
        return a.joinLong() + b;
    }

    static long fibFrames(Frames f, Object ctx, long n) {
        if (n < 2) {
            return n;
        }
        f.spawn(AbProbe::fibFrames, ctx, n - 1);
        long b = fibFrames(f, ctx, n - 2);
        return f.sync() + b;
    }

    @Override
    public long getAsLong() {
        long t0 = System.nanoTime();
        long v = switch (what) {
            case "long" -> pool.invoke(() -> fibLong(30));
            case "frames" -> pool.invokeLong(AbProbe::fibFrames, null, 30);
            default -> pool.invoke(() -> fib(30));
        };
        long t = System.nanoTime() - t0;
        if (v != 832040) {
            throw new IllegalStateException("WRONG RESULT: fib(30) = " + v);
        }
        return t;
    }
}
