package org.wsched.sim.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wsched.sim.metrics.Profile;
import org.wsched.sim.util.KeyValues;

/**
 * The {@code profile} report of one graph: work, span, parallelism, burdened span and
 * parallelism, strands, spawns and syncs, and the Cilkview-style speedup range for
 * P = 1, 2, 4 … 1024, as a table or as JSON.
 *
 * @param dag            the dag spec as given
 * @param header         the header comments of the graph's file (empty for a generated graph)
 * @param profile        the graph's profile
 * @param strandOverhead ticks taken off every strand before profiling
 * @param note           what the reader should know about the numbers, or null
 */
public record ProfileReport(String dag, List<String> header, Profile profile, long strandOverhead, String note) {
    private static final int MAX_PROCS = 1024;

    /**
     * The report of {@code p}, with a note if its burdened span says nothing: the graph has no
     * edge kinds, or no burden was given and its unit has no default.
     *
     * @param burdenGiven whether the burden was given rather than the unit's default
     */
    public static ProfileReport of(String dag, List<String> header, Profile p, long strandOverhead,
                                   boolean burdenGiven) {
        String note = !p.hasKinds()
                ? "the graph has no edge kinds (no continuation or join edges): burdened span equals span"
                : !burdenGiven && p.burden() == 0 ? "no default burden for unit '" + p.timeUnit()
                        + "': give --burden in that unit" : null;
        return new ProfileReport(dag, header, p, strandOverhead, note);
    }

    /** Prints the report as a table, or as JSON. */
    public void print(OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.JSON) {
            format.print(out, toMap());
        } else {
            out.print(table());
        }
    }

    /** The JSON keys and values, in order. */
    public Map<String, Object> toMap() {
        Profile p = profile;
        Map<String, Object> m = KeyValues.of("dag", dag, "header", header, "timeUnit", p.timeUnit(),
                "strandOverhead", strandOverhead, "strands", p.nodes(), "edges", p.edges(), "spawns", p.spawns(),
                "continuations", p.continuations(), "syncs", p.syncs(), "work", p.work(), "span", p.span(),
                "parallelism", p.parallelism(), "burden", p.burden(), "burdenedSpan", p.burdenedSpan(),
                "burdenedParallelism", p.burdenedParallelism(), "spawnTreeKinds", p.hasKinds());
        if (note != null) {
            m.put("note", note);
        }
        List<Map<String, Object>> est = new ArrayList<>();
        for (int procs = 1; procs <= MAX_PROCS; procs *= 2) {
            est.add(KeyValues.of("procs", procs, "speedupLower", p.speedupLower(procs),
                    "speedupUpper", p.speedupUpper(procs)));
        }
        m.put("speedupEstimate", est);
        return m;
    }

    /** The human-readable report. */
    public String table() {
        Profile p = profile;
        StringBuilder sb = new StringBuilder();
        String u = p.timeUnit();
        line(sb, "dag", dag);
        for (String c : header) {
            line(sb, "header", c);
        }
        if (strandOverhead > 0) {
            line(sb, "strand overhead", String.format(Locale.ROOT, "%,d %s taken off every strand", strandOverhead, u));
        }
        line(sb, "strands", String.format(Locale.ROOT, "%,d", p.nodes()));
        line(sb, "spawns / syncs", String.format(Locale.ROOT, "%,d / %,d", p.spawns(), p.syncs()));
        line(sb, "work (T1)", time(p.work(), u));
        line(sb, "span (T∞)", time(p.span(), u));
        line(sb, "parallelism", String.format(Locale.ROOT, "%,.2f", p.parallelism()));
        line(sb, "burdened span", String.format(Locale.ROOT, "%s (burden %,d %s per continuation and join edge)",
                time(p.burdenedSpan(), u), p.burden(), u));
        line(sb, "burdened parallelism", String.format(Locale.ROOT, "%,.2f", p.burdenedParallelism()));
        if (note != null) {
            sb.append("note: ").append(note).append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%n%6s  %s%n", "P", "speedup estimate (Cilkview: lower .. upper)"));
        for (int procs = 1; procs <= MAX_PROCS; procs *= 2) {
            sb.append(String.format(Locale.ROOT, "%6d  %8.2f .. %8.2f%n", procs, p.speedupLower(procs),
                    p.speedupUpper(procs)));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-22s%s%n", key, value));
    }

    private static String time(long ticks, String unit) {
        if ("ns".equals(unit)) {
            return String.format(Locale.ROOT, "%,.3f ms (%,d ns)", ticks / 1e6, ticks);
        }
        return String.format(Locale.ROOT, "%,d %s", ticks, unit);
    }
}
