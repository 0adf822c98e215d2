package org.wsched;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.wsched.dag.Csr;
import org.wsched.dag.DagFormat;
import org.wsched.dag.DagTotals;
import org.wsched.dag.DagWriter;
import org.wsched.dag.KahnPass;

/**
 * The task graph of a traced run: every task split into strands at its spawns and joins, with
 * measured durations, and the spawn, continuation and join edges between strands. Get it from
 * {@link WorkStealingPool#trace()} or {@link CentralizedPool#trace()} of a pool built with
 * {@code tracing(true)}, profile it here, or write it for the simulator:
 *
 * <pre>{@code
 * try (WorkStealingPool pool = WorkStealingPool.builder().tracing(true).build()) {
 *     pool.invoke(() -> fib(25));
 *     Trace trace = pool.trace();
 *     System.out.println(trace.profile().report());
 *     trace.writeDag(Path.of("fib.dag.gz"));   // wsched-sim profile --dag trace:fib.dag.gz
 * }
 * }</pre>
 */
public final class Trace {

    private final int parallelism;
    private final String scheduler;
    private final long[] cost;
    private final int[] from;
    private final int[] to;
    private final byte[] kind;
    private final long spawns;
    private final long syncs;
    private final double tracerOverheadNanos;

    private Trace(String scheduler, int parallelism, long[] cost, int[] from, int[] to, byte[] kind,
                  long spawns, long syncs, double tracerOverheadNanos) {
        this.tracerOverheadNanos = tracerOverheadNanos;
        this.scheduler = scheduler;
        this.parallelism = parallelism;
        this.cost = cost;
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.spawns = spawns;
        this.syncs = syncs;
    }

    /**
     * Builds the graph from the workers' records; the pool must be quiescent.
     *
     * @param tracerOverheadNanos the tracer's mean cost per strand ({@link TracerCalibration}),
     *     taken off the recorded durations
     */
    static Trace of(String scheduler, int parallelism, WorkerTrace[] traces, double tracerOverheadNanos,
            long budgetStrands) {
        int maxTask = 0;
        long recorded = 0;
        long dropped = 0;
        boolean truncated = false;
        boolean idsExhausted = false;
        for (WorkerTrace t : traces) {
            truncated |= t.publishedTruncated;
            idsExhausted |= t.publishedIdsExhausted;
            dropped += t.publishedDroppedStrands;
            for (long i = 0; i < t.publishedSize; i += 2) {
                if (WorkerTrace.isStrand(WorkerTrace.type(t.publishedAt(i)))) {
                    recorded++;
                }
            }
        }
        if (idsExhausted) {
            throw new IllegalStateException("the trace was truncated: the run had more than " + Task.MAX_TRACE_ID
                    + " tasks, the most one trace can number; trace a smaller run (e.g. a smaller input size)");
        }
        if (truncated) {
            throw new IllegalStateException("the trace exceeded its budget and was truncated: it needed at least "
                    + (recorded + dropped) + " strands (" + recorded + " recorded, " + dropped + " dropped) "
                    + "where traceBudget(" + budgetStrands + ") allows about " + budgetStrands + " for the whole pool; "
                    + "build the pool with traceBudget(" + Math.max(2 * (recorded + dropped), budgetStrands + 1)
                    + ") or more, or trace a smaller run");
        }
        for (WorkerTrace t : traces) {
            for (long i = 0; i < t.publishedSize; i += 2) {
                maxTask = Math.max(maxTask, WorkerTrace.task(t.publishedAt(i)));
                int ty = WorkerTrace.type(t.publishedAt(i));
                if (ty == WorkerTrace.SPAWN || ty == WorkerTrace.JOIN) {
                    maxTask = (int) Math.max(maxTask, t.publishedAt(i + 1));
                }
            }
        }
        int[] strandsOf = new int[maxTask + 1];
        for (WorkerTrace t : traces) {
            for (long i = 0; i < t.publishedSize; i += 2) {
                int ty = WorkerTrace.type(t.publishedAt(i));
                if (WorkerTrace.isStrand(ty)) {
                    int task = WorkerTrace.task(t.publishedAt(i));
                    strandsOf[task] = Math.max(strandsOf[task], WorkerTrace.strand(t.publishedAt(i)) + 1);
                }
            }
        }
        int[] base = new int[maxTask + 2];
        long total = 0;
        for (int k = 0; k <= maxTask; k++) {
            base[k] = (int) total;
            total += strandsOf[k];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("the trace has more than 2^31 strands; trace a smaller run");
            }
        }
        base[maxTask + 1] = (int) total;
        int n = (int) total;
        long[] cost = new long[n];
        boolean[] afterSpawn = new boolean[n];
        long edges = 0;
        long spawns = 0;
        long syncs = 0;
        for (WorkerTrace t : traces) {
            // The tracer's own cost is in every strand: take it off each, in the order the worker
            // recorded them; what a short strand cannot give (its cost would go below zero) is
            // carried to the worker's next strands, so a worker's total loses exactly its
            // strand count times the overhead (or all it has), and rounding does not add up.
            double owed = 0;
            for (long i = 0; i < t.publishedSize; i += 2) {
                long h = t.publishedAt(i);
                int ty = WorkerTrace.type(h);
                int node = base[WorkerTrace.task(h)] + WorkerTrace.strand(h);
                if (WorkerTrace.isStrand(ty)) {
                    double raw = Math.max(0L, t.publishedAt(i + 1));
                    double left = raw - tracerOverheadNanos - owed;
                    long kept = left <= 0 ? 0L : Math.round(left);
                    owed = kept - left; // the deficit, or the rounding carried on
                    cost[node] = kept;
                    afterSpawn[node] = ty == WorkerTrace.STRAND_AFTER_SPAWN;
                } else if (strandsOf[(int) t.publishedAt(i + 1)] > 0) {
                    edges++;
                    if (ty == WorkerTrace.SPAWN) {
                        spawns++;
                    } else {
                        syncs++;
                    }
                }
            }
        }
        edges += n;
        int[] from = new int[(int) edges];
        int[] to = new int[(int) edges];
        byte[] kind = new byte[(int) edges];
        int e = 0;
        for (int k = 0; k <= maxTask; k++) {
            for (int s = 0; s + 1 < strandsOf[k]; s++) {
                int node = base[k] + s;
                from[e] = node;
                to[e] = node + 1;
                kind[e++] = afterSpawn[node] ? DagFormat.CONTINUATION : DagFormat.SERIAL;
            }
        }
        for (WorkerTrace t : traces) {
            for (long i = 0; i < t.publishedSize; i += 2) {
                long h = t.publishedAt(i);
                int ty = WorkerTrace.type(h);
                if (ty != WorkerTrace.SPAWN && ty != WorkerTrace.JOIN) {
                    continue;
                }
                int other = (int) t.publishedAt(i + 1);
                if (strandsOf[other] == 0) {
                    continue; // a child that never ran (cancelled)
                }
                int here = base[WorkerTrace.task(h)] + WorkerTrace.strand(h);
                if (ty == WorkerTrace.SPAWN) {
                    from[e] = here;
                    to[e] = base[other];
                    kind[e++] = DagFormat.SPAWN;
                } else {
                    from[e] = base[other] + strandsOf[other] - 1;
                    to[e] = here;
                    kind[e++] = DagFormat.JOIN;
                }
            }
        }
        return new Trace(scheduler, parallelism, cost, trim(from, e), trim(to, e), trim(kind, e), spawns, syncs,
                tracerOverheadNanos);
    }

    private static int[] trim(int[] a, int n) {
        return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }

    private static byte[] trim(byte[] a, int n) {
        return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }

    /**
     * The number of strands (nodes).
     *
     * @return strands
     */
    public int strands() {
        return cost.length;
    }

    /**
     * The tracer's own cost per strand that was taken off the recorded durations: the mean
     * duration of an empty strand on this JVM (a clock reading and a record or two, typically
     * 15–40 ns), as calibrated when this trace's pool was built (measured by the JVM's first
     * tracing pool and refined by every later one; the smallest value seen).
     *
     * @return nanoseconds per strand
     */
    public double tracerOverheadNanos() {
        return tracerOverheadNanos;
    }

    /** The recorded duration of one strand, in ns (for tests). */
    long costOf(int strand) {
        return cost[strand];
    }

    /**
     * The number of edges of every kind.
     *
     * @return edges
     */
    public int edges() {
        return from.length;
    }

    /**
     * Work, span and parallelism with OpenCilk's default burden ({@link TraceProfile#DEFAULT_BURDEN_NANOS}
     * per edge).
     *
     * @return the profile
     */
    public TraceProfile profile() {
        return profile(TraceProfile.DEFAULT_BURDEN_NANOS);
    }

    /**
     * Work, span, parallelism and burdened span.
     *
     * @param burdenNanos the cost charged to every continuation edge after a spawn and every join
     *     edge (the worst-case price of migrating work), at least 0
     * @return the profile
     * @throws IllegalArgumentException if {@code burdenNanos} is negative
     * @throws IllegalStateException if the recorded graph has a cycle (a recorder bug)
     */
    public TraceProfile profile(long burdenNanos) {
        DagTotals t = KahnPass.totals(cost, Csr.of(cost.length, from.length, from, to, kind), burdenNanos);
        if (!t.acyclic()) {
            throw new IllegalStateException("the recorded graph has a cycle (" + t.unordered()
                    + " strands unreachable in topological order): please report this as a wsched bug");
        }
        return new TraceProfile(cost.length, spawns, syncs, t.work(), t.span(), burdenNanos, t.burdenedSpan());
    }

    /**
     * Writes the graph in the simulator's {@code wsched-dag} format, version 1 ({@link DagWriter}),
     * with costs in nanoseconds; a path ending in {@code .gz} is gzip-compressed.
     *
     * @param path the file to write (replaced if it exists)
     * @throws IOException if writing fails
     */
    public void writeDag(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try (DagWriter w = DagWriter.create(path)) {
            w.comment("recorded by wsched tracing: " + scheduler + " pool, parallelism " + parallelism);
            w.comment(String.format(Locale.ROOT, "tracer overhead removed: %.1f ns per strand (calibrated)",
                    tracerOverheadNanos));
            w.unit("ns");
            w.nodes(cost.length);
            for (int v = 0; v < cost.length; v++) {
                w.node(v, cost[v]);
            }
            for (int e = 0; e < from.length; e++) {
                w.edge(from[e], to[e], kind[e]);
            }
            w.end();
        }
    }

    @Override
    public String toString() {
        return "Trace[" + strands() + " strands, " + edges() + " edges, " + spawns + " spawns, " + syncs + " syncs]";
    }
}
