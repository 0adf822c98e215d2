package org.wsched.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.wsched.workloads.NQueens;

/** N-queens solution count; rows above spawnDepth spawn a task per placement. One op = one count. */
public class NQueensBench extends PoolState {

    @Param({"12"})
    public int queens;

    @Param({"4"})
    public int spawnDepth;

    private long last;

    @Benchmark
    public long nqueens() throws Exception {
        int all = (1 << queens) - 1;
        int d = spawnDepth;
        return last = run(() -> NQueens.wsched(all, 0, 0, 0, 0, d), new NQueens.FjpQueens(all, 0, 0, 0, 0, d),
                () -> NQueens.serial(all, 0, 0, 0));
    }

    @Override
    protected void verify() {
        check(last == NQueens.SOLUTIONS[queens], "nqueens(" + queens + ") = " + last + " on " + impl);
    }
}
