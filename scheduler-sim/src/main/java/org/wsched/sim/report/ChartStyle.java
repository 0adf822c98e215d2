package org.wsched.sim.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.policy.Schedulers;

/**
 * The look every chart shares: one fixed colour and marker per scheduler, the same in every
 * report whatever the schedulers' order on the command line; log2 axes with a label at every
 * power of two; white background, short titles.
 */
public final class ChartStyle {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x17becf), new Color(0xbcbd22),
        new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b),
        new Color(0xe377c2)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
        SeriesMarkers.OVAL, SeriesMarkers.TRAPEZOID};
    /** Width of a chart in points. */
    public static final int WIDTH = 900;
    /** Height of a chart in points. */
    public static final int HEIGHT = 600;

    private ChartStyle() {
    }

    /** The colour of scheduler {@code name}: fixed by its place in {@link Schedulers#names()}. */
    public static Color color(String name) {
        return COLORS[index(name) % COLORS.length];
    }

    /** The marker of scheduler {@code name}, fixed like its colour. */
    public static Marker marker(String name) {
        return MARKERS[index(name) % MARKERS.length];
    }

    private static int index(String name) {
        List<String> names = Schedulers.names();
        int i = names.indexOf(name);
        return i >= 0 ? i : names.size() + Math.floorMod(name.hashCode(), COLORS.length);
    }

    /** Gives {@code s} the colour and marker of {@code scheduler}. */
    public static void styleSeries(XYSeries s, String scheduler) {
        s.setLineColor(color(scheduler));
        s.setMarkerColor(color(scheduler));
        s.setMarker(marker(scheduler));
    }

    /** A chart with the shared look. */
    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        s.setMarkerSize(7);
        s.setErrorBarsColorSeriesColor(true);
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(16f));
        return c;
    }

    /**
     * Makes the x axis a log2 axis: the caller plots log2 of its values, and the labels show
     * 2^k at every integer k (none between).
     */
    public static void log2X(XYChart c) {
        c.getStyler().setXAxisTickMarkSpacingHint(30);
        c.getStyler().setxAxisTickLabelsFormattingFunction(ChartStyle::powerOfTwoLabel);
    }

    /** The same for the y axis. */
    public static void log2Y(XYChart c) {
        c.getStyler().setYAxisTickMarkSpacingHint(25);
        c.getStyler().setyAxisTickLabelsFormattingFunction(ChartStyle::powerOfTwoLabel);
    }

    /** The label of log2 value {@code x}: {@code 2^x} written out at an integer x, else empty. */
    static String powerOfTwoLabel(double x) {
        long k = Math.round(x);
        if (Math.abs(x - k) > 1e-9) {
            return "";
        }
        if (k < 0) {
            return String.format(Locale.ROOT, "1/%d", 1L << -k);
        }
        return k <= 16 ? String.valueOf(1L << k) : "2^" + k;
    }

    /** log2 of each value. */
    public static double[] log2(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = Math.log(xs[i]) / Math.log(2);
        }
        return out;
    }

    /**
     * A 95% half-width on a log2 axis: half the log2 distance between mean ± halfWidth (0 if
     * unknown, i.e. NaN for a single run).
     */
    public static double log2HalfWidth(double mean, double halfWidth) {
        if (Double.isNaN(halfWidth) || halfWidth <= 0 || mean <= 0) {
            return 0;
        }
        double lo = Math.max(mean - halfWidth, mean * 1e-6);
        return (Math.log(mean + halfWidth) - Math.log(lo)) / (2 * Math.log(2));
    }

    /** The title of one run's schedule: scheduler, P (and the kernel's grants), seed and dag. */
    public static String runTitle(SchedulerPolicy scheduler, SimConfig config, String dag) {
        return scheduler.label() + ", P=" + config.procs() + (config.multiprogrammed() ? " (PA=" + config.available()
                + ", quantum " + config.quantum() + ")" : "") + ", seed " + config.seed() + ": " + shortName(dag);
    }

    /** A short name for a dag spec in a title: the file name without its directory (for a KIND:PATH spec), at most 48 characters. */
    public static String shortName(String dag) {
        String s = dag.replaceAll("^[a-z]+:.*[/\\\\]", "");
        return s.length() <= 48 ? s : s.substring(0, 45) + "...";
    }
}
