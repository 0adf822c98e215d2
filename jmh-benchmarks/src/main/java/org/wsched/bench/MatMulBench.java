package org.wsched.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.wsched.workloads.MatMul;

/** Divide-and-conquer C = A·B, n×n doubles, serial blocks of leaf×leaf. One op = clear C + one multiply. */
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
            new MatMul.FjpMatMul(p, 0, 0, 0, p.n()).invoke();
            return p.checksum();
        }), () -> MatMul.serial(p));
    }

    @Override
    protected void verify() {
        check(last == expected, "matmul(" + matrix + ") checksum " + last + " != " + expected + " on " + impl);
    }
}
