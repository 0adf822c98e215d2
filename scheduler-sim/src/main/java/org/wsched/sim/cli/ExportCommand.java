package org.wsched.sim.cli;

import java.nio.file.Path;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.io.DagFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: writes any graph in the project's own wsched-dag format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a task graph in the wsched-dag format (gzip-compressed if FILE ends in .gz).")
final class ExportCommand extends GraphCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.file("--out", out);
        TaskGraph g = loadGraph();
        DagFile.write(g, out);
        spec.commandLine().getOut().printf("wrote %,d nodes and %,d edges to %s%n", g.nodeCount(), g.edgeCount(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
