package org.wsched.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.Schedulers;

/**
 * Writes a sweep's HTML report. {@code index.html} starts with the provenance and, for several
 * graphs, the aggregate across them (charts and table); then each dag's section (facts, charts,
 * summary table). With more than {@value #INLINE_DAGS} dags the sections go to their own pages
 * ({@code dag-I.html}) and the index lists the dags in a table with links, so it stays readable
 * for hundreds of graphs.
 */
public final class HtmlReport {
    /** Up to this many dags are shown inline in index.html. */
    public static final int INLINE_DAGS = 4;

    /** Everything the report shows. */
    public record Content(Provenance provenance, List<String> dags, List<TaskGraph> graphs, List<Summary.Row> rows,
                          List<Aggregate.Row> aggregate, String baseline, List<Measured.Row> measured,
                          ChartFormat format, boolean dagCharts, boolean utilisation) {
    }

    private HtmlReport() {
    }

    /** The name of dag {@code index}'s page when the sections have their own pages. */
    public static String pageName(int index) {
        return "dag-" + index + ".html";
    }

    /** Writes index.html (and the dag pages) into {@code dir}. */
    public static void write(Path dir, Content c) throws IOException {
        boolean manyLatencies = c.rows().stream().map(Summary.Row::stealLatency).distinct().count() > 1;
        boolean inline = c.dags().size() <= INLINE_DAGS;
        StringBuilder h = head("wsched-sim compare");
        h.append("<h1>Scheduler comparison</h1>\n");
        appendProvenance(h, c.provenance());
        h.append("<p>Means over seeds with 95% confidence intervals (Student's t; n/a for a single run). ")
                .append("Offline schedulers (which know the whole graph in advance) are marked. ")
                .append("Raw rows: <a href=\"results.csv\">results.csv</a>, <a href=\"results.json\">results.json</a>, ")
                .append("<a href=\"summary.csv\">summary.csv</a>")
                .append(c.dags().size() > 1 ? ", <a href=\"aggregate.csv\">aggregate.csv</a>" : "").append(".</p>\n");
        if (c.dags().size() > 1) {
            appendAggregate(h, c);
        }
        if (!inline) {
            appendDagIndex(h, c);
        }
        for (int i = 0; i < c.dags().size(); i++) {
            StringBuilder target = inline ? h : head(c.dags().get(i));
            if (!inline) {
                target.append("<p><a href=\"index.html\">&larr; all graphs</a></p>\n");
            }
            HtmlDagSection.append(target, i + 1, c.dags().get(i), c.graphs().get(i), c.rows(), c.measured(),
                    dagImages(c, i + 1), c.format(), manyLatencies);
            if (!inline) {
                target.append("</body></html>\n");
                Files.writeString(dir.resolve(pageName(i + 1)), target, StandardCharsets.UTF_8);
            }
        }
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h, StandardCharsets.UTF_8);
    }

    private static List<String> dagImages(Content c, int index) {
        List<String> stems = new ArrayList<>();
        if (c.dagCharts() && c.format().any()) {
            String dag = c.dags().get(index - 1);
            stems.add(Charts.stem("speedup", index, dag));
            stems.add(Charts.stem("efficiency", index, dag));
            if (c.utilisation()) {
                stems.add(Charts.stem("utilisation", index, dag));
            }
        }
        return stems;
    }

    private static StringBuilder head(String title) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1300px}\n")
                .append("table{border-collapse:collapse;font-size:13px}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}\n")
                .append("th{background:#f3f3f3;position:sticky;top:0}td.l,th.l{text-align:left}\n")
                .append("div.wide{overflow-x:auto;max-height:80vh}\n")
                .append("img{max-width:49%;border:1px solid #eee}\ncode{background:#f6f6f6;padding:2px 4px}\n")
                .append("dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dd{margin:0}\n")
                .append("</style></head><body>\n");
        return h;
    }

    private static void appendProvenance(StringBuilder h, Provenance p) {
        h.append("<dl><dt>command</dt><dd><code>").append(esc(p.command())).append("</code></dd>")
                .append("<dt>wsched</dt><dd>").append(esc(p.version())).append(", commit <code>")
                .append(esc(p.commit())).append("</code></dd><dt>JDK</dt><dd>").append(esc(p.jdk()))
                .append("</dd><dt>seeds</dt><dd>").append(esc(seedText(p.seeds()))).append("</dd><dt>date</dt><dd>")
                .append(esc(p.date())).append("</dd></dl>\n");
    }

    private static String seedText(List<Long> seeds) {
        if (seeds.size() > 2 && seeds.get(seeds.size() - 1) - seeds.get(0) == seeds.size() - 1) {
            return seeds.get(0) + " .. " + seeds.get(seeds.size() - 1);
        }
        return seeds.toString();
    }

    private static void appendAggregate(StringBuilder h, Content c) {
        h.append("<h2>Across all ").append(c.dags().size()).append(" graphs</h2>\n<p>For each graph the mean ")
                .append("makespan over seeds is divided by the graph's lower bound max(&lceil;T1/P&rceil;, T&infin;)")
                .append(c.baseline() != null ? " and by " + esc(c.baseline()) + "'s mean makespan" : "")
                .append("; the table gives the distribution of these ratios over the graphs.</p>\n");
        if (c.format().any()) {
            for (Aggregate.Metric m : Aggregate.Metric.values()) {
                if (m == Aggregate.Metric.BASELINE && c.baseline() == null) {
                    continue;
                }
                String stem = AggregateChart.stem(m);
                h.append("<a href=\"").append(stem).append('.').append(c.format().svg() ? "svg" : "png")
                        .append("\"><img src=\"").append(stem).append('.').append(c.format().imageExtension())
                        .append("\" alt=\"").append(stem).append("\"></a>\n");
            }
        }
        h.append("<div class=\"wide\"><table>\n<tr><th class=\"l\">scheduler</th><th>steal latency</th><th>P</th>")
                .append("<th class=\"l\">ratio to</th><th>graphs</th><th>mean</th><th>95%</th><th>min</th>")
                .append("<th>p10</th><th>median</th><th>p90</th><th>max</th></tr>\n");
        for (Aggregate.Row r : c.aggregate()) {
            String label = Schedulers.find(r.scheduler()).map(p -> p.label()).orElse(r.scheduler());
            h.append("<tr><td class=\"l\">").append(esc(label)).append("</td>")
                    .append(HtmlDagSection.td("%d", r.stealLatency())).append(HtmlDagSection.td("%d", r.procs()))
                    .append("<td class=\"l\">").append(r.metric() == Aggregate.Metric.LOWER_BOUND ? "lower bound"
                            : esc(c.baseline())).append("</td>")
                    .append(HtmlDagSection.td("%d", r.graphs())).append(HtmlDagSection.td("%.4f", r.mean()))
                    .append(Double.isNaN(r.halfWidth()) ? "<td>n/a</td>" : HtmlDagSection.td("&plusmn; %.4f", r.halfWidth()))
                    .append(HtmlDagSection.td("%.4f", r.min())).append(HtmlDagSection.td("%.4f", r.p10()))
                    .append(HtmlDagSection.td("%.4f", r.median())).append(HtmlDagSection.td("%.4f", r.p90()))
                    .append(HtmlDagSection.td("%.4f", r.max())).append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    private static void appendDagIndex(StringBuilder h, Content c) {
        TreeSet<Integer> procs = new TreeSet<>();
        for (Summary.Row r : c.rows()) {
            procs.add(r.procs());
        }
        int maxP = procs.last();
        h.append("<h2>Graphs</h2>\n<p>Each graph's charts and full table are on its own page. The last columns: ")
                .append("mean makespan / lower bound at P = ").append(maxP)
                .append(" (first steal latency).</p>\n<div class=\"wide\"><table>\n<tr><th>#</th>")
                .append("<th class=\"l\">graph</th><th>nodes</th><th>work</th><th>span</th><th>parallelism</th>");
        List<String> schedulers = new ArrayList<>();
        for (Summary.Row r : c.rows()) {
            if (!schedulers.contains(r.scheduler())) {
                schedulers.add(r.scheduler());
                h.append("<th>").append(esc(r.scheduler())).append("</th>");
            }
        }
        h.append("</tr>\n");
        long firstLatency = c.rows().get(0).stealLatency();
        java.util.Map<String, Summary.Row> atMaxP = new java.util.HashMap<>();
        for (Summary.Row r : c.rows()) {
            if (r.procs() == maxP && r.stealLatency() == firstLatency) {
                atMaxP.put(r.dag() + "\u0000" + r.scheduler(), r);
            }
        }
        for (int i = 0; i < c.dags().size(); i++) {
            TaskGraph g = c.graphs().get(i);
            String dag = c.dags().get(i);
            h.append("<tr>").append(HtmlDagSection.td("%d", i + 1)).append("<td class=\"l\"><a href=\"")
                    .append(pageName(i + 1)).append("\">").append(esc(ChartStyle.shortName(dag))).append("</a></td>")
                    .append(HtmlDagSection.td("%,d", g.nodeCount())).append(HtmlDagSection.td("%,d", g.work()))
                    .append(HtmlDagSection.td("%,d", g.span())).append(HtmlDagSection.td("%.1f", g.parallelism()));
            for (String s : schedulers) {
                Summary.Row r = atMaxP.get(dag + "\u0000" + s);
                h.append(r == null ? "<td></td>"
                        : HtmlDagSection.td("%.3f", r.lowerBound() == 0 ? 1 : r.makespan().mean() / r.lowerBound()));
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
