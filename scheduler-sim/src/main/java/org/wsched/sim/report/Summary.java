package org.wsched.sim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsched.sim.metrics.RunResult;

/**
 * Results of a sweep aggregated over seeds: for each (dag, scheduler, steal latency, procs), the
 * mean and the 95% confidence interval (Student's t) of the makespan, speedup, efficiency, steal
 * attempts and steals, and means of the other metrics. A single run has no interval: its
 * half-width is NaN, shown as "n/a".
 */
public final class Summary {
    /** One aggregated row. */
    public record Row(String dag, String scheduler, long stealLatency, int procs, int runs, long work, long span,
                      long lowerBound, double grahamBound, Stat makespan, Stat speedup, Stat efficiency,
                      double ratioToLowerBound, double utilization, Stat stealAttempts, Stat steals,
                      double stealAttemptsPerPSpan, double imbalance, int available, double ratioToAbpBound) {
        /** Whether the kernel granted fewer than P processors. */
        public boolean multiprogrammed() {
            return available < procs;
        }
    }

    /** Mean and 95% confidence half-width over seeds (half-width NaN for a single run: no interval). */
    public record Stat(double mean, double halfWidth) {
        /** Whether there is an interval (at least two runs). */
        public boolean hasInterval() {
            return !Double.isNaN(halfWidth);
        }

        /** The half-width as text: {@code n/a} without an interval. */
        public String halfWidthText(String format) {
            return hasInterval() ? String.format(java.util.Locale.ROOT, format, halfWidth) : "n/a";
        }

        /** Lower end of the interval. */
        public double low() {
            return mean - halfWidth;
        }

        /** Upper end of the interval. */
        public double high() {
            return mean + halfWidth;
        }
    }

    private Summary() {
    }

    /** Groups {@code results} by (dag, scheduler, steal latency, procs), keeping first-seen order. */
    public static List<Row> of(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.dag() + "\u0000" + r.scheduler() + "\u0000" + r.stealLatency() + "\u0000" + r.procs(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Row> rows = new ArrayList<>();
        for (List<RunResult> g : groups.values()) {
            RunResult first = g.get(0);
            double[] makespan = new double[g.size()];
            double[] speedup = new double[g.size()];
            double[] efficiency = new double[g.size()];
            double ratio = 0;
            double util = 0;
            double[] attempts = new double[g.size()];
            double[] steals = new double[g.size()];
            double perPSpan = 0;
            double imbalance = 0;
            double abp = 0;
            for (int i = 0; i < g.size(); i++) {
                RunResult r = g.get(i);
                makespan[i] = r.makespan();
                speedup[i] = r.speedup();
                efficiency[i] = r.efficiency();
                ratio += r.ratioToLowerBound();
                util += r.utilization();
                attempts[i] = r.stealAttempts();
                steals[i] = r.steals();
                perPSpan += r.stealAttemptsPerPSpan();
                imbalance += r.imbalance();
                abp += r.ratioToAbpBound();
            }
            int n = g.size();
            rows.add(new Row(first.dag(), first.scheduler(), first.stealLatency(), first.procs(), n, first.work(),
                    first.span(), first.lowerBound(), first.grahamBound(), stat(makespan), stat(speedup),
                    stat(efficiency), ratio / n, util / n, stat(attempts), stat(steals), perPSpan / n, imbalance / n, first.available(),
                    abp / n));
        }
        return rows;
    }

    /** Mean and 95% half-width t(0.975, n−1)·s/√n of {@code xs} (NaN for fewer than two values). */
    public static Stat stat(double[] xs) {
        int n = xs.length;
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        if (n < 2) {
            return new Stat(mean, Double.NaN);
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new Stat(mean, tQuantile975(n - 1) * sd / Math.sqrt(n));
    }

    private static final double[] T975 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
        2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069,
        2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    /** The 97.5% quantile of Student's t with {@code df} degrees of freedom. */
    static double tQuantile975(int df) {
        if (df < T975.length) {
            return T975[df];
        }
        if (df <= 60) {
            return 2.000 + (2.042 - 2.000) * (60 - df) / 30.0;
        }
        return df <= 120 ? 1.980 + (2.000 - 1.980) * (120 - df) / 60.0 : 1.960;
    }
}
