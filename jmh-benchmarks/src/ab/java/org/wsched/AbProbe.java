package org.wsched;

import java.util.function.LongSupplier;
import org.wsched.workloads.Fib;

/**
 * One fib(30) per call on a pool of the wsched build that loaded this class; returns
 * nanoseconds. The programs are the benchmarks' own ({@code org.wsched.workloads.Fib}: plain,
 * unboxed and frames), loaded with this class by the build's class loader; both use the public
 * API only, so they run on any build. Compiled by {@code jmh-benchmarks/same-jvm-ab}, loaded by
 * {@code org.wsched.bench.SameJvmAB} once per build.
 */
public final class AbProbe implements LongSupplier {

    private final WorkStealingPool pool;
    private final String what;

    public AbProbe(int parallelism, String what) {
        this.pool = WorkStealingPool.builder().parallelism(parallelism).build();
        this.what = what;
    }

    @Override
    public long getAsLong() {
        long t0 = System.nanoTime();
        long v = switch (what) {
            case "long" -> pool.invoke(() -> Fib.wschedLong(30));
            case "frames" -> pool.invokeLong(Fib::frames, null, 30);
            default -> pool.invoke(() -> Fib.wsched(30));
        };
        long t = System.nanoTime() - t0;
        if (v != 832040) {
            throw new IllegalStateException("WRONG RESULT: fib(30) = " + v);
        }
        return t;
    }
}
