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

/**
 * UTS T1 (geometric, 4,130,071 nodes) and T3 (binomial, 4,112,897 nodes), one SHA-1 per node,
 * one task per node. One op = one whole tree; a wrong node count fails the trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UtsBench extends PoolState {

    @Param({"T1", "T3"})
    public String tree;

    private Uts.Tree t;
    private long last = -1;

    @Override
    protected void setupProblem() {
        t = Uts.Tree.of(tree);
    }

    @Benchmark
    public long uts() throws Exception {
        Uts.Tree t = this.t;
        long c = run((f, ctx, a) -> Uts.framesNode(f, new Uts.FramesNode(t, t.root()), 0), null, 0L, v -> v,
                () -> Uts.wschedNode(t, t.root(), 0), new Uts.FjpUts(t, null, 0, 0),
                () -> Uts.serial(t, t.root(), 0));
        if (c != t.expectedNodes()) {
            throw new IllegalStateException("WRONG RESULT: UTS " + t.name() + " counted " + c + " nodes on " + impl
                    + ", expected " + t.expectedNodes());
        }
        return last = c;
    }

    @Override
    protected void verify() {
        check(last == t.expectedNodes(), "UTS " + tree + " counted " + last + " on " + impl);
    }
}
