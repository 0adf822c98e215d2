package org.wsched.sim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The chart of a sweep across its graphs ({@link Aggregate}): for each scheduler (and steal
 * latency), the mean over graphs of makespan / lower bound (or / the baseline's makespan) at
 * each P on a log2 axis, with the 95% confidence interval of that mean as bars. The quantiles
 * (min, p10, median, p90, max) are in aggregate.csv.
 */
public final class AggregateChart {
    private AggregateChart() {
    }

    /** The file stem of the chart of {@code metric}. */
    public static String stem(Aggregate.Metric metric) {
        return metric == Aggregate.Metric.LOWER_BOUND ? "aggregate-lower-bound" : "aggregate-baseline";
    }

    /** Writes the chart of {@code metric} into {@code dir}, if there are rows for it. */
    public static void write(List<Aggregate.Row> rows, Aggregate.Metric metric, String baseline, int graphs, Path dir,
                             ChartFormat format) throws IOException {
        Map<SeriesKey, List<Aggregate.Row>> bySeries = new LinkedHashMap<>();
        TreeSet<Long> latencySet = new TreeSet<>();
        for (Aggregate.Row r : rows) {
            if (r.metric() == metric) {
                bySeries.computeIfAbsent(new SeriesKey(r.scheduler(), r.stealLatency()), k -> new ArrayList<>()).add(r);
                latencySet.add(r.stealLatency());
            }
        }
        if (bySeries.isEmpty()) {
            return;
        }
        List<Long> latencies = new ArrayList<>(latencySet);
        String what = metric == Aggregate.Metric.LOWER_BOUND ? "lower bound" : baseline;
        XYChart c = ChartStyle.chart("Makespan / " + what + ", mean over " + graphs + " graphs",
                "processors P", "makespan / " + (metric == Aggregate.Metric.LOWER_BOUND
                        ? "max(⌈T1/P⌉, T∞)" : baseline + "'s makespan"));
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        ChartStyle.log2X(c);
        SeriesKey.addAll(c, bySeries, latencies, Aggregate.Row::procs, r -> new double[] {r.procs(), r.mean(),
            Double.isNaN(r.halfWidth()) ? 0 : r.halfWidth()});
        ChartFiles.save(c, dir.resolve(stem(metric)), format);
    }
}
