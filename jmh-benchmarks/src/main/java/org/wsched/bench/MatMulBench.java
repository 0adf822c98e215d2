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

/** Divide-and-conquer C = A·B, n×n doubles, serial blocks of leaf×leaf. One op = clear C + one multiply. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MatMulBench extends PoolState {

    @Param({"512"})
    public int matrix;

    @Param({"32"})
    public int leaf;

    private MatMul.Problem p;
    private double expected;
    private double last;

    @Override
    protected void setupProblem() {
        p = new MatMul.Problem(matrix, leaf, 1234);
        expected = MatMul.serial(p);
    }

    @Benchmark
    public double matmul() throws Exception {
        MatMul.Problem p = this.p;
        return last = run(() -> MatMul.wsched(p), ForkJoinTaskAdapter.of(() -> {
            p.clear();
            new MatMul.FjpMatMul(p, 0, 0, 0, p.n).invoke();
            return p.checksum();
        }), () -> MatMul.serial(p));
    }

    @Override
    protected void verify() {
        check(last == expected, "matmul(" + matrix + ") checksum " + last + " != " + expected + " on " + impl);
    }
}
