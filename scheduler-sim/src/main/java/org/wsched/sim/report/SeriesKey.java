package org.wsched.sim.report;

import java.awt.BasicStroke;
import java.util.List;
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

    /** Styles {@code s} as this key's line. */
    void style(XYSeries s, List<Long> latencies) {
        ChartStyle.styleSeries(s, scheduler);
        float[] dash = DASHES[Math.max(0, latencies.indexOf(stealLatency)) % DASHES.length];
        if (dash != null) {
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        }
    }
}
