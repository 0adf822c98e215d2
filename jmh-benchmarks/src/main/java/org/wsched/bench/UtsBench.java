package org.wsched.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.wsched.workloads.Uts;
import org.wsched.workloads.UtsTree;

/**
 * UTS T1 (geometric, 4,130,071 nodes) and T3 (binomial, 4,112,897 nodes), one SHA-1 per node,
 * one task per node. One op = one whole tree; a wrong node count fails the trial.
 */
public class UtsBench extends PoolState {

    @Param({"T1", "T3"})
    public String tree;

    private UtsTree t;
    private long last = -1;

    @Override
    protected void setupProblem() {
        t = UtsTree.of(tree);
    }

    @Benchmark
    public long uts() throws Exception {
        UtsTree t = this.t;
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
