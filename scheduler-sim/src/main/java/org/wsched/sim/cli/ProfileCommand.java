package org.wsched.sim.cli;

import java.io.PrintWriter;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.Profile;
import org.wsched.sim.report.OutputFormat;
import org.wsched.sim.report.ProfileReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile --dag SPEC}: work, span, parallelism, burdened span and burdened parallelism,
 * strands, spawns and syncs, and the Cilkview-style speedup range for P = 1, 2, 4 … 1024
 * ({@link ProfileReport}).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Prints work, span, parallelism, burdened span and parallelism, strands, spawns, syncs and "
                + "the Cilkview speedup estimate T1/(T1/P + 1.7(1-1/P)*burdened span) .. min(P, T1/T-inf) for "
                + "P = 1, 2, 4 .. 1024 (typically for a recorded trace: --dag trace:PATH).")
final class ProfileCommand extends GraphCommand {
    @Option(names = "--burden", paramLabel = "TICKS",
            description = "Burden charged to every continuation edge after a spawn and every join edge, in the "
                    + "graph's unit (default: 6250 for a graph in ns, OpenCilk's wall-clock burden; 0 otherwise).")
    Long burden;

    @picocli.CommandLine.Mixin
    StrandOverheadOption strandOverhead = new StrandOverheadOption();

    @picocli.CommandLine.Mixin
    TableOrJsonOption format = new TableOrJsonOption();

    @Override
    public Integer call() {
        OutputFormat output = format.get(spec);
        Args.check(spec, burden == null || burden >= 0,
                "Invalid value for option '--burden': must be >= 0, was " + burden);
        TaskGraph g = loadGraph();
        long overhead = strandOverhead.ticks(spec, g);
        g = g.withCostsReducedBy(overhead);
        Profile p = Profile.of(g, burden != null ? burden : Profile.defaultBurden(g.timeUnit()));
        PrintWriter out = spec.commandLine().getOut();
        ProfileReport.of(dag, DagSpecs.headerComments(dag), p, overhead, burden != null).print(output, out);
        out.flush();
        return 0;
    }
}
