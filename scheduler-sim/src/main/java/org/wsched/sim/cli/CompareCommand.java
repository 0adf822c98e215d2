package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wsched.sim.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.EventEstimate;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.report.Aggregate;
import org.wsched.sim.report.AggregateChart;
import org.wsched.sim.report.ChartFormat;
import org.wsched.sim.report.Charts;
import org.wsched.sim.report.HtmlReport;
import org.wsched.sim.report.Measured;
import org.wsched.sim.report.Progress;
import org.wsched.sim.report.Provenance;
import org.wsched.sim.report.ResultFiles;
import org.wsched.sim.report.Summary;
import org.wsched.sim.report.Sweep;
import org.wsched.sim.report.Utilisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: a sweep over dags × schedulers × steal latencies × processor counts × seeds,
 * run in parallel, written as results.csv, results.json (with provenance), summary.csv,
 * aggregate.csv (across graphs), charts and index.html.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every dag x scheduler x steal latency x procs x seed combination and writes results.csv, "
                + "results.json, summary.csv, aggregate.csv, charts and index.html into --out.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "SPEC|DIR[,...]",
            description = "Task graphs, comma-separated or repeated (see 'wsched-sim list'); a directory stands for "
                    + "every .stg, .json, .dag and .dag.gz file in it, sorted by name.")
    List<String> dagArgs;

    @Option(names = "--schedulers", required = true, paramLabel = "A,B,...",
            description = "Schedulers: greedy, greedy-lifo, hlfet (offline), ws, ws-p2c, ws-half, ws-rr, ws-cont, or all.")
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

    @Option(names = "--strand-overhead", defaultValue = "0", paramLabel = "TICKS|min",
            description = StrandOverhead.DESCRIPTION)
    String strandOverhead;

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
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        List<Sweep.Dag> loaded = new ArrayList<>();
        List<TaskGraph> graphs = new ArrayList<>();
        for (String d : dags) {
            TaskGraph g = StrandOverhead.apply(spec, DagSpecs.load(d), strandOverhead);
            loaded.add(new Sweep.Dag(d, g));
            graphs.add(g);
        }
        warnAboutHugeRuns(err, loaded, schedulers, latencies, procs);
        String command = "wsched-sim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        Provenance provenance = Provenance.of(command, seedList);
        Sweep.Plan plan = new Sweep.Plan(loaded, schedulers, latencies, procs, seedList,
                multiprogramming.availableOrZero(), multiprogramming.quantumOrZero());
        for (SchedulerPolicy s : schedulers) {
            if (multiprogramming.available != null && !s.steals()) {
                throw new IllegalArgumentException("--available runs need work-stealing schedulers; " + s.name()
                        + " is centralized and would hand work to descheduled processors");
            }
        }
        List<RunResult> results = Sweep.run(plan, nThreads, new Progress(err, terminal, plan.runs(), plan.events()));
        ResultFiles.writeCsv(results, out.resolve("results.csv"));
        ResultFiles.writeJson(results, provenance, out.resolve("results.json"));
        List<Summary.Row> summary = Summary.of(results);
        ResultFiles.writeSummaryCsv(summary, out.resolve("summary.csv"));
        List<Aggregate.Row> aggregate = Aggregate.of(summary, baseline);
        if (dags.size() > 1) {
            Aggregate.writeCsv(aggregate, baseline, out.resolve("aggregate.csv"));
            if (format.any()) {
                for (Aggregate.Metric m : Aggregate.Metric.values()) {
                    AggregateChart.write(aggregate, m, baseline, dags.size(), out, format);
                }
            }
        }
        List<Measured.Row> table = new ArrayList<>();
        boolean perDag = dagCharts && format.any();
        Progress charting = new Progress(err, terminal, dags.size(), "graphs charted");
        for (int i = 0; i < dags.size(); i++) {
            List<double[]> mine = measuredOf(points, i, dags, graphs, summary, table);
            if (perDag) {
                Charts.write(summary, dags.get(i), i + 1, out, mine, format);
                Utilisation.writeChart(dags.get(i), i + 1, graphs.get(i), schedulers, procs.get(procs.size() - 1),
                        latencies.get(0), seedList.get(0), out, format);
                charting.done(1);
            }
        }
        charting.finish();
        HtmlReport.write(out, new HtmlReport.Content(provenance, dags, graphs, summary, aggregate, baseline, table,
                format, dagCharts, true));
        PrintWriter o = spec.commandLine().getOut();
        if (!points.isEmpty()) {
            Measured.writeTable(o, out.resolve("measured.csv"), table, points, dags);
        }
        o.printf(Locale.ROOT, "%d runs (%d dags x %d schedulers x %d steal latencies x %d processor counts x %d seeds) "
                        + "written to %s:%n  results.csv, results.json, summary.csv%s, index.html%s%s%n",
                results.size(), dags.size(), schedulers.size(), latencies.size(), procs.size(), seeds, out,
                dags.size() > 1 ? ", aggregate.csv" : "", chartText(format, dags.size(), perDag),
                points.isEmpty() ? "" : ", measured.csv");
        o.flush();
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

    /** The measured points of dag i as {procs, ticks}; adds their rows to {@code table}. */
    private List<double[]> measuredOf(List<Measured.Point> points, int i, List<String> dags, List<TaskGraph> graphs,
                                      List<Summary.Row> summary, List<Measured.Row> table) {
        List<double[]> mine = new ArrayList<>();
        for (Measured.Point pt : points) {
            if (pt.dag() == i + 1) {
                double perTick = Args.option(spec, "--measured", dags.get(i),
                        () -> Measured.nanosPerTick(graphs.get(i).timeUnit(), dags.get(i)));
                double ticks = pt.nanos() / perTick;
                mine.add(new double[] {pt.procs(), ticks});
                for (Summary.Row r : summary) {
                    if (r.dag().equals(dags.get(i)) && r.procs() == pt.procs()) {
                        table.add(new Measured.Row(dags.get(i), pt.procs(), ticks, r.scheduler(),
                                r.makespan().mean(), graphs.get(i).timeUnit()));
                    }
                }
            }
        }
        return mine;
    }

    private static String chartText(ChartFormat format, int dags, boolean perDag) {
        if (!format.any()) {
            return ", no charts";
        }
        String kind = format == ChartFormat.BOTH ? "PNG and SVG" : format.name();
        int aggregate = dags > 1 ? 2 : 0;
        return String.format(Locale.ROOT, ", %d charts (%s)", (perDag ? 3 * dags : 0) + aggregate, kind);
    }
}
