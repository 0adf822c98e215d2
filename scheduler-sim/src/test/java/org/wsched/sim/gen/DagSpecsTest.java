package org.wsched.sim.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsched.sim.io.DagFile;
import org.wsched.sim.io.DagInputException;

/** The table of dag kinds: every row is reachable by name, documented, and drives directory expansion. */
class DagSpecsTest {
    @TempDir
    Path dir;

    @Test
    void everyKindIsFoundByEachOfItsNamesAndListsItsForms() {
        for (DagSpecs.Kind k : DagSpecs.KINDS) {
            assertThat(k.forms()).as(k.names() + " has a help line").isNotEmpty();
            assertThat(DagSpecs.FORMS).containsAll(k.forms());
            for (String name : k.names()) {
                assertThat(DagSpecs.kind(name)).contains(k);
                assertThat(k.forms()).as("a form of " + name).anySatisfy(f -> assertThat(f).contains(name + ":"));
            }
        }
        assertThat(DagSpecs.kind("fob")).isEmpty();
    }

    @Test
    void anUnknownKindListsEveryForm() {
        assertThatThrownBy(() -> DagSpecs.load("fob:3")).isInstanceOf(DagInputException.class)
                .hasMessageContaining(String.join("\n  ", DagSpecs.FORMS));
    }

    @Test
    void aDirectoryExpandsToTheKindOfEachFileEnding() throws Exception {
        DagFile.write(DagSpecs.load("fib:5"), dir.resolve("b.dag.gz"));
        Files.copy(Path.of("src/test/resources/stg/small.stg"), dir.resolve("a.stg"));
        Files.writeString(dir.resolve("notes.txt"), "not a graph");
        assertThat(DagSpecs.expandDirectory(dir)).containsExactly("stg:" + dir.resolve("a.stg"),
                "dag:" + dir.resolve("b.dag.gz"));
        assertThat(DagSpecs.load("dag:" + dir.resolve("b.dag.gz")).nodeCount()).isEqualTo(15);
    }
}
