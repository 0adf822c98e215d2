package org.wsched.sim.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wsched.dag.DagFormat;
import org.wsched.dag.DagWriter;
import org.wsched.sim.graph.EdgeKind;
import org.wsched.sim.graph.GraphCycleException;
import org.wsched.sim.graph.NodeKind;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;

/**
 * Reads and writes the project's own task-graph file format, {@code wsched-dag} version 1:
 * line-oriented text (optionally gzip-compressed, by a {@code .gz} file name), simple for the
 * runtime's trace recorder to write as it goes. The format's vocabulary and writer are
 * {@link DagFormat} and {@link DagWriter} (shared with the runtime); this class reads it into a
 * {@link TaskGraph}, reporting every problem with its file and line. The full specification is in
 * docs/simulator.md.
 */
public final class DagFile {
    private static final String KIND = "dag";

    private DagFile() {
    }

    /** Reads {@code file}; every problem is a {@link DagInputException} naming file and line. */
    public static TaskGraph read(Path file) {
        String name = file.toString();
        long lineNo = 0;
        try (BufferedReader in = InputFiles.openText(file, KIND)) {
            LineTokens t = new LineTokens();
            String line = in.readLine();
            lineNo = 1;
            if (line == null) {
                throw new DagInputException(KIND + " file " + name + " is empty: expected a first line '"
                        + DagFormat.HEADER + "'");
            }
            t.reset(line);
            if (t.count() != 2 || !t.tokenEquals(0, DagFormat.MAGIC)) {
                throw DagInputException.atLine(KIND, name, 1, "expected the header '" + DagFormat.HEADER
                        + "', found '" + StgReader.abbreviate(line.strip()) + "'; is this a " + DagFormat.MAGIC + " file?");
            }
            if (t.longOrMin(1) != DagFormat.VERSION) {
                throw DagInputException.atLine(KIND, name, 1, "unsupported " + DagFormat.MAGIC + " version '" + t.token(1)
                        + "'; this simulator reads version " + DagFormat.VERSION);
            }
            String unit = "tick";
            int n = -1;
            TaskGraphBuilder b = null;
            long[] definedOn = null;
            int defined = 0;
            boolean ended = false;
            while ((line = in.readLine()) != null) {
                lineNo++;
                t.reset(line);
                if (t.count() == 0 || t.token(0).startsWith("#")) {
                    continue;
                }
                if (ended) {
                    throw DagInputException.atLine(KIND, name, lineNo, "content after the 'end' line");
                }
                if (t.tokenEquals(0, "n")) {
                    checkEntry(b != null, t, name, lineNo, line, "node", "a node line is 'n ID COST [KIND]'");
                    int v = nodeId(name, lineNo, t, 1, n, "node id");
                    if (definedOn[v] != 0) {
                        throw DagInputException.atLine(KIND, name, lineNo, "duplicate node id " + v
                                + ": it is already defined on line " + definedOn[v]);
                    }
                    long cost = t.longOrMin(2);
                    if (cost == Long.MIN_VALUE) {
                        throw DagInputException.atLine(KIND, name, lineNo, "cost must be an integer, found '"
                                + t.token(2) + "'");
                    }
                    if (cost < 0) {
                        throw DagInputException.atLine(KIND, name, lineNo, "node " + v + " has negative cost "
                                + cost + "; costs must be >= 0");
                    }
                    b.setCost(v, cost);
                    b.setKind(v, NodeKind.ofCode(kindCode(name, lineNo, t, DagFormat.NODE_KINDS, "node")));
                    definedOn[v] = lineNo;
                    defined++;
                } else if (t.tokenEquals(0, "e")) {
                    checkEntry(b != null, t, name, lineNo, line, "edge", "an edge line is 'e FROM TO [KIND]'");
                    int from = nodeId(name, lineNo, t, 1, n, "edge source");
                    int to = nodeId(name, lineNo, t, 2, n, "edge target");
                    if (from == to) {
                        throw DagInputException.atLine(KIND, name, lineNo, "edge from node " + from
                                + " to itself (a cycle)");
                    }
                    b.addEdge(from, to, EdgeKind.ofCode(kindCode(name, lineNo, t, DagFormat.EDGE_KINDS, "edge")));
                } else if (t.tokenEquals(0, "end")) {
                    if (b == null) {
                        throw DagInputException.atLine(KIND, name, lineNo, "'end' before the 'nodes N' header");
                    }
                    ended = true;
                } else if (t.tokenEquals(0, "nodes")) {
                    if (b != null) {
                        throw DagInputException.atLine(KIND, name, lineNo, "a second 'nodes' header");
                    }
                    long x = t.count() == 2 ? t.longOrMin(1) : Long.MIN_VALUE;
                    if (x < 0 || x > Integer.MAX_VALUE - 16) {
                        throw DagInputException.atLine(KIND, name, lineNo,
                                "expected 'nodes N' with N a non-negative integer, found '" + line.strip() + "'");
                    }
                    n = (int) x;
                    b = new TaskGraphBuilder(n, n).timeUnit(unit);
                    b.addNodes(n, 0);
                    definedOn = new long[n];
                } else if (t.tokenEquals(0, "unit")) {
                    if (b != null || t.count() != 2) {
                        throw DagInputException.atLine(KIND, name, lineNo,
                                "'unit NAME' must come before the 'nodes' header and name one unit (e.g. ns, ms, tick)");
                    }
                    unit = t.token(1);
                } else {
                    throw DagInputException.atLine(KIND, name, lineNo, "unknown line type '" + t.token(0)
                            + "'; expected n, e, nodes, unit, end or a # comment");
                }
            }
            if (b == null) {
                throw DagInputException.atLine(KIND, name, lineNo, "the file ends before the 'nodes N' header (truncated?)");
            }
            if (!ended) {
                throw DagInputException.atLine(KIND, name, lineNo,
                        "the file ends without the 'end' line: it is truncated (" + defined + " of " + n
                                + " nodes defined)");
            }
            if (defined < n) {
                int missing = 0;
                while (definedOn[missing] != 0) {
                    missing++;
                }
                throw new DagInputException(KIND + " file " + name + ": node " + missing + " is never defined; "
                        + "every id 0.." + (n - 1) + " needs one 'n ID COST' line (" + defined + " of " + n
                        + " defined)");
            }
            try {
                return b.build();
            } catch (GraphCycleException e) {
                int v = e.cycle()[0];
                throw DagInputException.atLine(KIND, name, definedOn[v], "the edges have a cycle through node " + v
                        + " (" + e.getMessage().substring(e.getMessage().indexOf(": ") + 2) + ")");
            }
        } catch (IOException e) {
            throw InputFiles.readFailure(KIND, file, lineNo, e);
        }
    }

    /**
     * The comment lines of {@code file}'s header (before its {@code nodes} line), without the
     * leading {@code #} and surrounding blanks: for example the runtime's
     * {@code recorded by wsched tracing: work-stealing pool, parallelism 2}. Reads only the header.
     */
    public static List<String> headerComments(Path file) {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = InputFiles.openText(file, KIND)) {
            String line;
            int read = 0;
            while ((line = in.readLine()) != null && read++ < 1000) {
                String s = line.strip();
                if (s.startsWith("#")) {
                    out.add(s.substring(1).strip());
                } else if (s.startsWith("nodes") || s.startsWith("n ") || s.startsWith("e ")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw InputFiles.readFailure(KIND, file, 0, e);
        }
        return out;
    }

    /** Checks that a node or edge line comes after the 'nodes N' header and has three or four fields. */
    private static void checkEntry(boolean declared, LineTokens t, String name, long lineNo, String line,
                                   String what, String form) {
        if (!declared) {
            throw DagInputException.atLine(KIND, name, lineNo, what + " line before the 'nodes N' header");
        }
        if (t.count() < 3 || t.count() > 4) {
            throw DagInputException.atLine(KIND, name, lineNo,
                    form + ", found '" + StgReader.abbreviate(line.strip()) + "'");
        }
    }

    /** The code of the optional fourth field, a kind from {@code kinds}; 0 (the default) if absent. */
    private static int kindCode(String name, long lineNo, LineTokens t, List<String> kinds, String what) {
        if (t.count() < 4) {
            return 0;
        }
        int code = kinds.indexOf(t.token(3));
        if (code < 0) {
            throw DagInputException.atLine(KIND, name, lineNo, "unknown " + what + " kind '" + t.token(3)
                    + "'; valid: " + String.join(", ", kinds));
        }
        return code;
    }

    private static int nodeId(String name, long lineNo, LineTokens t, int i, int n, String what) {
        long x = t.longOrMin(i);
        if (x == Long.MIN_VALUE) {
            throw DagInputException.atLine(KIND, name, lineNo, what + " must be an integer, found '" + t.token(i) + "'");
        }
        if (x < 0 || x >= n) {
            throw DagInputException.atLine(KIND, name, lineNo, "unknown node id " + x + " (" + what
                    + "): ids are 0.." + (n - 1) + " as declared by 'nodes " + n + "'");
        }
        return (int) x;
    }

    /** Writes {@code g} to {@code file}, gzip-compressed if the name ends in {@code .gz}. */
    public static void write(TaskGraph g, Path file) throws IOException {
        try (DagWriter w = DagWriter.create(file)) {
            write(g, w);
        }
    }

    /** Writes {@code g} in format version 1 to {@code w} (which stays open). */
    public static void write(TaskGraph g, Writer w) throws IOException {
        write(g, new DagWriter(w));
    }

    private static void write(TaskGraph g, DagWriter w) throws IOException {
        int n = g.nodeCount();
        boolean kinds = g.hasKinds();
        w.unit(g.timeUnit());
        w.nodes(n);
        for (int v = 0; v < n; v++) {
            w.node(v, g.cost(v), kinds ? g.nodeKind(v).code() : 0);
        }
        for (int v = 0; v < n; v++) {
            for (int i = g.firstSuccessor(v); i < g.endSuccessor(v); i++) {
                w.edge(v, g.successorAt(i), g.edgeKindCodeAt(i));
            }
        }
        w.end();
    }
}
