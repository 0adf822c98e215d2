package org.wsched.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Bar chart of wsched's speedup over ForkJoinPool and over the centralized pool, with error
 * bars, from the CSV that {@code report.py} writes ({@code label,vsFjp,errFjp,vsCentral,errCentral}).
 * Usage: {@code PlotRatios in.csv out.png}.
 */
public final class PlotRatios {

    private PlotRatios() {
    }

    /** A missing ratio is drawn as 0. */
    private static double ratioOrZero(String s) {
        double v = Double.parseDouble(s);
        return v > 0 && Double.isFinite(v) ? v : 0.0;
    }

    /** An error bar is clipped at the value (it may not go below 0). */
    private static double clip(String s, double value) {
        double e = Double.parseDouble(s);
        return Double.isFinite(e) && e > 0 ? Math.min(e, value) : 0.0;
    }

    /** The y axis ends here; taller bars and error bars are cut (the table has the numbers). */
    private static final double Y_MAX = 4.0;

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> labels = new ArrayList<>();
        List<Double> fjp = new ArrayList<>();
        List<Double> fjpErr = new ArrayList<>();
        List<Double> cen = new ArrayList<>();
        List<Double> cenErr = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length < 5) {
                continue;
            }
            labels.add(f[0]);
            double a = ratioOrZero(f[1]);
            double b = ratioOrZero(f[3]);
            fjp.add(a);
            fjpErr.add(clip(f[2], a));
            cen.add(b);
            cenErr.add(clip(f[4], b));
            one.add(1.0);
        }
        String name = Path.of(args[0]).getFileName().toString().replaceAll("\\D", "");
        CategoryChart chart = new CategoryChartBuilder().width(1200).height(560)
                .title("wsched speedup (time of other / time of wsched), JDK " + name + ", same run")
                .xAxisTitle("benchmark, parallelism").yAxisTitle("speedup, > 1 = wsched faster (axis cut at " + Y_MAX + ")").build();
        Styler st = chart.getStyler();
        // Linear axis: XChart draws error bars wrongly on a logarithmic one. Ratios against the
        // centralized pool reach 10x on fine-grained programs; the axis stops at Y_MAX so that
        // the ratios against ForkJoinPool, all near 1, stay readable.
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Y_MAX);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setOverlapped(false);
        st.setChartBackgroundColor(Color.WHITE);
        chart.addSeries("vs ForkJoinPool", labels, fjp, fjpErr).setFillColor(new Color(0x1f77b4));
        chart.addSeries("vs centralized pool", labels, cen, cenErr).setFillColor(new Color(0xff7f0e));
        CategorySeries parity = chart.addSeries("parity (1.0)", labels, one);
        parity.setChartCategorySeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        parity.setLineColor(Color.RED);
        parity.setLineStyle(new BasicStroke(1.5f));
        parity.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, args[1].replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }
}
