package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.wsched.sim.DagSpecs;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.report.ResultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: one simulated run, printed as a table, JSON or CSV. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulates one scheduler on one task graph with P processors.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "SPEC",
            description = "The task graph (see 'wsched-sim list').")
    String dag;

    @Option(names = "--scheduler", required = true, paramLabel = "NAME", converter = Args.SchedulerConverter.class,
            description = "greedy, greedy-lifo, hlfet (offline), ws, ws-p2c, ws-half, ws-rr or ws-cont.")
    SchedulerPolicy scheduler;

    @Option(names = "--procs", required = true, paramLabel = "P", description = "Number of processors.")
    int procs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steal-latency", defaultValue = "1", paramLabel = "L",
            description = "Ticks per steal attempt, successful or not (default: ${DEFAULT-VALUE}).")
    long stealLatency;

    @Option(names = "--strand-overhead", defaultValue = "0", paramLabel = "TICKS|min",
            description = StrandOverhead.DESCRIPTION)
    String strandOverhead;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        Args.check(spec, format.equals("table") || format.equals("json") || format.equals("csv"),
                "Invalid value for option '--format': '" + format + "'; valid: table, json, csv");
        Args.check(spec, procs >= 1 && procs <= SimConfig.MAX_PROCS, "Invalid value for option '--procs': must be in 1.."
                + SimConfig.MAX_PROCS + ", was " + procs);
        Args.check(spec, stealLatency >= 1, "Invalid value for option '--steal-latency': must be >= 1 tick, was "
                + stealLatency);
        SimConfig config = new SimConfig(procs, seed, stealLatency);
        TaskGraph g = StrandOverhead.apply(spec, DagSpecs.load(dag), strandOverhead);
        RunStats stats = Simulator.run(g, scheduler, config);
        RunResult r = RunResult.of(dag, scheduler.name(), g, config, stats);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json":
                out.println(ResultFiles.toJson(r));
                break;
            case "csv":
                out.println(ResultFiles.csvHeader());
                out.println(ResultFiles.csvRow(r));
                break;
            default:
                Tables.keyValues(out, r.toMap());
                break;
        }
        out.flush();
        return 0;
    }
}
