package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.wsched.sim.engine.Kernel;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.ScheduleRecord;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.EventEstimate;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.report.ChartStyle;
import org.wsched.sim.report.ChromeTrace;
import org.wsched.sim.report.GanttChart;
import org.wsched.sim.report.OutputFormat;
import org.wsched.sim.report.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: one simulated run, printed as a table, JSON or CSV. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulates one scheduler on one task graph with P processors.")
final class RunCommand extends GraphCommand {
    @Option(names = "--scheduler", required = true, paramLabel = "NAME", converter = Args.SchedulerConverter.class,
            completionCandidates = SchedulerNames.class, description = "One of ${COMPLETION-CANDIDATES}.")
    SchedulerPolicy scheduler;

    @Option(names = "--procs", required = true, paramLabel = "P", description = "Number of processors.")
    int procs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steal-latency", defaultValue = "1", paramLabel = "L",
            description = "Ticks per steal attempt, successful or not (default: ${DEFAULT-VALUE}).")
    long stealLatency;

    @picocli.CommandLine.Mixin
    StrandOverheadOption strandOverhead = new StrandOverheadOption();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @picocli.CommandLine.Mixin
    Multiprogramming multiprogramming = new Multiprogramming();

    @Option(names = "--schedule-out", paramLabel = "FILE.json",
            description = "Also write the run as Chrome Trace Event JSON (open in ui.perfetto.dev or chrome://tracing): "
                    + "one event per node (tid = processor, args.node = node index) and per steal attempt.")
    Path scheduleOut;

    @Option(names = "--gantt", paramLabel = "FILE.png|FILE.svg",
            description = "Also draw the run as a Gantt chart: processors x time, nodes, steal attempts and idle time.")
    Path gantt;

    @Override
    public Integer call() throws java.io.IOException {
        OutputFormat output = Args.format(spec, format, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV);
        Args.check(spec, procs >= 1 && procs <= SimConfig.MAX_PROCS, "Invalid value for option '--procs': must be in 1.."
                + SimConfig.MAX_PROCS + ", was " + procs);
        Args.check(spec, stealLatency >= 1, "Invalid value for option '--steal-latency': must be >= 1 tick, was "
                + stealLatency);
        if (scheduleOut != null) {
            OutputPaths.file("--schedule-out", scheduleOut, ".json");
        }
        if (gantt != null) {
            OutputPaths.file("--gantt", gantt, ".png", ".svg");
        }
        multiprogramming.check(spec);
        int available = multiprogramming.availableOrZero();
        Args.check(spec, available <= procs, "Invalid value for option '--available': must be at most --procs ("
                + procs + "), was " + available);
        SimConfig config = SimConfig.of(procs, seed, stealLatency, available, multiprogramming.quantumOrZero());
        TaskGraph g = strandOverhead.apply(spec, loadGraph());
        if (gantt != null) {
            GanttChart.check(gantt, g, procs);
        }
        String warning = EventEstimate.warning("this run", g, scheduler, procs, stealLatency);
        if (warning != null) {
            spec.commandLine().getErr().println(warning);
            spec.commandLine().getErr().flush();
        }
        ScheduleRecord record = scheduleOut != null || gantt != null ? new ScheduleRecord(g.nodeCount()) : null;
        RunStats stats = Simulator.run(g, scheduler, config, record);
        RunResult r = RunResult.of(dag, scheduler.name(), g, config, stats);
        String title = ChartStyle.runTitle(scheduler, config, dag);
        if (scheduleOut != null) {
            String command = "wsched-sim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            ChromeTrace.write(scheduleOut, g, record, procs, stats.makespan(), title,
                    Provenance.of(command, java.util.List.of(seed)));
        }
        if (gantt != null) {
            GanttChart.write(gantt, g, record, procs, stats.makespan(), title,
                    config.multiprogrammed() ? new Kernel(config) : null);
        }
        PrintWriter out = spec.commandLine().getOut();
        output.print(out, r.toMap());
        out.flush();
        return 0;
    }
}
