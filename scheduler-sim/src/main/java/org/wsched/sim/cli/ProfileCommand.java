package org.wsched.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wsched.sim.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profile --dag SPEC}: work, span, parallelism, burdened span and burdened parallelism,
 * strands, spawns and syncs, and the Cilkview-style speedup range for P = 1, 2, 4 … 1024.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Prints work, span, parallelism, burdened span and parallelism, strands, spawns, syncs and "
                + "the Cilkview speedup estimate T1/(T1/P + 1.7(1-1/P)*burdened span) .. min(P, T1/T-inf) for "
                + "P = 1, 2, 4 .. 1024 (typically for a recorded trace: --dag trace:PATH).")
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "SPEC",
            description = "The task graph, usually trace:PATH (a wsched-dag file written by Trace.writeDag); "
                    + "'wsched-sim list' shows every form.")
    String dag;

    @Option(names = "--burden", paramLabel = "TICKS",
            description = "Burden charged to every continuation edge after a spawn and every join edge, in the "
                    + "graph's unit (default: 6250 for a graph in ns, OpenCilk's wall-clock burden; 0 otherwise).")
    Long burden;

    @Option(names = "--strand-overhead", defaultValue = "0", paramLabel = "TICKS|min",
            description = StrandOverhead.DESCRIPTION)
    String strandOverhead;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        Args.check(spec, format.equals("table") || format.equals("json"),
                "Invalid value for option '--format': '" + format + "'; valid: table, json");
        Args.check(spec, burden == null || burden >= 0,
                "Invalid value for option '--burden': must be >= 0, was " + burden);
        TaskGraph g = DagSpecs.load(dag);
        long overhead = StrandOverhead.value(spec, g, strandOverhead);
        g = g.withCostsReducedBy(overhead);
        long b = burden != null ? burden : Profile.defaultBurden(g.timeUnit());
        Profile p = Profile.of(g, b);
        List<String> comments = DagSpecs.headerComments(dag);
        String note = !p.hasKinds()
                ? "the graph has no edge kinds (no continuation or join edges): burdened span equals span"
                : burden == null && b == 0 ? "no default burden for unit '" + p.timeUnit()
                        + "': give --burden in that unit" : null;

        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dag", dag);
            m.put("header", comments);
            m.put("timeUnit", p.timeUnit());
            m.put("strandOverhead", overhead);
            m.put("strands", p.nodes());
            m.put("edges", p.edges());
            m.put("spawns", p.spawns());
            m.put("continuations", p.continuations());
            m.put("syncs", p.syncs());
            m.put("work", p.work());
            m.put("span", p.span());
            m.put("parallelism", p.parallelism());
            m.put("burden", p.burden());
            m.put("burdenedSpan", p.burdenedSpan());
            m.put("burdenedParallelism", p.burdenedParallelism());
            m.put("spawnTreeKinds", p.hasKinds());
            if (note != null) {
                m.put("note", note);
            }
            List<Map<String, Object>> est = new ArrayList<>();
            for (int procs = 1; procs <= 1024; procs *= 2) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("procs", procs);
                e.put("speedupLower", p.speedupLower(procs));
                e.put("speedupUpper", p.speedupUpper(procs));
                est.add(e);
            }
            m.put("speedupEstimate", est);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out.print(table(dag, comments, p, overhead, note));
        }
        out.flush();
        return 0;
    }

    /** The human-readable report. */
    static String table(String dag, List<String> comments, Profile p, long overhead, String note) {
        StringBuilder sb = new StringBuilder();
        String u = p.timeUnit();
        sb.append(String.format(Locale.ROOT, "%-22s%s%n", "dag", dag));
        for (String c : comments) {
            sb.append(String.format(Locale.ROOT, "%-22s%s%n", "header", c));
        }
        if (overhead > 0) {
            sb.append(String.format(Locale.ROOT, "%-22s%,d %s taken off every strand%n", "strand overhead", overhead, u));
        }
        sb.append(String.format(Locale.ROOT, "%-22s%,d%n", "strands", p.nodes()));
        sb.append(String.format(Locale.ROOT, "%-22s%,d / %,d%n", "spawns / syncs", p.spawns(), p.syncs()));
        sb.append(String.format(Locale.ROOT, "%-22s%s%n", "work (T1)", time(p.work(), u)));
        sb.append(String.format(Locale.ROOT, "%-22s%s%n", "span (T∞)", time(p.span(), u)));
        sb.append(String.format(Locale.ROOT, "%-22s%,.2f%n", "parallelism", p.parallelism()));
        sb.append(String.format(Locale.ROOT, "%-22s%s (burden %,d %s per continuation and join edge)%n",
                "burdened span", time(p.burdenedSpan(), u), p.burden(), u));
        sb.append(String.format(Locale.ROOT, "%-22s%,.2f%n", "burdened parallelism", p.burdenedParallelism()));
        if (note != null) {
            sb.append("note: ").append(note).append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%n%6s  %s%n", "P", "speedup estimate (Cilkview: lower .. upper)"));
        for (int procs = 1; procs <= 1024; procs *= 2) {
            sb.append(String.format(Locale.ROOT, "%6d  %8.2f .. %8.2f%n", procs, p.speedupLower(procs),
                    p.speedupUpper(procs)));
        }
        return sb.toString();
    }

    private static String time(long ticks, String unit) {
        if ("ns".equals(unit)) {
            return String.format(Locale.ROOT, "%,.3f ms (%,d ns)", ticks / 1e6, ticks);
        }
        return String.format(Locale.ROOT, "%,d %s", ticks, unit);
    }
}
