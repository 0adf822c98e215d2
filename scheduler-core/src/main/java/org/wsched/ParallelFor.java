package org.wsched;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * {@link Task#parallelFor} by lazy binary splitting (Tzannes, Caragea, Barua and Vishkin,
 * PPoPP 2010): a worker runs its range sequentially and, whenever its pool says nobody could
 * take work from it ({@link AbstractPool#shouldSplit}: its deque is empty), spawns the upper half
 * of what is left. No grain size; a lone worker spawns only O(log n) tasks.
 */
final class ParallelFor {

    private ParallelFor() {
    }

    static void run(Worker w, int from, int to, IntConsumer body) {
        if (from >= to) {
            return;
        }
        AbstractPool pool = w.pool;
        Task<?>[] spawned = null;
        int n = 0;
        Throwable failure = null;
        int i = from;
        int hi = to;
        try {
            while (i < hi) {
                if (hi - i >= 2 && pool.shouldSplit(w)) {
                    int mid = i + ((hi - i) >>> 1);
                    int lo2 = mid;
                    int hi2 = hi;
                    Task<?> t = pool.spawnCallable(w, () -> {
                        run((Worker) Thread.currentThread(), lo2, hi2, body);
                        return null;
                    });
                    if (spawned == null) {
                        spawned = new Task<?>[8];
                    } else if (n == spawned.length) {
                        spawned = Arrays.copyOf(spawned, n * 2);
                    }
                    spawned[n++] = t;
                    hi = mid;
                    continue;
                }
                body.accept(i++);
            }
        } catch (Throwable t) {
            failure = t;
        }
        for (int k = n - 1; k >= 0; k--) {
            try {
                spawned[k].join();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else if (failure != t) {
                    failure.addSuppressed(t);
                }
            }
        }
        Scope.rethrow(failure);
    }
}
