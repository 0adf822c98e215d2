package org.wsched;

/**
 * Measures the tracer's own cost per strand on this JVM: the mean recorded duration of an empty
 * strand. Every strand of a trace contains exactly one such cost (one clock reading and the
 * records around it, see {@link WorkerTrace}), and {@link Trace#of} takes it off. Measured once
 * per JVM, when the first tracing pool is built (about 10–50 ms), on the building thread.
 *
 * <p>How: a scratch {@link WorkerTrace} records rounds of the strand pattern of a task that
 * spawns one child and joins it after running it inline (start, spawn, join, the child's start
 * and end, the join's return, the end: four strands, every boundary kind the runtime records),
 * with nothing inside the strands. The first rounds let the JIT compile the recorder; the result
 * is the smallest mean recorded strand duration of a round.
 */
final class TracerCalibration {

    private static final int ROUNDS = 30;
    private static final int TASKS_PER_ROUND = 20_000;

    private static volatile double overheadNanos = Double.NaN;

    private TracerCalibration() {
    }

    /**
     * The tracer's mean cost per strand, measured on first use.
     *
     * @return nanoseconds per strand, at least 0
     */
    static double overheadNanos() {
        double v = overheadNanos; // volatile read: pairs with the volatile write below
        if (Double.isNaN(v)) {
            synchronized (TracerCalibration.class) {
                v = overheadNanos;
                if (Double.isNaN(v)) {
                    v = measure();
                    overheadNanos = v; // volatile write: pairs with the volatile read above
                }
            }
        }
        return v;
    }

    /**
     * Runs the calibration rounds and returns the smallest mean empty-strand duration: each round
     * averages 80,000 strands, so a round is slower only when it ran before the JIT compiled the
     * recorder or was disturbed (JIT or GC threads, another process), never faster.
     */
    static double measure() {
        Task<?> parent = Task.create(() -> null, false);
        Task<?> child = Task.create(() -> null, false);
        Task<?> root = Task.create(() -> null, false);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < ROUNDS; r++) {
            best = Math.min(best, round(root, parent, child));
        }
        return Math.max(0.0, best);
    }

    private static double round(Task<?> root, Task<?> parent, Task<?> child) {
        WorkerTrace t = new WorkerTrace(0, 1, 8L * TASKS_PER_ROUND);
        root.traceId = 0;
        t.onStart(root, false);
        for (int i = 0; i < TASKS_PER_ROUND; i++) {
            parent.traceId = 0;
            t.onStart(parent, true);
            t.onSpawn(child);
            t.onJoinEnter();
            t.onStart(child, true);
            t.onEnd();
            t.onJoinExit(child);
            t.onEnd();
        }
        t.onEnd();
        long sum = 0;
        long strands = 0;
        for (long i = 0; i < t.publishedSize; i += 2) {
            int type = WorkerTrace.type(t.publishedAt(i));
            if (WorkerTrace.isStrand(type)) {
                sum += t.publishedAt(i + 1);
                strands++;
            }
        }
        return strands == 0 ? 0.0 : (double) sum / strands;
    }
}
