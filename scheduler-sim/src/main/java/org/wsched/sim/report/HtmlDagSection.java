package org.wsched.sim.report;

import java.util.List;
import java.util.Locale;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.Schedulers;

/** The HTML of one dag of a sweep: its facts, charts, summary table and measured runs. */
final class HtmlDagSection {
    private HtmlDagSection() {
    }

    /** What a tick is, in words: "costs in ticks" or "1 tick = 1 ms". */
    static String unitText(String unit) {
        return unit.equals("tick") ? "costs in ticks" : "1 tick = 1 " + unit;
    }

    /**
     * Appends the section of dag {@code index} (1-based) to {@code h}.
     *
     * @param images the chart stems to show (PNG if written, else SVG), empty for none
     */
    static void append(StringBuilder h, int index, String dag, TaskGraph g, List<Summary.Row> rows,
                       List<Measured.Row> measured, List<String> images, ChartFormat format, boolean manyLatencies) {
        h.append("<h2 id=\"dag-").append(index).append("\">").append(index).append(". ")
                .append(HtmlReport.esc(dag)).append("</h2>\n<p>")
                .append(String.format(Locale.ROOT, "%,d nodes, %,d edges, work T1 = %,d, span T&infin; = %,d, "
                        + "parallelism %.1f (%s)", g.nodeCount(), g.edgeCount(), g.work(), g.span(), g.parallelism(),
                        HtmlReport.esc(unitText(g.timeUnit()))))
                .append("</p>\n");
        for (String stem : images) {
            h.append("<a href=\"").append(stem).append('.').append(format.svg() ? "svg" : "png").append("\"><img src=\"")
                    .append(stem).append('.').append(format.imageExtension()).append("\" alt=\"").append(stem)
                    .append("\"></a>\n");
        }
        boolean shared = rows.stream().anyMatch(r -> r.dag().equals(dag) && r.multiprogrammed());
        h.append("<div class=\"wide\"><table>\n<tr><th class=\"l\">scheduler</th>")
                .append(manyLatencies ? "<th>steal latency</th>" : "")
                .append("<th>P</th><th>runs</th><th>makespan</th>")
                .append("<th>95% interval</th><th>lower bound</th><th>Graham bound</th><th>T_P / lower</th>")
                .append("<th>speedup</th><th>efficiency</th><th>utilization</th><th>steal attempts</th>")
                .append("<th>steals</th><th>attempts / (P&middot;T&infin;)</th><th>imbalance</th>")
                .append(shared ? "<th>P_A</th><th>T_P / (T1/P_A + T&infin;&middot;P/P_A)</th>" : "").append("</tr>\n");
        for (Summary.Row r : rows) {
            if (!r.dag().equals(dag)) {
                continue;
            }
            String label = Schedulers.find(r.scheduler()).map(p -> p.label()).orElse(r.scheduler());
            h.append("<tr><td class=\"l\">").append(HtmlReport.esc(label)).append("</td>")
                    .append(manyLatencies ? td("%d", r.stealLatency()) : "")
                    .append(td("%d", r.procs())).append(td("%d", r.runs()))
                    .append(td("%,.1f", r.makespan().mean()))
                    .append(r.makespan().hasInterval()
                            ? td("%,.1f &ndash; %,.1f", r.makespan().low(), r.makespan().high()) : "<td>n/a</td>")
                    .append(td("%,d", r.lowerBound())).append(td("%,.1f", r.grahamBound()))
                    .append(td("%.3f", r.ratioToLowerBound()))
                    .append(withInterval("%.2f", r.speedup()))
                    .append(td("%.3f", r.efficiency().mean())).append(td("%.3f", r.utilization()))
                    .append(withInterval("%,.0f", r.stealAttempts())).append(withInterval("%,.0f", r.steals()))
                    .append(td("%.3f", r.stealAttemptsPerPSpan())).append(td("%.3f", r.imbalance()))
                    .append(shared ? td("%d", r.available()) + td("%.3f", r.ratioToAbpBound()) : "")
                    .append("</tr>\n");
        }
        h.append("</table></div>\n");
        appendMeasured(h, dag, measured);
    }

    private static void appendMeasured(StringBuilder h, String dag, List<Measured.Row> measured) {
        boolean header = false;
        for (Measured.Row m : measured) {
            if (!m.dag().equals(dag)) {
                continue;
            }
            if (!header) {
                h.append("<h3>Measured real runs vs simulated</h3>\n<p>The black diamonds on the charts: the ")
                        .append("trace's work T1 divided by the measured wall time. Error = (simulated &minus; ")
                        .append("measured) / measured.</p>\n<table>\n<tr><th>P</th><th>measured (")
                        .append(HtmlReport.esc(m.unit())).append(")</th><th class=\"l\">scheduler</th><th>simulated (")
                        .append(HtmlReport.esc(m.unit())).append(")</th><th>error</th></tr>\n");
                header = true;
            }
            h.append("<tr>").append(td("%d", m.procs())).append(td("%,.0f", m.measured()))
                    .append("<td class=\"l\">").append(HtmlReport.esc(m.scheduler())).append("</td>")
                    .append(td("%,.0f", m.simulated())).append(td("%+.1f%%", m.errorPercent())).append("</tr>\n");
        }
        if (header) {
            h.append("</table>\n");
        }
    }

    /** "mean ± half-width", or "mean ± n/a" for a single run. */
    private static String withInterval(String fmt, Summary.Stat s) {
        return "<td>" + String.format(Locale.ROOT, fmt, s.mean()) + " &plusmn; " + s.halfWidthText(fmt) + "</td>";
    }

    static String td(String fmt, Object... args) {
        return "<td>" + String.format(Locale.ROOT, fmt, args) + "</td>";
    }
}
