package org.wsched.sim.cli;

import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import picocli.CommandLine.Option;

/** The {@code --dag SPEC} option of the commands that read one graph ({@code info}, {@code profile}, {@code run}, {@code export}). */
final class DagOption {
    @Option(names = "--dag", required = true, paramLabel = "SPEC",
            description = "The task graph: a generator such as fib:25 or uts:T3, or a file such as trace:PATH "
                    + "(the kinds are listed below).")
    String spec;

    /** Builds or reads the graph. */
    TaskGraph load() {
        return DagSpecs.load(spec);
    }
}
