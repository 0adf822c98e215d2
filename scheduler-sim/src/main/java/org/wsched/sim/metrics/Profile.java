package org.wsched.sim.metrics;

import org.wsched.sim.graph.EdgeKind;
import org.wsched.sim.graph.TaskGraph;

/**
 * Work, span, burdened span and the Cilkview-style speedup estimate of a task graph, as OpenCilk's
 * Cilkscale reports them for a program, computed by one topological pass over the graph.
 *
 * <p>The burdened span charges {@code burden} ticks to every {@link EdgeKind#CONTINUATION} edge
 * (the parent resuming after a spawn: what a thief takes under continuation stealing, and what
 * migrates when the child is stolen under child stealing) and every {@link EdgeKind#JOIN} edge (a
 * stolen child returning to its parent's sync). Graphs without edge kinds have no such edges:
 * their burdened span equals their span.
 *
 * @param nodes          strands
 * @param edges          edges of every kind
 * @param spawns         {@code spawn} edges
 * @param continuations  {@code continuation} edges
 * @param syncs          {@code join} edges
 * @param work           T1, in ticks of the graph's unit
 * @param span           T∞
 * @param burden         ticks charged per continuation and join edge
 * @param burdenedSpan   the span with the burden charged
 * @param hasKinds       whether the graph has edge kinds at all
 * @param timeUnit       the graph's unit
 */
public record Profile(long nodes, long edges, long spawns, long continuations, long syncs, long work, long span,
                      long burden, long burdenedSpan, boolean hasKinds, String timeUnit) {

    /** OpenCilk's wall-clock burden per migration edge, in nanoseconds (Cilkscale's default). */
    public static final long OPENCILK_BURDEN_NANOS = 6_250L;

    /** Cilkview's constant in the lower estimate T1 / (T1/P + 1.7·(1 − 1/P)·burdened span). */
    public static final double CILKVIEW_FACTOR = 1.7;

    /**
     * The default burden for a graph in {@code unit}: 6,250 for nanoseconds, 0 for anything else
     * (there is no meaningful default for ticks of unknown length).
     */
    public static long defaultBurden(String unit) {
        return "ns".equals(unit) ? OPENCILK_BURDEN_NANOS : 0L;
    }

    /**
     * Profiles {@code g} with {@code burden} ticks per continuation and join edge.
     *
     * @throws IllegalArgumentException if {@code burden} is negative
     */
    public static Profile of(TaskGraph g, long burden) {
        if (burden < 0) {
            throw new IllegalArgumentException("the burden must be >= 0, was " + burden);
        }
        int n = g.nodeCount();
        int[] remaining = g.predecessorCounts();
        long[] start = new long[n];   // longest path ending where v may start
        long[] bstart = new long[n];  // the same with the burden charged
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                queue[tail++] = v;
            }
        }
        long work = 0;
        long span = 0;
        long bspan = 0;
        long spawns = 0;
        long conts = 0;
        long syncs = 0;
        int spawnCode = EdgeKind.SPAWN.code();
        int contCode = EdgeKind.CONTINUATION.code();
        int joinCode = EdgeKind.JOIN.code();
        while (head < tail) {
            int v = queue[head++];
            long c = g.cost(v);
            long end = start[v] + c;
            long bend = bstart[v] + c;
            work += c;
            span = Math.max(span, end);
            bspan = Math.max(bspan, bend);
            for (int i = g.firstSuccessor(v), e = g.endSuccessor(v); i < e; i++) {
                int w = g.successorAt(i);
                int k = g.edgeKindCodeAt(i);
                long b = 0;
                if (k == contCode) {
                    conts++;
                    b = burden;
                } else if (k == joinCode) {
                    syncs++;
                    b = burden;
                } else if (k == spawnCode) {
                    spawns++;
                }
                if (end > start[w]) {
                    start[w] = end;
                }
                if (bend + b > bstart[w]) {
                    bstart[w] = bend + b;
                }
                if (--remaining[w] == 0) {
                    queue[tail++] = w;
                }
            }
        }
        if (tail != n) {
            throw new IllegalStateException("graph has a cycle"); // TaskGraph guarantees acyclicity
        }
        return new Profile(n, g.edgeCount(), spawns, conts, syncs, work, span, burden, bspan, g.hasKinds(),
                g.timeUnit());
    }

    /** T1 / T∞ (0 for a zero-span graph). */
    public double parallelism() {
        return span == 0 ? 0 : (double) work / span;
    }

    /** T1 / burdened span (0 for a zero-span graph). */
    public double burdenedParallelism() {
        return burdenedSpan == 0 ? 0 : (double) work / burdenedSpan;
    }

    /** Cilkview's lower speedup estimate: T1 / (T1/P + 1.7·(1 − 1/P)·burdened span). */
    public double speedupLower(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("processors must be >= 1, was " + p);
        }
        double denom = (double) work / p + CILKVIEW_FACTOR * (1.0 - 1.0 / p) * burdenedSpan;
        return denom == 0 ? 0 : work / denom;
    }

    /** Cilkview's upper speedup estimate: min(P, T1/T∞). */
    public double speedupUpper(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("processors must be >= 1, was " + p);
        }
        return Math.min(p, parallelism());
    }
}
