package org.wsched.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.wsched.workloads.Fib;

/** fib(fibN) with no cutoff: the spawn/join overhead stress test. One op = one fib(fibN). */
public class FibBench extends PoolState {

    @Param({"30"})
    public int fibN;

    private long last;

    @Benchmark
    public long fib() throws Exception {
        int fibN = this.fibN;
        return last = run(kind == Impl.FRAMES_FC ? Fib::framesFastClone : Fib::frames, null, fibN, v -> v,
                () -> Fib.wsched(fibN), new Fib.FjpFib(fibN), () -> Fib.serial(fibN));
    }

    @Override
    protected void verify() {
        check(last == Fib.serial(fibN), "fib(" + fibN + ") = " + last + " on " + impl);
    }
}
