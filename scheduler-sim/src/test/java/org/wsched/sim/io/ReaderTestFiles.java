package org.wsched.sim.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;

/** Small input files for the reader tests: written, then loaded or checked to be rejected. */
final class ReaderTestFiles {

    private ReaderTestFiles() {
    }

    /** Writes {@code content} to {@code dir/name} and loads it as the dag spec {@code scheme:path}. */
    static TaskGraph load(Path dir, String name, String scheme, CharSequence content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return DagSpecs.load(scheme + ":" + f);
    }

    /**
     * Writes {@code content} to {@code dir/name} and asserts that loading it as {@code scheme:path}
     * throws a {@link DagInputException} whose message starts with "{@code scheme} file
     * {@code path}" and contains each of {@code parts}.
     */
    static void assertRejected(Path dir, String name, String scheme, String content, String... parts) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        var assertion = assertThatThrownBy(() -> DagSpecs.load(scheme + ":" + f)).isInstanceOf(DagInputException.class)
                .hasMessageStartingWith(scheme + " file " + f);
        for (String p : parts) {
            assertion.hasMessageContaining(p);
        }
    }

    /**
     * {@link #assertRejected} for one row of a table of bad files ({@code src/test/resources/SCHEME/bad-files.csv}:
     * case name | content | what the message must contain): the file is named after the case
     * (blanks as dashes, extension {@code scheme}), {@code \n} in {@code escaped} stands for a
     * line break, and an empty cell for an empty file.
     */
    static void assertCaseRejected(Path dir, String scheme, String caseName, String escaped, String expected)
            throws IOException {
        assertRejected(dir, caseName.strip().replace(' ', '-') + "." + scheme, scheme,
                escaped == null ? "" : escaped.replace("\\n", "\n"), expected);
    }
}
