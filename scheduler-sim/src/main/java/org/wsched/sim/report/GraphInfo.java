package org.wsched.sim.report;

import java.util.Map;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.util.KeyValues;

/** The {@code info} report of one graph: size, work, span, parallelism and shape. */
public final class GraphInfo {
    private GraphInfo() {
    }

    /**
     * The report's keys and values, in order: nodes, edges, work, span, parallelism, time unit,
     * sources, sinks, largest out-degree, whether edges carry spawn-tree kinds, bytes per node and
     * the time it took to load.
     *
     * @param dag        the dag spec as given
     * @param loadMillis how long building or reading {@code g} took
     */
    public static Map<String, Object> of(String dag, TaskGraph g, long loadMillis) {
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
        return KeyValues.of("dag", dag, "nodes", g.nodeCount(), "edges", g.edgeCount(), "work", g.work(),
                "span", g.span(), "parallelism", g.parallelism(), "timeUnit", g.timeUnit(), "sources", sources,
                "sinks", sinks, "maxOutDegree", maxOut, "spawnTreeKinds", g.hasKinds(),
                "bytesPerNode", g.nodeCount() == 0 ? 0 : (double) g.memoryBytes() / g.nodeCount(),
                "loadMillis", loadMillis);
    }
}
