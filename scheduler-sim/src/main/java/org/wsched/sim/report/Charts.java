package org.wsched.sim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Speedup and efficiency charts of a sweep, one pair per dag (XChart). P is on a log2 axis, and
 * so is the speedup. Each scheduler (and steal latency) is a line of means over seeds with 95%
 * interval bars, in the scheduler's fixed colour and marker; dashed lines show the bounds: the
 * best possible speedup T1 / max(⌈T1/P⌉, T∞) and the speedup greedy is guaranteed,
 * T1 / (T1/P + (1 − 1/P)·T∞).
 */
public final class Charts {
    private Charts() {
    }

    /** The file stem of the charts of one dag, e.g. {@code speedup-1-uts-T3}. */
    public static String stem(String kind, int index, String dag) {
        String slug = dag.replaceAll("^.*[/\\\\]", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-$", "");
        }
        return kind + "-" + index + "-" + slug;
    }

    /**
     * Writes {@code speedup-I-SLUG} and {@code efficiency-I-SLUG} charts of the {@code index}-th
     * dag into {@code dir}, with measured real runs overlaid as points: each
     * {@code double[] {procs, makespan}} (makespan in the graph's ticks) at speedup T1 / makespan.
     */
    public static void write(List<Summary.Row> rows, String dag, int index, Path dir, List<double[]> measured,
                             ChartFormat format) throws IOException {
        List<Summary.Row> mine = new ArrayList<>();
        for (Summary.Row r : rows) {
            if (r.dag().equals(dag)) {
                mine.add(r);
            }
        }
        ChartFiles.save(chart(mine, dag, false, measured), dir.resolve(stem("speedup", index, dag)), format);
        ChartFiles.save(chart(mine, dag, true, measured), dir.resolve(stem("efficiency", index, dag)), format);
    }

    private static XYChart chart(List<Summary.Row> rows, String dag, boolean efficiency, List<double[]> measured) {
        XYChart c = ChartStyle.chart((efficiency ? "Efficiency: " : "Speedup: ") + ChartStyle.shortName(dag),
                "processors P", efficiency ? "efficiency T1 / (P·T_P)" : "speedup T1 / T_P");
        c.getStyler().setLegendPosition(efficiency ? Styler.LegendPosition.InsideSW : Styler.LegendPosition.InsideNW);
        ChartStyle.log2X(c);
        if (efficiency) {
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(1.05);
        } else {
            ChartStyle.log2Y(c);
        }
        TreeSet<Integer> procs = new TreeSet<>();
        TreeSet<Long> latencySet = new TreeSet<>();
        Map<SeriesKey, List<Summary.Row>> bySeries = new LinkedHashMap<>();
        for (Summary.Row r : rows) {
            procs.add(r.procs());
            latencySet.add(r.stealLatency());
            bySeries.computeIfAbsent(new SeriesKey(r.scheduler(), r.stealLatency()), k -> new ArrayList<>()).add(r);
        }
        List<Long> latencies = new ArrayList<>(latencySet);
        Summary.Row any = rows.get(0);
        double[] px = procs.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] best = new double[px.length];
        double[] graham = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            int p = (int) px[i];
            double lower = Math.max(Math.ceil((double) any.work() / p), any.span());
            double g = (double) any.work() / p + (1.0 - 1.0 / p) * any.span();
            best[i] = lower == 0 ? 1 : any.work() / lower / (efficiency ? p : 1);
            graham[i] = g == 0 ? 1 : any.work() / g / (efficiency ? p : 1);
        }
        bound(c, "bound: T1 / max(T1/P, T∞)", px, best, Color.BLACK, efficiency);
        bound(c, "greedy guarantee: T1 / (T1/P + (1-1/P)·T∞)", px, graham, Color.GRAY, efficiency);
        SeriesKey.addAll(c, bySeries, latencies, Summary.Row::procs, r -> {
            Summary.Stat st = efficiency ? r.efficiency() : r.speedup();
            return new double[] {r.procs(), efficiency ? st.mean() : Math.log(st.mean()) / Math.log(2),
                efficiency ? (st.hasInterval() ? st.halfWidth() : 0) : ChartStyle.log2HalfWidth(st.mean(), st.halfWidth())};
        });
        if (!measured.isEmpty()) {
            double[] x = new double[measured.size()];
            double[] y = new double[measured.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = measured.get(i)[0];
                double sp = any.work() / measured.get(i)[1];
                y[i] = efficiency ? sp / x[i] : Math.log(sp) / Math.log(2);
            }
            XYSeries m = c.addSeries("measured real run (T1 of the trace / wall time)", ChartStyle.log2(x), y);
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            m.setMarker(SeriesMarkers.DIAMOND);
            m.setMarkerColor(Color.BLACK);
            m.setLineColor(Color.BLACK);
        }
        return c;
    }

    private static void bound(XYChart c, String name, double[] x, double[] y, Color color, boolean efficiency) {
        XYSeries s = c.addSeries(name, ChartStyle.log2(x), efficiency ? y : ChartStyle.log2(y));
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        s.setMarker(SeriesMarkers.NONE);
    }
}
