package org.wsched.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measured real run times to overlay on a sweep's charts ({@code compare --measured}): a list
 * {@code [N:]P=TIME[,P=TIME...]} where N is the dag's position in {@code --dag} (1-based, as in
 * the chart names; optional with a single dag), P the processors of the real run and TIME a
 * number with an optional unit {@code ns}, {@code us}, {@code ms} (the default) or {@code s}.
 */
public final class Measured {
    /** One measured run: the dag (1-based index), its processors and its wall time in nanoseconds. */
    public record Point(int dag, int procs, double nanos) {
    }

    /** One line of the measured-vs-simulated table. */
    public record Row(String dag, int procs, double measured, String scheduler, double simulated, String unit) {
        /** (simulated − measured) / measured, in percent. */
        public double errorPercent() {
            return measured == 0 ? Double.NaN : 100.0 * (simulated - measured) / measured;
        }
    }

    private Measured() {
    }

    /**
     * Parses one {@code --measured} value.
     *
     * @param dags the number of dags in the sweep
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<Point> parse(String arg, int dags) {
        String a = arg.strip();
        int dag = 1;
        int colon = a.indexOf(':');
        if (colon >= 0) {
            dag = parseInt(a.substring(0, colon), "dag index N in N:P=TIME");
            if (dag < 1 || dag > dags) {
                throw new IllegalArgumentException("dag index " + dag + " is not in 1.." + dags
                        + " (the position of the dag in --dag)");
            }
            a = a.substring(colon + 1);
        } else if (dags > 1) {
            throw new IllegalArgumentException("with " + dags + " dags, say which one the times belong to: "
                    + "N:P=TIME,... with N its position in --dag (1.." + dags + ")");
        }
        List<Point> out = new ArrayList<>();
        for (String piece : a.split(",")) {
            String p = piece.strip();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected P=TIME (e.g. 2=41.5 or 2=41.5ms), found '" + p + "'");
            }
            int procs = parseInt(p.substring(0, eq), "processors P in P=TIME");
            if (procs < 1) {
                throw new IllegalArgumentException("processors must be >= 1, was " + procs);
            }
            out.add(new Point(dag, procs, nanos(p.substring(eq + 1).strip())));
        }
        return out;
    }

    private static double nanos(String t) {
        String s = t.toLowerCase(Locale.ROOT);
        double scale = 1e6;
        String num = s;
        for (String[] u : new String[][] {{"ns", "1"}, {"us", "1e3"}, {"ms", "1e6"}, {"s", "1e9"}}) {
            if (s.endsWith(u[0])) {
                scale = Double.parseDouble(u[1]);
                num = s.substring(0, s.length() - u[0].length()).strip();
                break;
            }
        }
        double v;
        try {
            v = Double.parseDouble(num);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TIME must be a number with an optional unit ns, us, ms (default) "
                    + "or s, found '" + t + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("TIME must be > 0, found '" + t + "'");
        }
        return v * scale;
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, found '" + s.strip() + "'");
        }
    }

    /**
     * Nanoseconds per tick of {@code unit}, or throws if the unit is not a time (a measured wall
     * time cannot be compared with ticks of unknown length).
     */
    public static double nanosPerTick(String unit, String dag) {
        switch (unit) {
            case "ns":
                return 1;
            case "us":
                return 1e3;
            case "ms":
                return 1e6;
            case "s":
                return 1e9;
            default:
                throw new IllegalArgumentException("measured times need a graph whose time unit is ns, us, ms or s; "
                        + dag + " is in '" + unit + "'");
        }
    }

    /**
     * Prints the measured-vs-simulated table to {@code out}, writes it to {@code csvFile}
     * ({@code dag,procs,measured,scheduler,simulated,error_percent,unit}), and notes measured
     * points whose P was not simulated.
     */
    public static void writeTable(java.io.PrintWriter out, java.nio.file.Path csvFile, List<Row> table,
                                  List<Point> points, List<String> dags) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("dag,procs,measured,scheduler,simulated,error_percent,unit\n");
        out.printf(Locale.ROOT, "%-4s %-6s %16s %-12s %16s %9s%n", "dag", "P", "measured", "scheduler",
                "simulated", "error");
        for (Row r : table) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%.0f,%s,%.1f,%.2f,%s%n", ResultFiles.csvField(r.dag()),
                    r.procs(), r.measured(), r.scheduler(), r.simulated(), r.errorPercent(), r.unit()));
            out.printf(Locale.ROOT, "%-4d %-6d %,13.0f %-2s %-12s %,13.0f %-2s %+8.1f%%%n",
                    dags.indexOf(r.dag()) + 1, r.procs(), r.measured(), r.unit(), r.scheduler(), r.simulated(),
                    r.unit(), r.errorPercent());
        }
        for (Point pt : points) {
            boolean simulated = false;
            for (Row r : table) {
                simulated |= r.procs() == pt.procs() && r.dag().equals(dags.get(pt.dag() - 1));
            }
            if (!simulated) {
                out.printf("note: measured P=%d for dag %d is drawn but not tabulated: add %d to --procs%n",
                        pt.procs(), pt.dag(), pt.procs());
            }
        }
        java.nio.file.Files.writeString(csvFile, csv);
    }
}
