package org.wsched.sim.cli;

import org.wsched.sim.graph.StrandOverhead;
import org.wsched.sim.graph.TaskGraph;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --strand-overhead TICKS|min} option of {@code run}, {@code compare} and {@code profile}. */
final class StrandOverheadOption {
    @Option(names = "--strand-overhead", defaultValue = "0", paramLabel = "TICKS|min",
            description = "Ticks taken off every node's cost (never below 0) before profiling or simulating, to "
                    + "remove the tracer's own cost per strand from a trace: a number, or 'min' for the smallest "
                    + "node cost in the graph (default: ${DEFAULT-VALUE}).")
    String value;

    /** The overhead in ticks for {@code g}; a bad value is a usage error. */
    long ticks(CommandSpec spec, TaskGraph g) {
        return Args.option(spec, "--strand-overhead", value, () -> StrandOverhead.ticks(g, value));
    }

    /** {@code g} with the overhead taken off every node. */
    TaskGraph apply(CommandSpec spec, TaskGraph g) {
        return Args.option(spec, "--strand-overhead", value, () -> StrandOverhead.remove(g, value));
    }
}
