package org.wsched.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/** fib(fibN) with no cutoff: the spawn/join overhead stress test. One op = one fib(fibN). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
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
