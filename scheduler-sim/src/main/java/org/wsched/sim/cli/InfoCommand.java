package org.wsched.sim.cli;

import java.io.PrintWriter;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.report.GraphInfo;
import org.wsched.sim.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code info --dag SPEC}: nodes, edges, work, span, parallelism and shape of a graph ({@link GraphInfo}). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints nodes, edges, work, span and parallelism of a task graph.")
final class InfoCommand extends GraphCommand {
    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        OutputFormat output = Args.format(spec, format, OutputFormat.TABLE, OutputFormat.JSON);
        long t0 = System.nanoTime();
        TaskGraph g = loadGraph();
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        PrintWriter out = spec.commandLine().getOut();
        output.print(out, GraphInfo.of(dag, g, loadMillis));
        out.flush();
        return 0;
    }
}
