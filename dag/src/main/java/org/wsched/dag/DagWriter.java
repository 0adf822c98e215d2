package org.wsched.dag;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a graph in the {@code wsched-dag} format ({@link DagFormat}), line by line: the header
 * when created, then optional {@link #comment comments} and {@link #unit unit}, the
 * {@link #nodes node count}, node and edge lines in any order, and {@link #end()}. A file that
 * stops before {@code end()} (an exception, a crash) reads as truncated, not as a smaller graph.
 *
 * <pre>{@code
 * try (DagWriter w = DagWriter.create(Path.of("g.dag.gz"))) {
 *     w.unit("ns");
 *     w.nodes(2);
 *     w.node(0, 1200);
 *     w.node(1, 800);
 *     w.edge(0, 1, DagFormat.SPAWN);
 *     w.end();
 * }
 * }</pre>
 */
public final class DagWriter implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Writer out;
    private final StringBuilder line = new StringBuilder(64);
    private int nodes = -1;
    private boolean ended;

    /**
     * Starts a graph on {@code out} by writing the header line; {@link #close()} closes {@code out}.
     *
     * @param out where to write (buffer it: the writer writes one short line at a time)
     * @throws IOException if writing fails
     */
    public DagWriter(Writer out) throws IOException {
        this.out = out;
        out.write(DagFormat.HEADER);
        out.write('\n');
    }

    /**
     * Starts a graph in {@code file} (replaced if it exists), gzip-compressed if its name ends in
     * {@code .gz}.
     *
     * @param file the file to write
     * @return the writer, to be closed
     * @throws IOException if the file cannot be opened or written
     */
    public static DagWriter create(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        try {
            if (file.toString().endsWith(".gz")) {
                os = new GZIPOutputStream(os, BUFFER);
            }
            return new DagWriter(new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), BUFFER));
        } catch (IOException | RuntimeException e) {
            os.close();
            throw e;
        }
    }

    /**
     * Writes a {@code # text} comment line; readers skip it.
     *
     * @param text one line of text (no line breaks)
     * @throws IOException if writing fails
     */
    public void comment(String text) throws IOException {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a comment is one line; split '" + text + "' into one comment per line");
        }
        open("a comment");
        out.write("# " + text + "\n");
    }

    /**
     * Writes the {@code unit NAME} line: what one tick of cost stands for (e.g. ns). Only before
     * {@link #nodes}.
     *
     * @param unit one word
     * @throws IOException if writing fails
     */
    public void unit(String unit) throws IOException {
        if (unit.isEmpty() || unit.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a unit is one word (e.g. ns, ms, tick), was '" + unit + "'");
        }
        if (nodes >= 0) {
            throw new IllegalStateException("the unit must come before the 'nodes' line: call unit() before nodes()");
        }
        open("the unit");
        out.write("unit " + unit + "\n");
    }

    /**
     * Writes the {@code nodes N} line, once, before any node or edge.
     *
     * @param n the number of nodes; ids are 0 … n−1
     * @throws IOException if writing fails
     */
    public void nodes(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("the node count must be >= 0, was " + n);
        }
        if (nodes >= 0) {
            throw new IllegalStateException("the 'nodes' line is written once; it already said " + nodes);
        }
        open("the 'nodes' line");
        nodes = n;
        out.write("nodes " + n + "\n");
    }

    /**
     * Writes a node of the default kind (strand).
     *
     * @param id   the node id, 0 … n−1
     * @param cost its cost in ticks, at least 0
     * @throws IOException if writing fails
     */
    public void node(int id, long cost) throws IOException {
        node(id, cost, 0);
    }

    /**
     * Writes a node.
     *
     * @param id       the node id, 0 … n−1
     * @param cost     its cost in ticks, at least 0
     * @param nodeCode its kind's code in {@link DagFormat#NODE_KINDS} (0, strand, writes no kind)
     * @throws IOException if writing fails
     */
    public void node(int id, long cost, int nodeCode) throws IOException {
        declared("a node");
        line.setLength(0);
        line.append("n ").append(id).append(' ').append(cost);
        kind(DagFormat.NODE_KINDS, nodeCode);
    }

    /**
     * Writes an edge.
     *
     * @param from     the source node id
     * @param to       the target node id
     * @param edgeCode its kind's code in {@link DagFormat#EDGE_KINDS} (0, serial, writes no kind)
     * @throws IOException if writing fails
     */
    public void edge(int from, int to, int edgeCode) throws IOException {
        declared("an edge");
        line.setLength(0);
        line.append("e ").append(from).append(' ').append(to);
        kind(DagFormat.EDGE_KINDS, edgeCode);
    }

    /**
     * Writes the {@code end} line that marks the graph complete; nothing may follow.
     *
     * @throws IOException if writing fails
     */
    public void end() throws IOException {
        declared("the 'end' line");
        ended = true;
        out.write("end\n");
    }

    /**
     * Closes the underlying writer (without writing {@code end}: call {@link #end()} first).
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        out.close();
    }

    private void kind(List<String> names, int code) throws IOException {
        if (code < 0 || code >= names.size()) {
            throw new IllegalArgumentException("unknown kind code " + code + "; the codes are 0.." + (names.size() - 1)
                    + " for " + names);
        }
        if (code != 0) {
            line.append(' ').append(names.get(code));
        }
        line.append('\n');
        out.append(line);
    }

    private void open(String what) {
        if (ended) {
            throw new IllegalStateException(what + " cannot follow the 'end' line");
        }
    }

    private void declared(String what) {
        open(what);
        if (nodes < 0) {
            throw new IllegalStateException(what + " needs the 'nodes' line first: call nodes(n)");
        }
    }
}
