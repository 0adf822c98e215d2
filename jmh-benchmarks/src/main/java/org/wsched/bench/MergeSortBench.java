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

/** Mergesort of sortSize random ints. One op = copy the input + sort it. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MergeSortBench extends PoolState {

    @Param({"10000000"})
    public int sortSize;

    @Param({"8192"})
    public int cutoff;

    private int[] input;
    private int[] a;
    private int[] tmp;

    @Override
    protected void setupProblem() {
        input = new java.util.SplittableRandom(42).ints(sortSize).toArray();
        a = new int[sortSize];
        tmp = new int[sortSize];
    }

    @Benchmark
    public int mergesort() throws Exception {
        int[] a = this.a;
        int[] tmp = this.tmp;
        int c = cutoff;
        System.arraycopy(input, 0, a, 0, a.length);
        run(MergeSort::frames, new MergeSort.Arrays2(a, tmp, c), a.length, v -> null, () -> {
            MergeSort.wsched(a, tmp, 0, a.length, c);
            return null;
        }, new MergeSort.FjpSort(a, tmp, 0, a.length, c), () -> {
            MergeSort.serial(a, tmp, 0, a.length, c);
            return null;
        });
        return a[a.length >>> 1];
    }

    @Override
    protected void verify() {
        check(MergeSort.isSorted(a), "mergesort output not sorted on " + impl);
    }
}
