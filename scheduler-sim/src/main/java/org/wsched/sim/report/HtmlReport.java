package org.wsched.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.wsched.sim.graph.TaskGraph;

/** Writes {@code index.html}: the command, each dag's charts, and the table of means and 95% intervals. */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * Writes the report.
     *
     * @param dags    the dag specs, in chart index order (index = position + 1)
     * @param graphs  the graphs, in the same order
     * @param rows    the summary rows
     * @param command the command line that produced the sweep
     */
    public static void write(Path file, List<String> dags, List<TaskGraph> graphs, List<Summary.Row> rows,
                             String command) throws IOException {
        write(file, dags, graphs, rows, command, List.of());
    }

    /**
     * Writes the report, with a table of measured real run times against the simulated makespans
     * (the same points are drawn on the charts) under each dag that has some.
     */
    public static void write(Path file, List<String> dags, List<TaskGraph> graphs, List<Summary.Row> rows,
                             String command, List<Measured.Row> measured) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>wsched-sim compare</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1300px}\n")
                .append("table{border-collapse:collapse;font-size:13px}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}\n")
                .append("th{background:#f3f3f3}td.l,th.l{text-align:left}\n")
                .append("img{max-width:49%;border:1px solid #eee}\ncode{background:#f6f6f6;padding:2px 4px}\n")
                .append("</style></head><body>\n<h1>Scheduler comparison</h1>\n<p>Produced by <code>")
                .append(esc(command)).append("</code>. Means over seeds with 95% confidence intervals ")
                .append("(Student's t). Dashed lines: the best possible speedup T1 / max(&lceil;T1/P&rceil;, T&infin;) ")
                .append("and the speedup every greedy schedule reaches, T1 / (T1/P + (1 &minus; 1/P)&middot;T&infin;). ")
                .append("Raw rows: <a href=\"results.csv\">results.csv</a>, <a href=\"results.json\">results.json</a>, ")
                .append("<a href=\"summary.csv\">summary.csv</a>.</p>\n");
        for (int i = 0; i < dags.size(); i++) {
            String dag = dags.get(i);
            TaskGraph g = graphs.get(i);
            h.append("<h2>").append(esc(dag)).append("</h2>\n<p>")
                    .append(String.format(Locale.ROOT, "%,d nodes, %,d edges, work T1 = %,d, span T&infin; = %,d, "
                            + "parallelism %.1f (ticks of %s)", g.nodeCount(), g.edgeCount(), g.work(), g.span(),
                            g.parallelism(), esc(g.timeUnit())))
                    .append("</p>\n");
            for (String kind : new String[] {"speedup", "efficiency"}) {
                String stem = Charts.stem(kind, i + 1, dag);
                h.append("<a href=\"").append(stem).append(".svg\"><img src=\"").append(stem)
                        .append(".png\" alt=\"").append(kind).append(" chart for ").append(esc(dag)).append("\"></a>\n");
            }
            h.append("<table>\n<tr><th class=\"l\">scheduler</th><th>P</th><th>runs</th><th>makespan</th>")
                    .append("<th>95% interval</th><th>lower bound</th><th>Graham bound</th><th>T_P / lower</th>")
                    .append("<th>speedup</th><th>efficiency</th><th>utilization</th><th>steal attempts</th>")
                    .append("<th>steals</th><th>attempts / (P&middot;T&infin;)</th><th>imbalance</th></tr>\n");
            for (Summary.Row r : rows) {
                if (!r.dag().equals(dag)) {
                    continue;
                }
                h.append("<tr><td class=\"l\">").append(esc(r.scheduler())).append("</td>")
                        .append(td("%d", r.procs())).append(td("%d", r.runs()))
                        .append(td("%,.1f", r.makespan().mean()))
                        .append(td("%,.1f &ndash; %,.1f", r.makespan().low(), r.makespan().high()))
                        .append(td("%,d", r.lowerBound())).append(td("%,.1f", r.grahamBound()))
                        .append(td("%.3f", r.ratioToLowerBound()))
                        .append(td("%.2f &plusmn; %.2f", r.speedup().mean(), r.speedup().halfWidth()))
                        .append(td("%.3f", r.efficiency().mean())).append(td("%.3f", r.utilization()))
                        .append(td("%,.0f", r.stealAttempts())).append(td("%,.0f", r.steals()))
                        .append(td("%.3f", r.stealAttemptsPerPSpan())).append(td("%.3f", r.imbalance()))
                        .append("</tr>\n");
            }
            h.append("</table>\n");
            boolean header = false;
            for (Measured.Row m : measured) {
                if (!m.dag().equals(dag)) {
                    continue;
                }
                if (!header) {
                    h.append("<h3>Measured real runs vs simulated</h3>\n<p>The black diamonds on the charts: the ")
                            .append("trace's work T1 divided by the measured wall time. Error = (simulated &minus; ")
                            .append("measured) / measured.</p>\n<table>\n<tr><th>P</th><th>measured (")
                            .append(esc(m.unit())).append(")</th><th class=\"l\">scheduler</th><th>simulated (")
                            .append(esc(m.unit())).append(")</th><th>error</th></tr>\n");
                    header = true;
                }
                h.append("<tr>").append(td("%d", m.procs())).append(td("%,.0f", m.measured()))
                        .append("<td class=\"l\">").append(esc(m.scheduler())).append("</td>")
                        .append(td("%,.0f", m.simulated())).append(td("%+.1f%%", m.errorPercent())).append("</tr>\n");
            }
            if (header) {
                h.append("</table>\n");
            }
        }
        h.append("</body></html>\n");
        Files.writeString(file, h, StandardCharsets.UTF_8);
    }

    private static String td(String fmt, Object... args) {
        return "<td>" + String.format(Locale.ROOT, fmt, args) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
