package org.wsched.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.wsched.workloads.Fib;

/** fib(fibN) with no cutoff, unboxed in both runtimes: wsched {@code Task.spawnLong}/{@code joinLong}, FJP a {@code RecursiveAction} with a long field. One op = one fib(fibN). */
public class FibLongBench extends PoolState {

    @Param({"30"})
    public int fibN;

    private long last;

    @Benchmark
    public long fibLong() throws Exception {
        int fibN = this.fibN;
        return last = run(() -> Fib.wschedLong(fibN), ForkJoinTaskAdapter.of(() -> {
            Fib.FjpFibLong t = new Fib.FjpFibLong(fibN);
            t.invoke();
            return t.result;
        }), () -> Fib.serial(fibN));
    }

    @Override
    protected void verify() {
        check(last == Fib.serial(fibN), "fib(" + fibN + ") = " + last + " on " + impl);
    }
}
