package org.wsched.sim.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.wsched.sim.graph.GraphCycleException;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;

/**
 * Reads a WfCommons workflow instance (WfFormat JSON, schema 1.5): tasks and their
 * dependencies from {@code $.workflow.specification.tasks[]} ({@code id}, {@code parents[]},
 * optional {@code children[]}), runtimes from {@code $.workflow.execution.tasks[]}
 * ({@code id}, {@code runtimeInSeconds}). Runtimes become ticks of one millisecond, rounded.
 *
 * <p>Instances in schema 1.4 and before (tasks with {@code runtimeInSeconds} directly in
 * {@code $.workflow.tasks[]}) are rejected with a message naming their version.
 */
public final class WfCommonsReader {
    private static final String KIND = "wf";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WfCommonsReader() {
    }

    /** Reads {@code file}; every problem is a {@link DagInputException} naming file and JSON path. */
    public static TaskGraph read(Path file) {
        String name = file.toString();
        JsonNode root;
        try (InputStream in = InputFiles.openStream(file, KIND)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new DagInputException(KIND + " file " + name + where + ": not valid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        } catch (IOException e) {
            throw InputFiles.readFailure(KIND, file, -1, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new DagInputException(KIND + " file " + name + " is empty: expected a WfFormat JSON object");
        }
        if (!root.isObject()) {
            throw error(name, "$", "must be a JSON object with name, schemaVersion and workflow");
        }
        String version = text(name, root, "$", "schemaVersion");
        JsonNode workflow = object(name, root, "$", "workflow");
        if (compareVersions(version, "1.5") < 0) {
            String layout = workflow.has("tasks")
                    ? " (tasks with runtimeInSeconds directly in $.workflow.tasks[])" : "";
            throw error(name, "$.schemaVersion", "schema version " + version + layout
                    + " is not supported; this importer reads WfFormat 1.5 and later, with tasks in "
                    + "$.workflow.specification.tasks[] and runtimes in $.workflow.execution.tasks[]. "
                    + "Convert the instance to 1.5 with WfCommons or use a 1.5 release of it");
        }
        JsonNode spec = object(name, workflow, "$.workflow", "specification");
        JsonNode specTasks = array(name, spec, "$.workflow.specification", "tasks");
        JsonNode execution = object(name, workflow, "$.workflow", "execution");
        JsonNode execTasks = array(name, execution, "$.workflow.execution", "tasks");

        int n = specTasks.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            String path = "$.workflow.specification.tasks[" + i + "]";
            JsonNode task = specTasks.get(i);
            if (!task.isObject()) {
                throw error(name, path, "must be an object with id and parents");
            }
            String id = text(name, task, path, "id");
            Integer prev = index.putIfAbsent(id, i);
            if (prev != null) {
                throw error(name, path + ".id", "duplicate task id \"" + id
                        + "\": it is already used by $.workflow.specification.tasks[" + prev + "]");
            }
            ids[i] = id;
        }
        TaskGraphBuilder b = new TaskGraphBuilder(n, n * 2).timeUnit("ms");
        b.addNodes(n, 0);
        Set<Long> edges = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String path = "$.workflow.specification.tasks[" + i + "]";
            JsonNode task = specTasks.get(i);
            JsonNode parents = array(name, task, path, "parents");
            for (int k = 0; k < parents.size(); k++) {
                int p = reference(name, parents.get(k), path + ".parents[" + k + "]", index);
                addEdge(b, edges, p, i, name, path + ".parents[" + k + "]", ids);
            }
            JsonNode children = task.get("children");
            if (children != null && !children.isNull()) {
                if (!children.isArray()) {
                    throw error(name, path + ".children", "must be an array of task ids");
                }
                for (int k = 0; k < children.size(); k++) {
                    int c = reference(name, children.get(k), path + ".children[" + k + "]", index);
                    addEdge(b, edges, i, c, name, path + ".children[" + k + "]", ids);
                }
            }
        }
        boolean[] timed = new boolean[n];
        for (int i = 0; i < execTasks.size(); i++) {
            String path = "$.workflow.execution.tasks[" + i + "]";
            JsonNode task = execTasks.get(i);
            if (!task.isObject()) {
                throw error(name, path, "must be an object with id and runtimeInSeconds");
            }
            int v = reference(name, task.get("id"), path + ".id", index);
            if (timed[v]) {
                throw error(name, path + ".id", "task \"" + ids[v] + "\" has a second execution entry");
            }
            JsonNode rt = task.get("runtimeInSeconds");
            if (rt == null || rt.isNull()) {
                throw error(name, path, "missing field runtimeInSeconds (task \"" + ids[v] + "\")");
            }
            if (!rt.isNumber()) {
                throw error(name, path + ".runtimeInSeconds", "must be a number of seconds, was " + rt);
            }
            double seconds = rt.asDouble();
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw error(name, path + ".runtimeInSeconds", "negative or invalid runtime " + rt
                        + " for task \"" + ids[v] + "\"; runtimes must be >= 0 seconds");
            }
            b.setCost(v, Math.round(seconds * 1000.0));
            timed[v] = true;
        }
        for (int v = 0; v < n; v++) {
            if (!timed[v]) {
                throw error(name, "$.workflow.execution.tasks", "task \"" + ids[v]
                        + "\" (specification.tasks[" + v + "]) has no entry with runtimeInSeconds");
            }
        }
        try {
            return b.build();
        } catch (GraphCycleException e) {
            int[] cycle = e.cycle();
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < Math.min(cycle.length, 10); i++) {
                path.append('"').append(ids[cycle[i]]).append("\" -> ");
            }
            path.append(cycle.length > 10 ? "... -> " : "").append('"').append(ids[cycle[0]]).append('"');
            throw error(name, "$.workflow.specification.tasks[" + cycle[0] + "]", "the dependencies have a cycle "
                    + "through task \"" + ids[cycle[0]] + "\": " + path);
        }
    }

    private static void addEdge(TaskGraphBuilder b, Set<Long> edges, int from, int to, String name, String path,
                                String[] ids) {
        if (from == to) {
            throw error(name, path, "task \"" + ids[from] + "\" depends on itself (a cycle)");
        }
        if (edges.add(((long) from << 32) | to)) {
            b.addEdge(from, to);
        }
    }

    private static int reference(String name, JsonNode ref, String path, Map<String, Integer> index) {
        if (ref == null || ref.isNull()) {
            throw error(name, path, "missing task id");
        }
        if (!ref.isTextual()) {
            throw error(name, path, "a task id must be a string, was " + ref);
        }
        Integer v = index.get(ref.asText());
        if (v == null) {
            throw error(name, path, "unknown task id \"" + ref.asText()
                    + "\": no task in $.workflow.specification.tasks[] has it");
        }
        return v;
    }

    private static String text(String name, JsonNode parent, String path, String field) {
        JsonNode x = parent.get(field);
        if (x == null || x.isNull()) {
            throw error(name, path, "missing field " + field);
        }
        if (!x.isTextual()) {
            throw error(name, path + "." + field, "must be a string, was " + x);
        }
        return x.asText();
    }

    private static JsonNode object(String name, JsonNode parent, String path, String field) {
        JsonNode x = parent.get(field);
        if (x == null || x.isNull()) {
            throw error(name, path, "missing field " + field);
        }
        if (!x.isObject()) {
            throw error(name, path + "." + field, "must be a JSON object");
        }
        return x;
    }

    private static JsonNode array(String name, JsonNode parent, String path, String field) {
        JsonNode x = parent.get(field);
        if (x == null || x.isNull()) {
            throw error(name, path, "missing field " + field);
        }
        if (!x.isArray()) {
            throw error(name, path + "." + field, "must be a JSON array");
        }
        return x;
    }

    private static DagInputException error(String name, String path, String what) {
        return new DagInputException(KIND + " file " + name + " at " + path + ": " + what);
    }

    /** Compares dotted version strings numerically; a non-numeric part compares as 0. */
    static int compareVersions(String a, String b) {
        String[] x = a.trim().split("\\.");
        String[] y = b.trim().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int u = i < x.length ? parse(x[i]) : 0;
            int v = i < y.length ? parse(y[i]) : 0;
            if (u != v) {
                return Integer.compare(u, v);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
