package org.wsched;

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
        Scope halves = new Scope(w); // joins the spawned halves newest first, rethrows the first failure
        Throwable failure = null;
        int i = from;
        int hi = to;
        try {
            while (i < hi) {
                if (hi - i >= 2 && pool.shouldSplit(w)) {
                    int mid = i + ((hi - i) >>> 1);
                    int lo2 = mid;
                    int hi2 = hi;
                    halves.spawn(() -> {
                        run(Worker.current(), lo2, hi2, body);
                        return null;
                    });
                    hi = mid;
                    continue;
                }
                body.accept(i++);
            }
        } catch (Throwable t) {
            failure = t;
        }
        halves.joinAll(failure);
    }
}
