package org.wsched.sim.cli;

import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import picocli.CommandLine.Option;

/**
 * A command about one graph ({@code info}, {@code profile}, {@code run}, {@code export}): its
 * {@code --dag SPEC} option.
 */
abstract class GraphCommand extends SimCommand {
    @Option(names = "--dag", required = true, paramLabel = "SPEC",
            description = "The task graph: a generator such as fib:25 or uts:T3, or a file such as trace:PATH "
                    + "(the kinds are listed below).")
    String dag;

    /** Builds or reads the graph {@code --dag} names. */
    TaskGraph loadGraph() {
        return DagSpecs.load(dag);
    }
}
