package org.wsched.sim.graph;

import java.util.Locale;

/**
 * A tracer's own fixed cost per strand, taken off every node of a recorded graph before it is
 * profiled or simulated. It is given as a number of ticks, or as {@code min}: the smallest node
 * cost in the graph, the cost of an empty strand.
 */
public final class StrandOverhead {
    private StrandOverhead() {
    }

    /**
     * The overhead {@code arg} names for {@code g}, in ticks.
     *
     * @throws IllegalArgumentException if {@code arg} is neither a number &ge; 0 nor {@code min}
     */
    public static long ticks(TaskGraph g, String arg) {
        String a = arg.strip().toLowerCase(Locale.ROOT);
        if (a.equals("min")) {
            return g.minCost();
        }
        long x;
        try {
            x = Long.parseLong(a);
        } catch (NumberFormatException e) {
            x = -1;
        }
        if (x < 0) {
            throw new IllegalArgumentException("give a number of ticks >= 0 or 'min'");
        }
        return x;
    }

    /** {@code g} with the overhead {@code arg} names taken off every node (never below 0). */
    public static TaskGraph remove(TaskGraph g, String arg) {
        return g.withCostsReducedBy(ticks(g, arg));
    }
}
