package org.wsched.sim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.wsched.sim.engine.Kernel;
import org.wsched.sim.engine.ScheduleRecord;
import org.wsched.sim.graph.TaskGraph;

/**
 * A Gantt chart of a recorded run: one row per processor, time to the right. Nodes are blue
 * bars (two shades, alternating by node index, so neighbours are told apart), steal attempts
 * orange (successful ones green), a parked thief's skipped attempts pale orange; white is
 * waiting; in a multiprogrammed run, grey quanta are those the kernel did not grant the
 * processor (a steal attempt's bar spans them too; a node's bar is drawn over them). Drawn on a Graphics2D, so the SVG keeps its text as text.
 */
public final class GanttChart {
    /** Most processors drawn as rows. */
    public static final int MAX_PROCS = 1024;
    /** Most nodes and steal intervals an SVG Gantt chart holds (a PNG has no limit). */
    public static final int MAX_SVG_ELEMENTS = 200_000;
    private static final Color NODE_A = new Color(0x1f77b4);
    private static final Color NODE_B = new Color(0x6baed6);
    private static final Color STEAL = new Color(0xff7f0e);
    private static final Color STOLEN = new Color(0x2ca02c);
    private static final Color PARKED = new Color(0xfdd0a2);
    private static final Color DESCHEDULED = new Color(0xe6e6e6);
    /** Most descheduled quanta shaded (one rectangle each). */
    private static final long MAX_SHADED = 200_000;
    private static final int WIDTH = 1200;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private GanttChart() {
    }

    /**
     * Checks that a chart of {@code g} on {@code procs} processors can be drawn in the format of
     * {@code file} ({@code .png} or {@code .svg}); throws IllegalArgumentException saying why not.
     */
    public static void check(Path file, TaskGraph g, int procs) {
        if (procs > MAX_PROCS) {
            throw new IllegalArgumentException("--gantt draws at most " + MAX_PROCS + " processors as rows; P is "
                    + procs + ": use --schedule-out and a trace viewer for more");
        }
        if (file.toString().endsWith(".svg") && g.nodeCount() > MAX_SVG_ELEMENTS) {
            throw new IllegalArgumentException("--gantt " + file + ": an SVG of " + g.nodeCount() + " nodes would be "
                    + "too large (at most " + MAX_SVG_ELEMENTS + "); write a .png, or use --schedule-out");
        }
    }

    /** Writes the chart to {@code file}, a {@code .png} or {@code .svg}. */
    public static void write(Path file, TaskGraph g, ScheduleRecord rec, int procs, long makespan, String title)
            throws IOException {
        write(file, g, rec, procs, makespan, title, null);
    }

    /**
     * The same for a multiprogrammed run: the quanta in which {@code kernel} descheduled a
     * processor are shaded grey (unless there are more than {@value #MAX_SHADED}).
     */
    public static void write(Path file, TaskGraph g, ScheduleRecord rec, int procs, long makespan, String title,
                             Kernel kernel) throws IOException {
        int rowHeight = Math.max(2, Math.min(24, 600 / procs));
        int height = TOP + rowHeight * procs + BOTTOM;
        String name = file.toString();
        boolean svg = name.endsWith(".svg");
        Path stem = Path.of(name.substring(0, name.length() - 4));
        ChartFiles.save((gr, w, h) -> paint(gr, g, rec, procs, makespan, title, rowHeight, kernel), WIDTH, height, stem,
                svg ? ChartFormat.SVG : ChartFormat.PNG);
    }

    private static void paint(Graphics2D gr, TaskGraph g, ScheduleRecord rec, int procs, long makespan, String title,
                              int rowHeight, Kernel kernel) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        double scale = makespan == 0 ? 0 : plotWidth / (double) makespan;
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, WIDTH, TOP + rowHeight * procs + BOTTOM);
        long quanta = kernel == null ? 0 : (makespan + kernel.quantum() - 1) / kernel.quantum();
        if (kernel != null && quanta * procs <= MAX_SHADED) {
            gr.setColor(DESCHEDULED);
            for (int p = 0; p < procs; p++) {
                for (long k = 0; k < quanta; k++) {
                    if (!kernel.granted(p, k)) {
                        bar(gr, p, k * kernel.quantum(), Math.min(makespan, (k + 1) * kernel.quantum()), scale,
                                rowHeight);
                    }
                }
            }
        }
        for (int i = 0; i < rec.stealIntervals(); i++) {
            long end = Math.min(rec.stealEnd(i), makespan);
            gr.setColor(rec.stealAttempts(i) > 1 ? PARKED : rec.stealSucceeded(i) ? STOLEN : STEAL);
            bar(gr, rec.stealProc(i), rec.stealStart(i), end, scale, rowHeight);
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            if (rec.start(v) >= 0) {
                gr.setColor((v & 1) == 0 ? NODE_A : NODE_B);
                bar(gr, rec.proc(v), rec.start(v), rec.finish(v), scale, rowHeight);
            }
        }
        gr.setColor(Color.DARK_GRAY);
        gr.setStroke(new BasicStroke(1f));
        gr.drawRect(LEFT, TOP, plotWidth, rowHeight * procs);
        gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        gr.drawString(title, LEFT, 25);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int labelEvery = Math.max(1, (int) Math.ceil(14.0 / rowHeight));
        for (int p = 0; p < procs; p += labelEvery) {
            gr.drawString("P" + p, 10, TOP + p * rowHeight + Math.min(rowHeight, 12));
        }
        int axisY = TOP + rowHeight * procs;
        double step = niceStep(makespan / 8.0);
        for (double t = 0; t <= makespan && step > 0; t += step) {
            int x = LEFT + (int) Math.round(t * scale);
            gr.drawLine(x, axisY, x, axisY + 5);
            gr.drawString(String.format(Locale.ROOT, "%,.0f", t), x - 10, axisY + 18);
        }
        gr.drawString("time (" + HtmlDagSection.unitText(g.timeUnit()) + "); blue: nodes, orange: failed steal "
                + "attempts, green: successful steals, pale: parked thief, grey: descheduled, white: waiting", LEFT,
                axisY + 40);
    }

    private static void bar(Graphics2D gr, int proc, long from, long to, double scale, int rowHeight) {
        double x = LEFT + from * scale;
        double w = Math.max(0.5, (to - from) * scale);
        double gap = rowHeight >= 6 ? 1 : 0;
        gr.fill(new Rectangle2D.Double(x, TOP + proc * rowHeight + gap, w, rowHeight - 2 * gap));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 0;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return Math.max(1, m * p);
            }
        }
        return 10 * p;
    }
}
