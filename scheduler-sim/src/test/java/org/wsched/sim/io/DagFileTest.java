package org.wsched.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.EdgeKind;
import org.wsched.sim.graph.NodeKind;
import org.wsched.sim.graph.TaskGraph;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DagFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"fibtree:12", "layered:layers=5,width=6,cost=0-100,seed=4", "uts:geo:b0=4,d=5,seed=2",
        "stg:src/test/resources/stg/small.stg", "wf:src/test/resources/wf/small-1.5.json"})
    void roundTripKeepsEverything(String spec) throws IOException {
        TaskGraph g = DagSpecs.load(spec);
        for (String name : new String[] {"g.dag", "g.dag.gz"}) {
            Path f = dir.resolve(name);
            DagFile.write(g, f);
            TaskGraph h = DagSpecs.load((name.endsWith(".gz") ? "trace:" : "dag:") + f);
            assertSame(g, h);
        }
    }

    private static void assertSame(TaskGraph g, TaskGraph h) {
        assertThat(h.nodeCount()).isEqualTo(g.nodeCount());
        assertThat(h.edgeCount()).isEqualTo(g.edgeCount());
        assertThat(h.work()).isEqualTo(g.work());
        assertThat(h.span()).isEqualTo(g.span());
        assertThat(h.timeUnit()).isEqualTo(g.timeUnit());
        assertThat(h.hasKinds()).isEqualTo(g.hasKinds());
        for (int v = 0; v < g.nodeCount(); v++) {
            assertThat(h.cost(v)).isEqualTo(g.cost(v));
            assertThat(h.nodeKind(v)).isEqualTo(g.nodeKind(v));
            assertThat(h.firstSuccessor(v)).isEqualTo(g.firstSuccessor(v));
            for (int i = g.firstSuccessor(v); i < g.endSuccessor(v); i++) {
                assertThat(h.successorAt(i)).isEqualTo(g.successorAt(i));
                assertThat(h.edgeKindAt(i)).isEqualTo(g.edgeKindAt(i));
            }
        }
    }

    @Test
    void readsHandWrittenFileWithKindsCommentsAndAnyOrder() throws IOException {
        TaskGraph g = ReaderTestFiles.load(dir, "t.dag", "trace", "wsched-dag 1\n# a spawn, child, continuation and join, costs in ns\nunit ns\n"
                + "nodes 4\n\ne 0 1 spawn\ne 0 2 continuation\nn 3 50 join\nn 0 100 spawn\nn 1 1000\n"
                + "n 2 10 continuation\ne 1 3 join\ne 2 3\nend\n");
        assertThat(g.timeUnit()).isEqualTo("ns");
        assertThat(g.work()).isEqualTo(1160);
        assertThat(g.span()).isEqualTo(1150);
        assertThat(g.nodeKind(0)).isEqualTo(NodeKind.SPAWN);
        assertThat(g.nodeKind(1)).isEqualTo(NodeKind.STRAND);
        assertThat(g.edgeKindAt(g.firstSuccessor(0))).isEqualTo(EdgeKind.SPAWN);
        assertThat(g.edgeKindAt(g.firstSuccessor(0) + 1)).isEqualTo(EdgeKind.CONTINUATION);
        assertThat(g.edgeKindAt(g.firstSuccessor(2))).isEqualTo(EdgeKind.SERIAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/dag/bad-files.csv", delimiter = '|')
    void badFilesNameFileLineAndProblem(String name, String content, String expected) throws IOException {
        ReaderTestFiles.assertCaseRejected(dir, "dag", name, content, expected);
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        TaskGraph g = DagSpecs.load("fib:15");
        Path full = dir.resolve("full.dag.gz");
        DagFile.write(g, full);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.dag.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> DagSpecs.load("dag:" + cut)).isInstanceOf(DagInputException.class)
                .hasMessageStartingWith("dag file " + cut).hasMessageContaining("truncated");
    }

    @Test
    void gzipOfTextWithoutEndIsTruncated() throws IOException {
        Path f = dir.resolve("x.dag.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(f))) {
            os.write("wsched-dag 1\nnodes 1\nn 0 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> DagSpecs.load("dag:" + f)).hasMessageContaining("without the 'end' line");
    }
}
