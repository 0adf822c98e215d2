package org.wsched.sim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wsched.sim.engine.ScheduleRecord;
import org.wsched.sim.engine.Sweep;
import org.wsched.sim.graph.TaskGraph;

/**
 * Utilisation over time: the fraction of the P processors running a node, averaged over equal
 * time buckets of a recorded run, and its chart (one line per scheduler, one run each).
 */
public final class Utilisation {
    /** Buckets per chart line. */
    static final int BUCKETS = 200;

    private Utilisation() {
    }

    /**
     * The mean fraction of busy processors in each of {@code buckets} equal slices of
     * [0, makespan): {@code {bucket start times, utilisation}}. The utilisation integrates to
     * T1 / (P·T_P) over the run.
     */
    public static double[][] overTime(TaskGraph g, ScheduleRecord rec, int procs, long makespan, int buckets) {
        int n = g.nodeCount();
        int b = (int) Math.max(1, Math.min(buckets, makespan));
        double width = (double) makespan / b;
        double[] busy = new double[b];
        // a node covers [start, finish): add its overlap with every bucket it touches, in O(1)
        // per node through a difference array of full buckets plus the two partial ends
        double[] full = new double[b + 1];
        for (int v = 0; v < n; v++) {
            double s = rec.start(v);
            double f = rec.finish(v);
            if (f <= s) {
                continue;
            }
            int i = (int) Math.min(b - 1, Math.floor(s / width));
            int j = (int) Math.min(b - 1, Math.floor(f / width));
            if (i == j) {
                busy[i] += f - s;
                continue;
            }
            busy[i] += (i + 1) * width - s;
            busy[j] += f - j * width;
            full[i + 1] += 1;
            full[j] -= 1;
        }
        double running = 0;
        double[] t = new double[b];
        double[] u = new double[b];
        for (int i = 0; i < b; i++) {
            running += full[i];
            t[i] = i * width;
            u[i] = (busy[i] + running * width) / (width * procs);
        }
        return new double[][] {t, u};
    }

    /**
     * Writes the chart {@code utilisation-I-SLUG} of {@code runs} (recorded runs of dag
     * {@code index} on P processors) into {@code dir}.
     */
    public static void writeChart(String dag, int index, TaskGraph g, List<Sweep.Recorded> runs, int procs, Path dir,
                                  ChartFormat format) throws IOException {
        XYChart c = ChartStyle.chart("Utilisation at P = " + procs + ": " + ChartStyle.shortName(dag),
                "time (" + HtmlDagSection.unitText(g.timeUnit()) + ")", "busy processors / P");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.05);
        for (Sweep.Recorded r : runs) {
            if (r.makespan() == 0) {
                continue;
            }
            double[][] tu = overTime(g, r.record(), procs, r.makespan(), BUCKETS);
            XYSeries line = c.addSeries(r.scheduler().label(), stepX(tu[0], r.makespan()), stepY(tu[1]));
            ChartStyle.styleSeries(line, r.scheduler().name());
            line.setMarker(SeriesMarkers.NONE);
        }
        if (!c.getSeriesMap().isEmpty()) {
            ChartFiles.save(c, dir.resolve(Charts.stem("utilisation", index, dag)), format);
        }
    }

    /** Bucket edges as a step line's x: each bucket drawn flat from its start to its end. */
    private static double[] stepX(double[] starts, long end) {
        double[] x = new double[2 * starts.length];
        for (int i = 0; i < starts.length; i++) {
            x[2 * i] = starts[i];
            x[2 * i + 1] = i + 1 < starts.length ? starts[i + 1] : end;
        }
        return x;
    }

    private static double[] stepY(double[] u) {
        double[] y = new double[2 * u.length];
        for (int i = 0; i < u.length; i++) {
            y[2 * i] = u[i];
            y[2 * i + 1] = u[i];
        }
        return y;
    }
}
