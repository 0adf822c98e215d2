package org.wsched.sim.cli;

import java.util.concurrent.Callable;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command about one graph ({@code info}, {@code profile}, {@code run}, {@code export}): its
 * {@code --dag SPEC} option, and picocli's model of it for usage errors and output.
 */
abstract class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "SPEC",
            description = "The task graph: a generator such as fib:25 or uts:T3, or a file such as trace:PATH "
                    + "(the kinds are listed below).")
    String dag;

    /** Builds or reads the graph {@code --dag} names. */
    TaskGraph loadGraph() {
        return DagSpecs.load(dag);
    }
}
