package org.wsched.sim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep aggregated across its graphs: for each (scheduler, steal latency, P), the
 * distribution over the graphs of the mean makespan (over seeds) divided by the graph's lower
 * bound max(⌈T1/P⌉, T∞), and divided by the baseline scheduler's mean makespan on the same graph,
 * latency and P. Written as aggregate.csv and drawn by {@link AggregateChart}.
 */
public final class Aggregate {
    /** What a ratio is taken to. */
    public enum Metric {
        /** makespan / max(⌈T1/P⌉, T∞). */
        LOWER_BOUND("ratioToLowerBound"),
        /** makespan / the baseline scheduler's makespan. */
        BASELINE("ratioToBaseline");

        private final String key;

        Metric(String key) {
            this.key = key;
        }

        /** The CSV name. */
        public String key() {
            return key;
        }
    }

    /**
     * The distribution of one ratio over the graphs.
     *
     * @param halfWidth 95% confidence half-width of the mean (NaN for a single graph)
     */
    public record Row(String scheduler, long stealLatency, int procs, Metric metric, int graphs, double mean,
                      double halfWidth, double min, double p10, double median, double p90, double max) {
    }

    private Aggregate() {
    }

    /**
     * The rows for every scheduler, latency and P of {@code summary}; ratios to {@code baseline}
     * only if it is one of the schedulers (else none).
     */
    public static List<Row> of(List<Summary.Row> summary, String baseline) {
        Map<String, Double> baseMakespan = new HashMap<>();
        for (Summary.Row r : summary) {
            if (r.scheduler().equals(baseline)) {
                baseMakespan.put(key(r.dag(), r.stealLatency(), r.procs()), r.makespan().mean());
            }
        }
        Map<String, List<Summary.Row>> groups = new LinkedHashMap<>();
        for (Summary.Row r : summary) {
            groups.computeIfAbsent(r.scheduler() + "\u0000" + r.stealLatency() + "\u0000" + r.procs(),
                    k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (List<Summary.Row> g : groups.values()) {
            Summary.Row first = g.get(0);
            double[] lower = new double[g.size()];
            double[] base = new double[g.size()];
            int nb = 0;
            for (int i = 0; i < g.size(); i++) {
                Summary.Row r = g.get(i);
                lower[i] = r.lowerBound() == 0 ? 1 : r.makespan().mean() / r.lowerBound();
                Double b = baseMakespan.get(key(r.dag(), r.stealLatency(), r.procs()));
                if (b != null) {
                    base[nb++] = b == 0 ? 1 : r.makespan().mean() / b;
                }
            }
            out.add(row(first, Metric.LOWER_BOUND, lower));
            if (nb > 0) {
                out.add(row(first, Metric.BASELINE, Arrays.copyOf(base, nb)));
            }
        }
        return out;
    }

    private static String key(String dag, long latency, int procs) {
        return dag + "\u0000" + latency + "\u0000" + procs;
    }

    private static Row row(Summary.Row first, Metric metric, double[] xs) {
        Summary.Stat s = Summary.stat(xs);
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return new Row(first.scheduler(), first.stealLatency(), first.procs(), metric, xs.length, s.mean(),
                s.halfWidth(), sorted[0], quantile(sorted, 0.1), quantile(sorted, 0.5), quantile(sorted, 0.9),
                sorted[sorted.length - 1]);
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Writes the rows as CSV; {@code n/a} for the interval of a single graph. */
    public static void writeCsv(List<Row> rows, String baseline, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("scheduler,offline,stealLatency,procs,metric,baseline,graphs,mean,ci95,min,p10,median,p90,max\n");
            for (Row r : rows) {
                w.write(String.join(",", r.scheduler(),
                        String.valueOf(org.wsched.sim.policy.Schedulers.find(r.scheduler())
                                .map(p -> p.offline()).orElse(false)),
                        String.valueOf(r.stealLatency()), String.valueOf(r.procs()), r.metric().key(),
                        r.metric() == Metric.BASELINE ? baseline : "", String.valueOf(r.graphs()),
                        String.valueOf(r.mean()), Double.isNaN(r.halfWidth()) ? "n/a" : String.valueOf(r.halfWidth()),
                        String.valueOf(r.min()), String.valueOf(r.p10()), String.valueOf(r.median()),
                        String.valueOf(r.p90()), String.valueOf(r.max())));
                w.write('\n');
            }
        }
    }
}
