package org.wsched.sim.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Sweep;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.RunResult;

/**
 * Everything {@code compare} writes for a finished sweep: results.csv, results.json (with
 * provenance), summary.csv, aggregate.csv and its charts (several dags), the per-dag charts,
 * index.html, and with measured times measured.csv and its table on the terminal.
 *
 * @param out        the output directory (it exists and is writable)
 * @param provenance what made the results
 * @param plan       what the sweep ran
 * @param baseline   the scheduler the aggregate divides makespans by
 * @param format     which chart files to write
 * @param dagCharts  whether to draw each dag's speedup, efficiency and utilisation charts
 * @param measured   measured real run times to overlay and tabulate (each one's dag in a time unit)
 */
public record SweepReport(Path out, Provenance provenance, Sweep.Plan plan, String baseline, ChartFormat format,
                          boolean dagCharts, List<Measured.Point> measured) {

    /**
     * Writes every file for {@code results}, showing charting progress on {@code err}, then
     * prints the measured table (if any) and a line naming what was written on {@code o}.
     */
    public void write(List<RunResult> results, PrintWriter o, PrintWriter err, boolean terminal) throws IOException {
        List<String> dags = plan.dags().stream().map(Sweep.Dag::spec).toList();
        List<TaskGraph> graphs = plan.dags().stream().map(Sweep.Dag::graph).toList();
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
            List<double[]> mine = measuredOf(i, dags.get(i), graphs.get(i), summary, table);
            if (perDag) {
                Charts.write(summary, dags.get(i), i + 1, out, mine, format);
                int procs = last(plan.procs());
                List<Sweep.Recorded> runs = Sweep.recordEach(plan.dags().get(i), plan.schedulers(),
                        new SimConfig(procs, plan.seeds().get(0), plan.latencies().get(0)));
                Utilisation.writeChart(dags.get(i), i + 1, graphs.get(i), runs, procs, out, format);
                charting.done(1);
            }
        }
        charting.finish();
        HtmlReport.write(out, new HtmlReport.Content(provenance, dags, graphs, summary, aggregate, baseline, table,
                format, dagCharts, true));
        if (!measured.isEmpty()) {
            Measured.writeTable(o, out.resolve("measured.csv"), table, measured, dags);
        }
        o.printf(Locale.ROOT, "%d runs (%d dags x %d schedulers x %d steal latencies x %d processor counts x %d seeds) "
                        + "written to %s:%n  results.csv, results.json, summary.csv%s, index.html%s%s%n",
                results.size(), dags.size(), plan.schedulers().size(), plan.latencies().size(), plan.procs().size(),
                plan.seeds().size(), out, dags.size() > 1 ? ", aggregate.csv" : "",
                chartText(format, dags.size(), perDag), measured.isEmpty() ? "" : ", measured.csv");
        o.flush();
    }

    /** The measured points of dag i (0-based) as {procs, ticks}; adds their rows to {@code table}. */
    private List<double[]> measuredOf(int i, String dag, TaskGraph g, List<Summary.Row> summary,
                                      List<Measured.Row> table) {
        List<double[]> mine = new ArrayList<>();
        for (Measured.Point pt : measured) {
            if (pt.dag() == i + 1) {
                double ticks = pt.nanos() / Measured.nanosPerTick(g.timeUnit(), dag);
                mine.add(new double[] {pt.procs(), ticks});
                for (Summary.Row r : summary) {
                    if (r.dag().equals(dag) && r.procs() == pt.procs()) {
                        table.add(new Measured.Row(dag, pt.procs(), ticks, r.scheduler(), r.makespan().mean(),
                                g.timeUnit()));
                    }
                }
            }
        }
        return mine;
    }

    private static int last(List<Integer> xs) {
        return xs.get(xs.size() - 1);
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
