package org.wsched.sim.cli;

import java.io.PrintWriter;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.report.GraphInfo;
import org.wsched.sim.report.OutputFormat;
import picocli.CommandLine.Command;

/** {@code info --dag SPEC}: nodes, edges, work, span, parallelism and shape of a graph ({@link GraphInfo}). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints nodes, edges, work, span and parallelism of a task graph.")
final class InfoCommand extends GraphCommand {
    @picocli.CommandLine.Mixin
    TableOrJsonOption format = new TableOrJsonOption();

    @Override
    public Integer call() {
        OutputFormat output = format.get(spec);
        long t0 = System.nanoTime();
        TaskGraph g = loadGraph();
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        PrintWriter out = spec.commandLine().getOut();
        output.print(out, GraphInfo.of(dag, g, loadMillis));
        out.flush();
        return 0;
    }
}
