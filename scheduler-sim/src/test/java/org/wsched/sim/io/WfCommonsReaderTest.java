package org.wsched.sim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WfCommonsReaderTest {
    private static final Path SMALL = Path.of("src/test/resources/wf/small-1.5.json");

    @TempDir
    Path dir;

    @Test
    void readsSchema15WithRuntimesInMilliseconds() {
        TaskGraph g = DagSpecs.load("wf:" + SMALL);
        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(g.edgeCount()).isEqualTo(4); // parents and children describe the same 4 edges
        assertThat(g.timeUnit()).isEqualTo("ms");
        assertThat(g.cost(0)).isEqualTo(1500);
        assertThat(g.cost(1)).isEqualTo(4250);
        assertThat(g.cost(2)).isEqualTo(2000);
        assertThat(g.cost(3)).isEqualTo(0); // 0.4 ms rounds to 0
        assertThat(g.work()).isEqualTo(7750);
        assertThat(g.span()).isEqualTo(5750); // the recorded makespanInSeconds
    }

    private String small() throws IOException {
        return Files.readString(SMALL);
    }

    private void expectError(String json, String... parts) throws IOException {
        ReaderTestFiles.assertRejected(dir, "bad.json", "wf", json, parts);
    }

    @Test
    void readsSchema14LikeTheSameWorkflowIn15() {
        TaskGraph old = DagSpecs.load("wf:src/test/resources/wf/small-1.4.json");
        TaskGraph now = DagSpecs.load("wf:" + SMALL);
        assertThat(old.nodeCount()).isEqualTo(now.nodeCount());
        assertThat(old.edgeCount()).isEqualTo(now.edgeCount());
        for (int v = 0; v < now.nodeCount(); v++) {
            assertThat(old.cost(v)).isEqualTo(now.cost(v));
            assertThat(old.predecessorCount(v)).isEqualTo(now.predecessorCount(v));
        }
        assertThat(old.span()).isEqualTo(5750);
        assertThat(old.timeUnit()).isEqualTo("ms");
    }

    @Test
    void readsSchema13RuntimeAndTasksNamedOnlyByName() throws IOException {
        TaskGraph g = ReaderTestFiles.load(dir, "old.json", "wf", "{\"name\": \"old\", \"schemaVersion\": \"1.3\", \"workflow\": {\"tasks\": ["
                + "{\"name\": \"a\", \"runtime\": 3, \"parents\": []},"
                + "{\"name\": \"b\", \"runtime\": 1.25, \"parents\": [\"a\"]}]}}");
        assertThat(g.work()).isEqualTo(4250);
        assertThat(g.span()).isEqualTo(4250);
    }

    @Test
    void anOldVersionWithoutTasksNamesTheVersion() throws IOException {
        expectError("{\"name\": \"old\", \"schemaVersion\": \"1.4\", \"workflow\": {\"specification\": {}}}",
                "at $.workflow: schema version 1.4", "$.workflow.tasks[]", "1.5");
        expectError("{\"name\": \"old\", \"schemaVersion\": \"1.4\", \"workflow\": {\"tasks\": ["
                + "{\"name\": \"a\", \"parents\": []}]}}", "at $.workflow.tasks[0]: missing field runtimeInSeconds");
    }

    /**
     * Edits of the small workflow that break it: what is replaced, by what, and what the error
     * says (parts separated by |).
     */
    static Stream<Arguments> brokenEdits() {
        return Stream.of(
                Arguments.of("missing runtime", "\"runtimeInSeconds\": 2.0, ", "",
                        "at $.workflow.execution.tasks[2]: missing field runtimeInSeconds (task \"work_0003\")"),
                Arguments.of("task without execution entry",
                        "{\"id\": \"work_0003\", \"runtimeInSeconds\": 2.0, \"coreCount\": 1},", "",
                        "at $.workflow.execution.tasks: task \"work_0003\"|has no entry with runtimeInSeconds"),
                Arguments.of("unknown parent", "\"parents\": [\"split_0001\"], \"children\": [\"merge_0004\"],\n"
                                + "         \"inputFiles\": [\"b.txt\"]",
                        "\"parents\": [\"splitt\"], \"children\": [\"merge_0004\"],\n         \"inputFiles\": [\"b.txt\"]",
                        "at $.workflow.specification.tasks[2].parents[0]: unknown task id \"splitt\""),
                Arguments.of("duplicate id", "\"id\": \"work_0003\", \"parents\"", "\"id\": \"work_0002\", \"parents\"",
                        "at $.workflow.specification.tasks[2].id: duplicate task id \"work_0002\""),
                Arguments.of("negative runtime", "\"runtimeInSeconds\": 4.25", "\"runtimeInSeconds\": -4.25",
                        "at $.workflow.execution.tasks[1].runtimeInSeconds: negative or invalid runtime -4.25"),
                Arguments.of("cycle", "\"id\": \"split_0001\", \"parents\": []",
                        "\"id\": \"split_0001\", \"parents\": [\"merge_0004\"]",
                        "the dependencies have a cycle through task \"split_0001\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEdits")
    void brokenWorkflowsNameWhereAndWhat(String name, String replaced, String by, String expected) throws IOException {
        String json = small();
        assertThat(json).as("the edit's target is in " + SMALL).contains(replaced);
        expectError(json.replace(replaced, by), expected.split("\\|"));
    }

    @Test
    void missingWorkflowAndId() throws IOException {
        expectError("{\"name\": \"x\", \"schemaVersion\": \"1.5\"}", "at $: missing field workflow");
        expectError(small().replace("\"id\": \"merge_0004\", \"parents\"", "\"parents\""),
                "at $.workflow.specification.tasks[3]: missing field id");
        expectError(small().replace("\"schemaVersion\": \"1.5\",", ""), "at $: missing field schemaVersion");
    }

    @Test
    void truncatedJsonNamesLine() throws IOException {
        String s = small();
        expectError(s.substring(0, s.length() / 2), "not valid JSON", "line ");
    }
}
