package org.wsched.sim.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.wsched.sim.metrics.EventEstimate;

/**
 * A sweep's progress on stderr, with an estimated time to completion; shown only for a sweep
 * that runs longer than a couple of seconds. Progress is measured in estimated events
 * ({@link EventEstimate}) so that one huge run does not make the estimate wildly optimistic. On
 * a terminal it is one bar redrawn in place; otherwise a line every ten seconds (for logs).
 */
public final class Progress {
    private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final double totalWeight;
    private final int totalRuns;
    private final String unit;
    private final LongSupplier clock;
    private final long start;
    private double doneWeight;
    private int doneRuns;
    private long lastShown;
    private boolean shown;

    /** Progress of {@code totalRuns} runs weighing {@code totalWeight} estimated events in all. */
    public Progress(PrintWriter out, boolean terminal, int totalRuns, double totalWeight) {
        this(out, terminal, totalRuns, totalWeight, "runs", System::nanoTime);
    }

    /** Progress of {@code total} steps of equal weight, counted as {@code unit} (e.g. "graphs charted"). */
    public Progress(PrintWriter out, boolean terminal, int total, String unit) {
        this(out, terminal, total, total, unit, System::nanoTime);
    }

    Progress(PrintWriter out, boolean terminal, int totalRuns, double totalWeight, String unit, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.totalRuns = totalRuns;
        this.unit = unit;
        this.totalWeight = Math.max(1, totalWeight);
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** One run of estimated weight {@code weight} finished. */
    public synchronized void done(double weight) {
        doneWeight += weight;
        doneRuns++;
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < SHOW_AFTER_NANOS || doneRuns == totalRuns) {
            return;
        }
        if (shown && now - lastShown < (terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS)) {
            return;
        }
        shown = true;
        lastShown = now;
        double fraction = Math.min(1, doneWeight / totalWeight);
        double eta = fraction <= 0 ? Double.NaN : elapsed / 1e9 * (1 - fraction) / fraction;
        String eta1 = Double.isNaN(eta) ? "?" : EventEstimate.duration(eta);
        int width = 30;
        int filled = (int) (fraction * width);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d %s, %.0f%%, elapsed %s, ETA %s", "#".repeat(filled),
                ".".repeat(width - filled), doneRuns, totalRuns, unit, 100 * fraction,
                EventEstimate.duration(elapsed / 1e9), eta1);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Clears the bar (on a terminal) once the sweep is over. */
    public synchronized void finish() {
        if (terminal && shown) {
            out.print("\r" + " ".repeat(90) + "\r");
            out.flush();
        }
    }
}
