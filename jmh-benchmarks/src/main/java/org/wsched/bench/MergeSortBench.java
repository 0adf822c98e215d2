package org.wsched.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.wsched.workloads.MergeSort;

/** Mergesort of sortSize random ints. One op = copy the input + sort it. */
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
