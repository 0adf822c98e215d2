package org.wsched.sim.report;

import java.awt.BasicStroke;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.knowm.xchart.XYSeries;
import org.wsched.sim.policy.Schedulers;

/**
 * One line of a chart: a scheduler at one steal latency. Its legend name is the scheduler's
 * label ({@code hlfet (offline)}), with {@code L=...} when the sweep has several latencies; its
 * colour and marker are the scheduler's ({@link ChartStyle}); latencies after the first are
 * dashed, then dotted. A scheduler that does not steal is drawn once (its runs do not depend on
 * the latency).
 */
record SeriesKey(String scheduler, long stealLatency) {
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {8f, 3f, 2f, 3f}};

    /** The legend name. */
    String name(List<Long> latencies) {
        String label = Schedulers.find(scheduler).map(p -> p.label()).orElse(scheduler);
        return latencies.size() > 1 && steals() ? label + " L=" + stealLatency : label;
    }

    /** Whether this line is drawn: a non-stealing scheduler only at the first latency. */
    boolean drawn(List<Long> latencies) {
        return steals() || latencies.indexOf(stealLatency) == 0;
    }

    private boolean steals() {
        return Schedulers.find(scheduler).map(p -> p.steals()).orElse(true);
    }

    /**
     * Adds this key's line to {@code c}: P on the log2 x axis, values {@code y} with 95% bars
     * {@code err}, styled as {@link #style} says.
     */
    void addTo(org.knowm.xchart.XYChart c, List<Long> latencies, double[] procs, double[] y, double[] err) {
        style(c.addSeries(name(latencies), ChartStyle.log2(procs), y, err), latencies);
    }

    /**
     * Adds every drawn line of {@code bySeries} to {@code c}, each line's rows sorted by P;
     * {@code point} gives a row's {x, y, 95% bar}.
     */
    static <R> void addAll(org.knowm.xchart.XYChart c, Map<SeriesKey, List<R>> bySeries, List<Long> latencies,
                           ToIntFunction<R> procs, Function<R, double[]> point) {
        for (Map.Entry<SeriesKey, List<R>> e : bySeries.entrySet()) {
            if (!e.getKey().drawn(latencies)) {
                continue;
            }
            List<R> rs = e.getValue();
            rs.sort(Comparator.comparingInt(procs));
            double[] x = new double[rs.size()];
            double[] y = new double[rs.size()];
            double[] err = new double[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                double[] xyErr = point.apply(rs.get(i));
                x[i] = xyErr[0];
                y[i] = xyErr[1];
                err[i] = xyErr[2];
            }
            e.getKey().addTo(c, latencies, x, y, err);
        }
    }

    /** Styles {@code s} as this key's line. */
    void style(XYSeries s, List<Long> latencies) {
        ChartStyle.styleSeries(s, scheduler);
        float[] dash = DASHES[Math.max(0, latencies.indexOf(stealLatency)) % DASHES.length];
        if (dash != null) {
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        }
    }
}
