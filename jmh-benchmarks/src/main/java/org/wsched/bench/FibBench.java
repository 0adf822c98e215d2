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

/** fib(n) with no cutoff: the spawn/join overhead stress test. One op = one fib(n). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FibBench extends PoolState {

    @Param({"30"})
    public int n;

    private long last;

    @Benchmark
    public long fib() throws Exception {
        int n = this.n;
        return last = run(() -> Fib.wsched(n), new Fib.FjpFib(n), () -> Fib.serial(n));
    }

    @Override
    protected void verify() {
        check(last == Fib.serial(n), "fib(" + n + ") = " + last + " on " + impl);
    }
}
