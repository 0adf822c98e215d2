package org.wsched;

/**
 * Measures the tracer's own cost per strand on this JVM: the mean recorded duration of an empty
 * strand. Every strand of a trace contains exactly one such cost (one clock reading and the
 * records around it, see {@link WorkerTrace}), and {@link Trace#of} takes it off. Measured when
 * the first tracing pool of a JVM is built (about 10–50 ms, on the building thread) and refined
 * by every later one (a few rounds, a few milliseconds): the value used is the smallest seen so
 * far. On a shared host the CPU runs at times 1.5 times slower for tens of milliseconds to
 * seconds (docs/profiling.md), which only ever inflates a round, so sampling at many moments
 * finds the undisturbed cost even when the first 50 ms fell into such a phase.
 *
 * <p>How: a scratch {@link WorkerTrace} records rounds of the strand pattern of a task that
 * spawns one child and joins it after running it inline (start, spawn, join, the child's start
 * and end, the join's return, the end: four strands, every boundary kind the runtime records),
 * with nothing inside the strands. The first rounds let the JIT compile the recorder; the result
 * is the smallest mean recorded strand duration of a round.
 */
final class TracerCalibration {

    private static final int ROUNDS = 30;
    /** Rounds each later tracing pool adds. */
    private static final int REFINE_ROUNDS = 3;
    private static final int TASKS_PER_ROUND = 20_000;

    private static volatile double overheadNanos = Double.NaN;

    private TracerCalibration() {
    }

    /**
     * The tracer's mean cost per strand: measured on first use ({@value #ROUNDS} rounds), refined
     * by {@value #REFINE_ROUNDS} more rounds on every later call; the smallest round mean so far.
     * Called once per tracing pool, when it is built.
     *
     * @return nanoseconds per strand, at least 0
     */
    static double calibrate() {
        synchronized (TracerCalibration.class) {
            double v = overheadNanos;
            v = Double.isNaN(v) ? measure(ROUNDS) : Math.min(v, measure(REFINE_ROUNDS));
            overheadNanos = v; // volatile write: pairs with the volatile read in current()
            return v;
        }
    }

    /**
     * The smallest cost measured so far, without measuring.
     *
     * @return nanoseconds per strand, or NaN before the first {@link #calibrate()}
     */
    static double current() {
        return overheadNanos; // volatile read: pairs with the volatile write in calibrate()
    }

    /**
     * Runs {@code rounds} calibration rounds and returns the smallest mean empty-strand duration:
     * each round averages 80,000 strands, so a round is slower only when it ran before the JIT
     * compiled the recorder or was disturbed (JIT or GC threads, another process, a slow phase of
     * the host), never faster.
     */
    static double measure(int rounds) {
        Task<?> parent = Task.create(() -> null, false);
        Task<?> child = Task.create(() -> null, false);
        Task<?> root = Task.create(() -> null, false);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            best = Math.min(best, round(root, parent, child));
        }
        return Math.max(0.0, best);
    }

    private static double round(Task<?> root, Task<?> parent, Task<?> child) {
        WorkerTrace t = new WorkerTrace(0, 1, new java.util.concurrent.atomic.AtomicLong(8L * TASKS_PER_ROUND));
        root.traceId(0);
        t.onStart(root, false);
        for (int i = 0; i < TASKS_PER_ROUND; i++) {
            parent.traceId(0);
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
