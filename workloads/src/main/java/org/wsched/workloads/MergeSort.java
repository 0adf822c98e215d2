package org.wsched.workloads;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;
import org.wsched.Frames;
import org.wsched.Task;

/**
 * Top-down mergesort of an {@code int[]}: halves sorted in parallel, merged sequentially into a
 * buffer and copied back; ranges of at most {@code cutoff} elements use {@link Arrays#sort}.
 */
public final class MergeSort {

    private MergeSort() {
    }

    /** Serial. */
    public static void serial(int[] a, int[] tmp, int lo, int hi, int cutoff) {
        if (hi - lo <= cutoff) {
            Arrays.sort(a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        serial(a, tmp, lo, mid, cutoff);
        serial(a, tmp, mid, hi, cutoff);
        merge(a, tmp, lo, mid, hi);
    }

    /** wsched: a scope spawning the left half, the right half inline, then merge. */
    public static void wsched(int[] a, int[] tmp, int lo, int hi, int cutoff) {
        if (hi - lo <= cutoff) {
            Arrays.sort(a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        Task.scope(s -> {
            s.spawn(() -> wsched(a, tmp, lo, mid, cutoff));
            wsched(a, tmp, mid, hi, cutoff);
        });
        merge(a, tmp, lo, mid, hi);
    }

    /** What a frames sort job needs besides its range (one object per sort). */
    public record Arrays2(int[] a, int[] tmp, int cutoff) {
    }

    /** wsched frames: ctx = {@link Arrays2}, arg = lo &lt;&lt; 32 | hi; spawn the left half, sort the right, sync, merge. */
    public static long frames(Frames f, Object ctx, long range) {
        Arrays2 c = (Arrays2) ctx;
        int lo = (int) (range >>> 32);
        int hi = (int) range;
        if (hi - lo <= c.cutoff()) {
            Arrays.sort(c.a(), lo, hi);
            return 0;
        }
        int mid = (lo + hi) >>> 1;
        f.spawn(MergeSort::frames, ctx, (long) lo << 32 | mid);
        frames(f, ctx, (long) mid << 32 | hi);
        f.sync();
        merge(c.a(), c.tmp(), lo, mid, hi);
        return 0;
    }

    static void merge(int[] a, int[] tmp, int lo, int mid, int hi) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            int x = a[i];
            int y = a[j];
            if (y < x) {
                tmp[k++] = y;
                j++;
            } else {
                tmp[k++] = x;
                i++;
            }
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    /** ForkJoinPool: fork the left half, compute the right, join, merge. */
    public static final class FjpSort extends RecursiveAction {
        private final int[] a;
        private final int[] tmp;
        private final int lo;
        private final int hi;
        private final int cutoff;

        /** Sorts {@code a[lo, hi)} with {@code tmp} (at least as long) as merge buffer. */
        public FjpSort(int[] a, int[] tmp, int lo, int hi, int cutoff) {
            this.a = a;
            this.tmp = tmp;
            this.lo = lo;
            this.hi = hi;
            this.cutoff = cutoff;
        }

        @Override
        protected void compute() {
            if (hi - lo <= cutoff) {
                Arrays.sort(a, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            FjpSort left = new FjpSort(a, tmp, lo, mid, cutoff);
            left.fork();
            new FjpSort(a, tmp, mid, hi, cutoff).compute();
            left.join();
            merge(a, tmp, lo, mid, hi);
        }
    }

    /** Whether {@code a} is sorted ascending. */
    public static boolean isSorted(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] > a[i]) {
                return false;
            }
        }
        return true;
    }
}
