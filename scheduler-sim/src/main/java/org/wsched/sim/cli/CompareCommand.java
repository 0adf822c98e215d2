package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wsched.sim.engine.Sweep;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.metrics.EventEstimate;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.report.ChartFormat;
import org.wsched.sim.report.Measured;
import org.wsched.sim.report.Progress;
import org.wsched.sim.report.Provenance;
import org.wsched.sim.report.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compare}: a sweep over dags × schedulers × steal latencies × processor counts × seeds,
 * run in parallel, written as results.csv, results.json (with provenance), summary.csv,
 * aggregate.csv (across graphs), charts and index.html.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every dag x scheduler x steal latency x procs x seed combination and writes results.csv, "
                + "results.json, summary.csv, aggregate.csv, charts and index.html into --out.")
final class CompareCommand extends SimCommand {
    @Option(names = "--dag", required = true, paramLabel = "SPEC|DIR[,...]",
            description = "Task graphs, comma-separated or repeated (the kinds are listed below); a directory "
                    + "stands for every graph file in it, sorted by name.")
    List<String> dagArgs;

    @Option(names = "--schedulers", required = true, paramLabel = "A,B,...", completionCandidates = SchedulerNames.class,
            description = "Schedulers, comma-separated: ${COMPLETION-CANDIDATES}, or all.")
    String schedulerArg;

    @Option(names = "--procs", defaultValue = "1,2,4,..,1024", paramLabel = "LIST",
            description = "Processor counts: 1,2,8 or 1..1024 (doubling) or 1,2,4,..,1024 (default: ${DEFAULT-VALUE}).")
    String procsArg;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N",
            description = "Number of seeds per combination, seeds first-seed .. first-seed+N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", paramLabel = "S", description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--steal-latency", defaultValue = "1", paramLabel = "L[,L...]",
            description = "Ticks per steal attempt, successful or not; a list sweeps them (default: ${DEFAULT-VALUE}).")
    String latencyArg;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "The scheduler the aggregate divides makespans by (default: hlfet, else greedy, else the "
                    + "first of --schedulers).")
    String baselineArg;

    @Option(names = "--charts", defaultValue = "both", paramLabel = "none|png|svg|both",
            description = "Chart files to write (default: ${DEFAULT-VALUE}); none is the fastest.")
    String chartsArg;

    @Option(names = "--dag-charts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Per-graph speedup, efficiency and utilisation charts (default: on); --no-dag-charts "
                    + "keeps only the aggregate charts.")
    boolean dagCharts;

    @picocli.CommandLine.Mixin
    Multiprogramming multiprogramming = new Multiprogramming();

    @Option(names = "--threads", paramLabel = "T",
            description = "Runs in parallel (default: the number of cores).")
    Integer threads;

    @Option(names = "--measured", paramLabel = "[N:]P=TIME[,P=TIME...]",
            description = "Measured real run times to overlay on the charts and tabulate against the simulated "
                    + "makespans, e.g. 1=118.2,2=63.9 (TIME in ms unless suffixed ns, us or s); with several dags, "
                    + "prefix N: (the dag's position in --dag). May repeat. The graph's unit must be a time (trace: ns).")
    List<String> measuredArgs = new ArrayList<>();

    @picocli.CommandLine.Mixin
    StrandOverheadOption strandOverhead = new StrandOverheadOption();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> dags = new ArrayList<>();
        for (String a : dagArgs) {
            for (String d : Args.option(spec, "--dag", a, () -> ListArgs.dags(a))) {
                dags.addAll(Files.isDirectory(Path.of(d)) ? DagSpecs.expandDirectory(Path.of(d)) : List.of(d));
            }
        }
        List<SchedulerPolicy> schedulers = Args.option(spec, "--schedulers", schedulerArg,
                () -> ListArgs.schedulers(schedulerArg));
        List<Integer> procs = Args.option(spec, "--procs", procsArg, () -> ListArgs.procs(procsArg));
        List<Long> latencies = Args.option(spec, "--steal-latency", latencyArg, () -> ListArgs.latencies(latencyArg));
        ChartFormat format = Args.option(spec, "--charts", chartsArg, () -> ChartFormat.parse(chartsArg));
        String baseline = baseline(schedulers);
        multiprogramming.check(spec);
        Args.check(spec, seeds >= 1 && seeds <= 10_000, "Invalid value for option '--seeds': must be in 1..10000, was " + seeds);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Args.check(spec, nThreads >= 1, "Invalid value for option '--threads': must be >= 1, was " + nThreads);
        List<Measured.Point> points = new ArrayList<>();
        for (String m : measuredArgs) {
            points.addAll(Args.option(spec, "--measured", m, () -> Measured.parse(m, dags.size())));
        }
        OutputPaths.directory("--out", out);
        List<Long> seedList = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedList.add(firstSeed + i);
        }
        List<Sweep.Dag> loaded = new ArrayList<>();
        for (String d : dags) {
            loaded.add(new Sweep.Dag(d, strandOverhead.apply(spec, DagSpecs.load(d))));
        }
        for (Measured.Point pt : points) {
            Sweep.Dag d = loaded.get(pt.dag() - 1);
            Args.option(spec, "--measured", d.spec(), () -> Measured.nanosPerTick(d.graph().timeUnit(), d.spec()));
        }
        PrintWriter err = spec.commandLine().getErr();
        warnAboutHugeRuns(err, loaded, schedulers, latencies, procs);
        String command = "wsched-sim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        Sweep.Plan plan = new Sweep.Plan(loaded, schedulers, latencies, procs, seedList,
                multiprogramming.availableOrZero(), multiprogramming.quantumOrZero());
        boolean terminal = System.console() != null;
        Progress progress = new Progress(err, terminal, plan.runs(), EventEstimate.events(plan));
        List<RunResult> results = Sweep.run(plan, nThreads, r -> progress.done(EventEstimate.events(r))).stream()
                .map(RunResult::of).toList();
        progress.finish();
        new SweepReport(out, Provenance.of(command, seedList), plan, baseline, format, dagCharts, points)
                .write(results, spec.commandLine().getOut(), err, terminal);
        return 0;
    }

    private String baseline(List<SchedulerPolicy> schedulers) {
        List<String> names = schedulers.stream().map(SchedulerPolicy::name).toList();
        if (baselineArg != null) {
            Args.check(spec, names.contains(baselineArg.strip()), "Invalid value for option '--baseline': '"
                    + baselineArg + "' is not one of --schedulers (" + String.join(", ", names) + ")");
            return baselineArg.strip();
        }
        return names.contains("hlfet") ? "hlfet" : names.contains("greedy") ? "greedy" : names.get(0);
    }

    private static void warnAboutHugeRuns(PrintWriter err, List<Sweep.Dag> dags, List<SchedulerPolicy> schedulers,
                                          List<Long> latencies, List<Integer> procs) {
        for (Sweep.Dag d : dags) {
            for (SchedulerPolicy s : schedulers) {
                int p = procs.get(procs.size() - 1);
                long l = latencies.get(0);
                String w = EventEstimate.warning("the run of " + s.name() + " on " + d.spec() + " at P=" + p
                        + ", L=" + l, d.graph(), s, p, l);
                if (w != null) {
                    err.println(w);
                    err.flush();
                    return;
                }
            }
        }
    }
}
