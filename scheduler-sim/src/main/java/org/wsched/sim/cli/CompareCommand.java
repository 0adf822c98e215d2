package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wsched.sim.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.report.Charts;
import org.wsched.sim.report.HtmlReport;
import org.wsched.sim.report.Measured;
import org.wsched.sim.report.ResultFiles;
import org.wsched.sim.report.Summary;
import org.wsched.sim.report.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: a sweep over dags × schedulers × processor counts × seeds, run in parallel,
 * written as results.csv, results.json, summary.csv, speedup and efficiency charts (PNG and
 * SVG) and index.html.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every dag x scheduler x procs x seed combination and writes results.csv, results.json, "
                + "summary.csv, speedup/efficiency charts (PNG, SVG) and index.html into --out.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "SPEC[,SPEC...]",
            description = "Task graphs, comma-separated or repeated (see 'wsched-sim list').")
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

    @Option(names = "--steal-latency", defaultValue = "1", paramLabel = "L",
            description = "Ticks per steal attempt, successful or not (default: ${DEFAULT-VALUE}).")
    long stealLatency;

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
            dags.addAll(Args.option(spec, "--dag", a, () -> ListArgs.dags(a)));
        }
        List<SchedulerPolicy> schedulers = Args.option(spec, "--schedulers", schedulerArg,
                () -> ListArgs.schedulers(schedulerArg));
        List<Integer> procs = Args.option(spec, "--procs", procsArg, () -> ListArgs.procs(procsArg));
        Args.check(spec, seeds >= 1 && seeds <= 10_000, "Invalid value for option '--seeds': must be in 1..10000, was " + seeds);
        Args.check(spec, stealLatency >= 1, "Invalid value for option '--steal-latency': must be >= 1 tick, was "
                + stealLatency);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Args.check(spec, nThreads >= 1, "Invalid value for option '--threads': must be >= 1, was " + nThreads);
        List<Measured.Point> points = new ArrayList<>();
        for (String m : measuredArgs) {
            points.addAll(Args.option(spec, "--measured", m, () -> Measured.parse(m, dags.size())));
        }
        List<Long> seedList = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedList.add(firstSeed + i);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        List<Sweep.Dag> loaded = new ArrayList<>();
        List<TaskGraph> graphs = new ArrayList<>();
        for (String d : dags) {
            if (terminal) {
                err.print("\rloading " + d + " ...");
                err.flush();
            }
            TaskGraph g = StrandOverhead.apply(spec, DagSpecs.load(d), strandOverhead);
            loaded.add(new Sweep.Dag(d, g));
            graphs.add(g);
        }
        List<RunResult> results = Sweep.run(loaded, schedulers, procs, seedList, stealLatency, nThreads,
                terminal ? err : null);
        Files.createDirectories(out);
        ResultFiles.writeCsv(results, out.resolve("results.csv"));
        ResultFiles.writeJson(results, out.resolve("results.json"));
        List<Summary.Row> summary = Summary.of(results);
        ResultFiles.writeSummaryCsv(summary, out.resolve("summary.csv"));
        List<Measured.Row> table = new ArrayList<>();
        for (int i = 0; i < dags.size(); i++) {
            List<double[]> mine = new ArrayList<>();
            for (Measured.Point pt : points) {
                if (pt.dag() == i + 1) {
                    double perTick = Args.option(spec, "--measured", dags.get(i),
                            () -> Measured.nanosPerTick(graphs.get(pt.dag() - 1).timeUnit(), dags.get(pt.dag() - 1)));
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
            Charts.write(summary, dags.get(i), i + 1, out, mine);
        }
        String command = "wsched-sim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        HtmlReport.write(out.resolve("index.html"), dags, graphs, summary, command, table);
        PrintWriter o = spec.commandLine().getOut();
        if (!points.isEmpty()) {
            StringBuilder csv = new StringBuilder("dag,procs,measured,scheduler,simulated,error_percent,unit\n");
            o.printf(java.util.Locale.ROOT, "%-4s %-6s %16s %-12s %16s %9s%n", "dag", "P", "measured", "scheduler",
                    "simulated", "error");
            for (Measured.Row r : table) {
                csv.append(String.format(java.util.Locale.ROOT, "%s,%d,%.0f,%s,%.1f,%.2f,%s%n", ResultFiles.csvField(r.dag()),
                        r.procs(), r.measured(), r.scheduler(), r.simulated(), r.errorPercent(), r.unit()));
                o.printf(java.util.Locale.ROOT, "%-4d %-6d %,13.0f %-2s %-12s %,13.0f %-2s %+8.1f%%%n",
                        dags.indexOf(r.dag()) + 1, r.procs(), r.measured(), r.unit(), r.scheduler(), r.simulated(),
                        r.unit(), r.errorPercent());
            }
            for (Measured.Point pt : points) {
                boolean simulated = false;
                for (Measured.Row r : table) {
                    simulated |= r.procs() == pt.procs() && r.dag().equals(dags.get(pt.dag() - 1));
                }
                if (!simulated) {
                    o.printf("note: measured P=%d for dag %d is drawn but not tabulated: add %d to --procs%n",
                            pt.procs(), pt.dag(), pt.procs());
                }
            }
            Files.writeString(out.resolve("measured.csv"), csv);
        }
        o.printf("%d runs (%d dags x %d schedulers x %d processor counts x %d seeds) written to %s:%n"
                        + "  results.csv, results.json, summary.csv, index.html, %d charts (PNG and SVG)%s%n",
                results.size(), dags.size(), schedulers.size(), procs.size(), seeds, out, 2 * dags.size(),
                points.isEmpty() ? "" : ", measured.csv");
        o.flush();
        return 0;
    }
}
