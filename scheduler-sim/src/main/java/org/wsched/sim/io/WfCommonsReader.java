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
import java.util.function.Function;
import java.util.function.Predicate;
import org.wsched.sim.graph.GraphCycleException;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;

/**
 * Reads a WfCommons workflow instance (WfFormat JSON). Runtimes become ticks of one millisecond,
 * rounded.
 * <ul>
 *   <li>Schema 1.5 and later: tasks and their dependencies from
 *       {@code $.workflow.specification.tasks[]} ({@code id}, {@code parents[]}, optional
 *       {@code children[]}), runtimes from {@code $.workflow.execution.tasks[]} ({@code id},
 *       {@code runtimeInSeconds}).
 *   <li>Schema 1.4 and before (most historical instances): everything in
 *       {@code $.workflow.tasks[]}: a task is named by {@code id} or, if it has none,
 *       {@code name}; {@code parents[]} and {@code children[]} may use either; the runtime is
 *       {@code runtimeInSeconds} (1.4) or {@code runtime} (1.3 and before), in seconds.
 * </ul>
 * An instance in neither layout is rejected with a message naming its schema version.
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
        boolean old = compareVersions(version, "1.5") < 0;
        JsonNode specTasks;
        String specPath;
        if (old) {
            if (!workflow.has("tasks")) {
                throw error(name, "$.workflow", "schema version " + version + " instances list their tasks in "
                        + "$.workflow.tasks[], which is missing; if the file is in the 1.5 layout "
                        + "($.workflow.specification), set $.schemaVersion to \"1.5\"");
            }
            specTasks = array(name, workflow, "$.workflow", "tasks");
            specPath = "$.workflow.tasks";
        } else {
            JsonNode spec = object(name, workflow, "$.workflow", "specification");
            specTasks = array(name, spec, "$.workflow.specification", "tasks");
            specPath = "$.workflow.specification.tasks";
        }

        int n = specTasks.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            String path = specPath + "[" + i + "]";
            JsonNode task = specTasks.get(i);
            if (!task.isObject()) {
                throw error(name, path, "must be an object with id and parents");
            }
            String id = old && !task.hasNonNull("id") ? text(name, task, path, "name") : text(name, task, path, "id");
            Integer prev = index.putIfAbsent(id, i);
            if (prev != null) {
                throw error(name, path + ".id", "duplicate task id \"" + id + "\": it is already used by "
                        + specPath + "[" + prev + "]");
            }
            ids[i] = id;
        }
        if (old) {
            // 1.4 instances may name parents and children by name while tasks also have ids
            for (int i = 0; i < n; i++) {
                JsonNode nm = specTasks.get(i).get("name");
                if (nm != null && nm.isTextual()) {
                    index.putIfAbsent(nm.asText(), i);
                }
            }
        }
        TaskGraphBuilder b = new TaskGraphBuilder(n, n * 2).timeUnit("ms");
        b.addNodes(n, 0);
        Set<Long> edges = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String path = specPath + "[" + i + "]";
            JsonNode task = specTasks.get(i);
            JsonNode parents = array(name, task, path, "parents");
            for (int k = 0; k < parents.size(); k++) {
                int p = reference(name, parents.get(k), path + ".parents[" + k + "]", index, specPath);
                addEdge(b, edges, p, i, name, path + ".parents[" + k + "]", ids);
            }
            JsonNode children = task.get("children");
            if (children != null && !children.isNull()) {
                if (!children.isArray()) {
                    throw error(name, path + ".children", "must be an array of task ids");
                }
                for (int k = 0; k < children.size(); k++) {
                    int c = reference(name, children.get(k), path + ".children[" + k + "]", index, specPath);
                    addEdge(b, edges, i, c, name, path + ".children[" + k + "]", ids);
                }
            }
        }
        if (old) {
            for (int i = 0; i < n; i++) {
                String path = specPath + "[" + i + "]";
                JsonNode task = specTasks.get(i);
                String field = task.has("runtimeInSeconds") || !task.has("runtime") ? "runtimeInSeconds" : "runtime";
                b.setCost(i, runtimeMillis(name, task, path, field, ids[i]));
            }
        } else {
            readExecution(name, object(name, workflow, "$.workflow", "execution"), index, ids, b);
        }
        try {
            return b.build();
        } catch (GraphCycleException e) {
            int[] cycle = e.cycle();
            String path = e.path(v -> '"' + ids[v] + '"');
            throw error(name, specPath + "[" + cycle[0] + "]", "the dependencies have a cycle "
                    + "through task \"" + ids[cycle[0]] + "\": " + path);
        }
    }

    /** Runtimes of a 1.5 instance: one {@code $.workflow.execution.tasks[]} entry per task. */
    private static void readExecution(String name, JsonNode execution, Map<String, Integer> index, String[] ids,
                                      TaskGraphBuilder b) {
        JsonNode execTasks = array(name, execution, "$.workflow.execution", "tasks");
        int n = ids.length;
        boolean[] timed = new boolean[n];
        for (int i = 0; i < execTasks.size(); i++) {
            String path = "$.workflow.execution.tasks[" + i + "]";
            JsonNode task = execTasks.get(i);
            if (!task.isObject()) {
                throw error(name, path, "must be an object with id and runtimeInSeconds");
            }
            int v = reference(name, task.get("id"), path + ".id", index, "$.workflow.specification.tasks");
            if (timed[v]) {
                throw error(name, path + ".id", "task \"" + ids[v] + "\" has a second execution entry");
            }
            b.setCost(v, runtimeMillis(name, task, path, "runtimeInSeconds", ids[v]));
            timed[v] = true;
        }
        for (int v = 0; v < n; v++) {
            if (!timed[v]) {
                throw error(name, "$.workflow.execution.tasks", "task \"" + ids[v]
                        + "\" (specification.tasks[" + v + "]) has no entry with runtimeInSeconds");
            }
        }
    }

    /** The runtime in field {@code field} (seconds) of {@code task}, as whole milliseconds. */
    private static long runtimeMillis(String name, JsonNode task, String path, String field, String id) {
        JsonNode rt = task.get(field);
        if (rt == null || rt.isNull()) {
            throw error(name, path, "missing field " + field + " (task \"" + id + "\")");
        }
        if (!rt.isNumber()) {
            throw error(name, path + "." + field, "must be a number of seconds, was " + rt);
        }
        double seconds = rt.asDouble();
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw error(name, path + "." + field, "negative or invalid runtime " + rt
                    + " for task \"" + id + "\"; runtimes must be >= 0 seconds");
        }
        return Math.round(seconds * 1000.0);
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

    private static int reference(String name, JsonNode ref, String path, Map<String, Integer> index,
                                 String tasksPath) {
        if (ref == null || ref.isNull()) {
            throw error(name, path, "missing task id");
        }
        if (!ref.isTextual()) {
            throw error(name, path, "a task id must be a string, was " + ref);
        }
        Integer v = index.get(ref.asText());
        if (v == null) {
            throw error(name, path, "unknown task id \"" + ref.asText()
                    + "\": no task in " + tasksPath + "[] has it");
        }
        return v;
    }

    private static String text(String name, JsonNode parent, String path, String field) {
        return required(name, parent, path, field, JsonNode::isTextual, x -> "must be a string, was " + x).asText();
    }

    private static JsonNode object(String name, JsonNode parent, String path, String field) {
        return required(name, parent, path, field, JsonNode::isObject, x -> "must be a JSON object");
    }

    private static JsonNode array(String name, JsonNode parent, String path, String field) {
        return required(name, parent, path, field, JsonNode::isArray, x -> "must be a JSON array");
    }

    /** The value of a field that must be present, not null, and of the kind {@code ok} accepts. */
    private static JsonNode required(String name, JsonNode parent, String path, String field,
                                     Predicate<JsonNode> ok, Function<JsonNode, String> mustBe) {
        JsonNode x = parent.get(field);
        if (x == null || x.isNull()) {
            throw error(name, path, "missing field " + field);
        }
        if (!ok.test(x)) {
            throw error(name, path + "." + field, mustBe.apply(x));
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
