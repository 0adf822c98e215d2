package org.wsched.sim.metrics;

import org.wsched.dag.Cilkview;
import org.wsched.dag.DagTotals;
import org.wsched.dag.KahnPass;
import org.wsched.dag.SpanProfile;
import org.wsched.sim.graph.EdgeKind;
import org.wsched.sim.graph.TaskGraph;

/**
 * Work, span, burdened span and the Cilkview-style speedup estimate of a task graph, as OpenCilk's
 * Cilkscale reports them for a program, computed by the one topological pass ({@link KahnPass}), with
 * the estimate and constants of {@link Cilkview} (the estimates themselves: {@link SpanProfile}).
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
                      long burden, long burdenedSpan, boolean hasKinds, String timeUnit)
        implements SpanProfile {

    /**
     * The default burden for a graph in {@code unit}: OpenCilk's 6,250 for nanoseconds
     * ({@link Cilkview#OPENCILK_BURDEN_NANOS}), 0 for anything else (there is no meaningful default
     * for ticks of unknown length).
     */
    public static long defaultBurden(String unit) {
        return "ns".equals(unit) ? Cilkview.OPENCILK_BURDEN_NANOS : 0L;
    }

    /**
     * Profiles {@code g} with {@code burden} ticks per continuation and join edge.
     *
     * @throws IllegalArgumentException if {@code burden} is negative
     */
    public static Profile of(TaskGraph g, long burden) {
        DagTotals t = g.totals(burden);
        return new Profile(t.nodes(), g.edgeCount(), t.spawns(), t.continuations(), t.joins(), t.work(), t.span(),
                burden, t.burdenedSpan(), g.hasKinds(), g.timeUnit());
    }
}
