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

/** fib(fibN) with no cutoff, unboxed in both runtimes: wsched {@code Task.spawnLong}/{@code joinLong}, FJP a {@code RecursiveAction} with a long field. One op = one fib(fibN). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
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
