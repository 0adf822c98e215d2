package org.wsched.workloads;

import java.util.concurrent.RecursiveTask;
import org.wsched.Task;

/**
 * N-queens solution count (bitmask search). Rows above {@code spawnDepth} spawn one task per
 * legal placement; deeper rows run serially (the same cutoff in every variant).
 */
public final class NQueens {

    private NQueens() {
    }

    /** Known solution counts, index n. */
    public static final long[] SOLUTIONS = {1, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200, 73712, 365596, 2279184};

    /** Serial count of completions below {@code row}. */
    public static long serial(int all, int cols, int d1, int d2) {
        if (cols == all) {
            return 1;
        }
        long count = 0;
        int avail = all & ~(cols | d1 | d2);
        while (avail != 0) {
            int bit = avail & -avail;
            avail ^= bit;
            count += serial(all, cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >>> 1);
        }
        return count;
    }

    /** wsched: spawn all placements but the last, run the last inline, join newest first. */
    public static long wsched(int all, int cols, int d1, int d2, int row, int spawnDepth) {
        if (row >= spawnDepth || cols == all) {
            return serial(all, cols, d1, d2);
        }
        int avail = all & ~(cols | d1 | d2);
        int k = Integer.bitCount(avail);
        if (k == 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        Task<Long>[] children = (Task<Long>[]) new Task<?>[k - 1];
        for (int c = 0; c < k - 1; c++) {
            int bit = avail & -avail;
            avail ^= bit;
            int nc = cols | bit;
            int n1 = ((d1 | bit) << 1) & all;
            int n2 = (d2 | bit) >>> 1;
            children[c] = Task.spawn(() -> wsched(all, nc, n1, n2, row + 1, spawnDepth));
        }
        int bit = avail;
        long count = wsched(all, cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >>> 1, row + 1, spawnDepth);
        for (int c = k - 2; c >= 0; c--) {
            count += children[c].join();
        }
        return count;
    }

    /** ForkJoinPool: fork all placements but the last, compute the last, join newest first. */
    public static final class FjpQueens extends RecursiveTask<Long> {
        private final int all;
        private final int cols;
        private final int d1;
        private final int d2;
        private final int row;
        private final int spawnDepth;

        /** The completions below {@code row}, spawning above {@code spawnDepth} (as {@link NQueens#wsched}). */
        public FjpQueens(int all, int cols, int d1, int d2, int row, int spawnDepth) {
            this.all = all;
            this.cols = cols;
            this.d1 = d1;
            this.d2 = d2;
            this.row = row;
            this.spawnDepth = spawnDepth;
        }

        @Override
        protected Long compute() {
            if (row >= spawnDepth || cols == all) {
                return serial(all, cols, d1, d2);
            }
            int avail = all & ~(cols | d1 | d2);
            int k = Integer.bitCount(avail);
            if (k == 0) {
                return 0L;
            }
            FjpQueens[] children = new FjpQueens[k - 1];
            for (int c = 0; c < k - 1; c++) {
                int bit = avail & -avail;
                avail ^= bit;
                children[c] = new FjpQueens(all, cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >>> 1, row + 1, spawnDepth);
                children[c].fork();
            }
            int bit = avail;
            long count = new FjpQueens(all, cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >>> 1, row + 1, spawnDepth).compute();
            for (int c = k - 2; c >= 0; c--) {
                count += children[c].join();
            }
            return count;
        }
    }
}
