package org.wsched.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagWriterTest {
    @Test
    void writesTheFormatWithKindNamesAndDefaultsLeftOut() throws Exception {
        StringWriter s = new StringWriter();
        DagWriter w = new DagWriter(s);
        w.comment("two strands");
        w.unit("ns");
        w.nodes(3);
        w.node(0, 1200, 1);
        w.node(1, 800);
        w.node(2, 5, 3);
        w.edge(0, 1, DagFormat.SPAWN);
        w.edge(0, 2, DagFormat.CONTINUATION);
        w.edge(1, 2, DagFormat.SERIAL);
        w.end();
        assertThat(s.toString()).isEqualTo("wsched-dag 1\n# two strands\nunit ns\nnodes 3\n"
                + "n 0 1200 spawn\nn 1 800\nn 2 5 join\ne 0 1 spawn\ne 0 2 continuation\ne 1 2\nend\n");
    }

    @Test
    void aGzNameCompresses(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("g.dag.gz");
        try (DagWriter w = DagWriter.create(gz)) {
            w.nodes(1);
            w.node(0, 7);
            w.end();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("wsched-dag 1\nnodes 1\nn 0 7\nend\n");
        }
    }

    @Test
    void linesOutOfOrderAreRefused() throws Exception {
        DagWriter w = new DagWriter(new StringWriter());
        assertThatThrownBy(() -> w.node(0, 1)).hasMessageContaining("needs the 'nodes' line first");
        w.nodes(1);
        assertThatThrownBy(() -> w.unit("ns")).hasMessageContaining("before the 'nodes' line");
        assertThatThrownBy(() -> w.nodes(2)).hasMessageContaining("written once");
        assertThatThrownBy(() -> w.edge(0, 0, 4)).hasMessageContaining("unknown kind code 4");
        w.end();
        assertThatThrownBy(() -> w.node(0, 1)).hasMessageContaining("cannot follow the 'end' line");
    }

    @Test
    void kindNamesAndCodesAgree() {
        assertThat(DagFormat.HEADER).isEqualTo("wsched-dag 1");
        assertThat(DagFormat.EDGE_KINDS.indexOf("continuation")).isEqualTo(DagFormat.CONTINUATION);
        assertThat(DagFormat.EDGE_KINDS.indexOf("join")).isEqualTo(DagFormat.JOIN);
        assertThat(DagFormat.EDGE_KINDS.indexOf("spawn")).isEqualTo(DagFormat.SPAWN);
        assertThat(DagFormat.EDGE_KINDS.get(DagFormat.SERIAL)).isEqualTo("serial");
        assertThat(DagFormat.NODE_KINDS.get(0)).isEqualTo("strand");
        assertThat(DagFormat.isBurdened(DagFormat.JOIN)).isTrue();
        assertThat(DagFormat.isBurdened(DagFormat.SPAWN)).isFalse();
    }
}
