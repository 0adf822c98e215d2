package org.wsched.sim.cli;

import java.util.Locale;
import org.wsched.sim.graph.TaskGraph;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code --strand-overhead NS|min} option: ticks taken off every node's cost before
 * profiling or simulating, to remove a tracer's own fixed cost per strand from a recorded trace
 * ({@code min}: the smallest node cost in the graph, the cost of an empty strand). Default 0.
 */
final class StrandOverhead {
    static final String DESCRIPTION = "Ticks taken off every node's cost (never below 0) before profiling or "
            + "simulating, to remove the tracer's own cost per strand from a trace: a number, or 'min' for the "
            + "smallest node cost in the graph (default: ${DEFAULT-VALUE}).";

    private StrandOverhead() {
    }

    /** The overhead {@code arg} names for {@code g}. */
    static long value(CommandSpec spec, TaskGraph g, String arg) {
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
        Args.check(spec, x >= 0, "Invalid value for option '--strand-overhead': '" + arg
                + "'; give a number of ticks >= 0 or 'min'");
        return x;
    }

    /** {@code g} with the overhead {@code arg} names removed from every node. */
    static TaskGraph apply(CommandSpec spec, TaskGraph g, String arg) {
        return g.withCostsReducedBy(value(spec, g, arg));
    }
}
