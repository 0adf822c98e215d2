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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Speedup and efficiency charts of a sweep, one pair per dag, drawn with XChart and saved as
 * PNG and SVG. Each scheduler is a line of means over seeds with 95% interval bars; dashed
 * lines show the bounds: the best possible speedup T1 / max(⌈T1/P⌉, T∞) and the speedup greedy
 * is guaranteed, T1 / (T1/P + (1 − 1/P)·T∞).
 */
public final class Charts {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

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
     * Writes {@code speedup-I-SLUG.png/.svg} and {@code efficiency-I-SLUG.png/.svg} into
     * {@code dir} for the {@code index}-th dag.
     */
    public static void write(List<Summary.Row> rows, String dag, int index, Path dir) throws IOException {
        write(rows, dag, index, dir, List.of());
    }

    /**
     * The same, with measured real runs overlaid as points: each {@code double[] {procs, makespan}}
     * (makespan in the graph's ticks) is drawn at speedup T1 / makespan (efficiency: / P).
     */
    public static void write(List<Summary.Row> rows, String dag, int index, Path dir, List<double[]> measured)
            throws IOException {
        List<Summary.Row> mine = new ArrayList<>();
        for (Summary.Row r : rows) {
            if (r.dag().equals(dag)) {
                mine.add(r);
            }
        }
        save(chart(mine, dag, false, measured), dir.resolve(stem("speedup", index, dag)));
        save(chart(mine, dag, true, measured), dir.resolve(stem("efficiency", index, dag)));
    }

    private static XYChart chart(List<Summary.Row> rows, String dag, boolean efficiency, List<double[]> measured) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title((efficiency ? "Efficiency" : "Speedup") + " on " + dag)
                .xAxisTitle("processors P").yAxisTitle(efficiency ? "efficiency T1 / (P·T_P)" : "speedup T1 / T_P")
                .build();
        Styler s = c.getStyler();
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(!efficiency);
        c.getStyler().setLegendPosition(efficiency ? Styler.LegendPosition.InsideSW : Styler.LegendPosition.InsideNW);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        c.getStyler().setMarkerSize(6);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setXAxisDecimalPattern("#");
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(16f));
        if (efficiency) {
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(1.05);
        }
        TreeSet<Integer> procs = new TreeSet<>();
        Map<String, List<Summary.Row>> bySched = new LinkedHashMap<>();
        for (Summary.Row r : rows) {
            procs.add(r.procs());
            bySched.computeIfAbsent(r.scheduler(), k -> new ArrayList<>()).add(r);
        }
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
        bound(c, "bound: T1 / max(T1/P, T∞)", px, best, Color.BLACK);
        bound(c, "greedy guarantee: T1 / (T1/P + (1-1/P)·T∞)", px, graham, Color.GRAY);
        int k = 0;
        for (Map.Entry<String, List<Summary.Row>> e : bySched.entrySet()) {
            List<Summary.Row> rs = e.getValue();
            rs.sort((a, b) -> Integer.compare(a.procs(), b.procs()));
            double[] x = new double[rs.size()];
            double[] y = new double[rs.size()];
            double[] err = new double[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                Summary.Row r = rs.get(i);
                Summary.Stat st = efficiency ? r.efficiency() : r.speedup();
                x[i] = r.procs();
                y[i] = st.mean();
                err[i] = st.halfWidth();
            }
            XYSeries series = c.addSeries(e.getKey(), x, y, err);
            series.setLineColor(PALETTE[k % PALETTE.length]);
            series.setMarkerColor(PALETTE[k % PALETTE.length]);
            series.setMarker(SeriesMarkers.CIRCLE);
            k++;
        }
        if (!measured.isEmpty()) {
            double[] x = new double[measured.size()];
            double[] y = new double[measured.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = measured.get(i)[0];
                y[i] = any.work() / measured.get(i)[1] / (efficiency ? x[i] : 1);
            }
            XYSeries m = c.addSeries("measured real run (T1 of the trace / wall time)", x, y);
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            m.setMarker(SeriesMarkers.DIAMOND);
            m.setMarkerColor(Color.BLACK);
            m.setLineColor(Color.BLACK);
        }
        return c;
    }

    private static void bound(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        s.setMarker(SeriesMarkers.NONE);
    }

    private static void save(XYChart c, Path stem) throws IOException {
        BitmapEncoder.saveBitmapWithDPI(c, stem + ".png", BitmapEncoder.BitmapFormat.PNG, 110);
        VectorGraphicsEncoder.saveVectorGraphic(c, stem + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
