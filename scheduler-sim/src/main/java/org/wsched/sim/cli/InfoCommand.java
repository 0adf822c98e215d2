package org.wsched.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wsched.sim.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code info --dag SPEC}: nodes, edges, work, span, parallelism and shape of a graph. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints nodes, edges, work, span and parallelism of a task graph.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "SPEC",
            description = "The task graph: a generator (fib:25, uts:T3, layered:...) or a file (stg:, wf:, dag:, "
                    + "trace:). 'wsched-sim list' shows every form.")
    String dag;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        Args.check(spec, format.equals("table") || format.equals("json"),
                "Invalid value for option '--format': '" + format + "'; valid: table, json");
        long t0 = System.nanoTime();
        TaskGraph g = DagSpecs.load(dag);
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        int sources = 0;
        int sinks = 0;
        int maxOut = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.predecessorCount(v) == 0) {
                sources++;
            }
            int out = g.endSuccessor(v) - g.firstSuccessor(v);
            if (out == 0) {
                sinks++;
            }
            maxOut = Math.max(maxOut, out);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dag", dag);
        m.put("nodes", g.nodeCount());
        m.put("edges", g.edgeCount());
        m.put("work", g.work());
        m.put("span", g.span());
        m.put("parallelism", g.parallelism());
        m.put("timeUnit", g.timeUnit());
        m.put("sources", sources);
        m.put("sinks", sinks);
        m.put("maxOutDegree", maxOut);
        m.put("spawnTreeKinds", g.hasKinds());
        m.put("bytesPerNode", g.nodeCount() == 0 ? 0 : (double) g.memoryBytes() / g.nodeCount());
        m.put("loadMillis", loadMillis);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            Tables.keyValues(out, m);
        }
        out.flush();
        return 0;
    }
}
