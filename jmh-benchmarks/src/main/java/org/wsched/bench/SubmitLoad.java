package org.wsched.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Recorder;

/**
 * The external-submission workload, one definition for {@link SubmitBench} (JMH) and
 * {@link SubmitPhases} (outside JMH): producer threads each submit tiny tasks to the pool under
 * test and wait for all their futures; a task reads the clock and, when given a recorder, records
 * its submit-to-start delay in it (one recorder shared by every task).
 */
final class SubmitLoad {

    /** Where the tasks' values go, so that no clock read can be left out as unused. */
    static volatile long sink;

    private SubmitLoad() {
    }

    /** {@code n} daemon producer threads. */
    static ExecutorService producers(int n) {
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "producer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One producer's share of a batch: submits {@code n} tasks to {@code target}, then waits for
     * every one.
     *
     * @param rec the recorder of submit-to-start delays, or null for bare tasks (a clock read only)
     * @return how many tasks completed ({@code n})
     */
    static long produce(ExecutorService target, Recorder rec, int n) throws Exception {
        @SuppressWarnings("unchecked")
        Future<Long>[] fs = (Future<Long>[]) new Future<?>[n];
        for (int i = 0; i < n; i++) {
            long submitted = System.nanoTime();
            fs[i] = target.submit(() -> {
                long started = System.nanoTime();
                if (rec != null) {
                    rec.recordValue(Math.max(0L, started - submitted));
                }
                return started & 1; // 0 or 1: a cached Long, no allocation for the result
            });
        }
        long done = 0;
        long sum = 0;
        for (Future<Long> f : fs) {
            sum += f.get();
            done++;
        }
        sink = sum;
        return done;
    }
}
