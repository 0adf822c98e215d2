package org.wsched.sim.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.wsched.sim.graph.GraphCycleException;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;

/**
 * Reads a graph in the Standard Task Graph Set format (Tobita and Kasahara, J. Scheduling
 * 2002): a first line with n, the number of real tasks, then n + 2 task lines
 * {@code id cost npred pred1 pred2 ...} for tasks 0 (zero-cost entry) … n + 1 (zero-cost exit).
 * Blank lines are skipped; lines starting with {@code #} are comments. Costs become ticks.
 *
 * <p>Task lines may come in any order and a predecessor may be listed before its own line,
 * as long as every id 0 … n + 1 is defined exactly once and the graph is acyclic.
 */
public final class StgReader {
    private static final String KIND = "stg";

    private StgReader() {
    }

    /** Reads {@code file}; every problem is a {@link DagInputException} naming file and line. */
    public static TaskGraph read(Path file) {
        String name = file.toString();
        try (BufferedReader in = InputFiles.openText(file, KIND)) {
            LineTokens t = new LineTokens();
            long lineNo = 0;
            String line;
            int n = -1;
            int total = 0;
            int[] definedOn = null;
            TaskGraphBuilder b = null;
            int seen = 0;
            int[] preds = new int[16];
            while ((line = in.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                t.reset(trimmed);
                if (n < 0) {
                    long x = t.longOrMin(0);
                    if (t.count() != 1 || x < 0 || x > Integer.MAX_VALUE - 2) {
                        throw DagInputException.atLine(KIND, name, lineNo,
                                "the first line must hold only the number of tasks n (an integer >= 0), found '"
                                        + trimmed + "'");
                    }
                    n = (int) x;
                    total = n + 2;
                    definedOn = new int[total];
                    b = new TaskGraphBuilder(total, total * 2);
                    b.addNodes(total, 0);
                    continue;
                }
                if (seen == total) {
                    throw DagInputException.atLine(KIND, name, lineNo, "unexpected content after the "
                            + total + " task lines (n + 2 for n = " + n + "): '" + abbreviate(trimmed)
                            + "'; only comment lines starting with # may follow");
                }
                if (t.count() < 3) {
                    throw DagInputException.atLine(KIND, name, lineNo,
                            "a task line needs 'id cost npred pred...', found only " + t.count() + " field"
                                    + (t.count() == 1 ? "" : "s") + ": '" + abbreviate(trimmed) + "'");
                }
                long id = t.longOrMin(0);
                long cost = t.longOrMin(1);
                long npred = t.longOrMin(2);
                requireInt(name, lineNo, t, 0, "task id", id);
                requireInt(name, lineNo, t, 1, "cost", cost);
                requireInt(name, lineNo, t, 2, "predecessor count", npred);
                if (id < 0 || id >= total) {
                    throw DagInputException.atLine(KIND, name, lineNo, "task id " + id + " is out of range 0.."
                            + (total - 1) + " (n = " + n + " real tasks plus entry 0 and exit " + (n + 1) + ")");
                }
                int v = (int) id;
                if (definedOn[v] != 0) {
                    throw DagInputException.atLine(KIND, name, lineNo, "duplicate task id " + v
                            + ": it is already defined on line " + definedOn[v]);
                }
                definedOn[v] = (int) Math.min(lineNo, Integer.MAX_VALUE);
                if (cost < 0) {
                    throw DagInputException.atLine(KIND, name, lineNo, "task " + v + " has negative cost " + cost
                            + "; costs must be >= 0");
                }
                if (npred < 0) {
                    throw DagInputException.atLine(KIND, name, lineNo, "task " + v
                            + " has a negative predecessor count " + npred);
                }
                if (t.count() - 3 != npred) {
                    throw DagInputException.atLine(KIND, name, lineNo, "task " + v + " says it has " + npred
                            + " predecessor" + (npred == 1 ? "" : "s") + " but lists " + (t.count() - 3));
                }
                b.setCost(v, cost);
                if (preds.length < npred) {
                    preds = new int[(int) npred];
                }
                for (int k = 0; k < npred; k++) {
                    long p = t.longOrMin(3 + k);
                    requireInt(name, lineNo, t, 3 + k, "predecessor id", p);
                    if (p < 0 || p >= total) {
                        throw DagInputException.atLine(KIND, name, lineNo, "task " + v + " lists predecessor " + p
                                + ", which is not a task id (ids are 0.." + (total - 1) + ")");
                    }
                    if (p == v) {
                        throw DagInputException.atLine(KIND, name, lineNo, "task " + v
                                + " lists itself as a predecessor (a cycle)");
                    }
                    preds[k] = (int) p;
                }
                int[] sorted = Arrays.copyOf(preds, (int) npred);
                Arrays.sort(sorted);
                for (int k = 1; k < sorted.length; k++) {
                    if (sorted[k] == sorted[k - 1]) {
                        throw DagInputException.atLine(KIND, name, lineNo, "task " + v + " lists predecessor "
                                + sorted[k] + " twice");
                    }
                }
                for (int k = 0; k < npred; k++) {
                    b.addEdge(preds[k], v);
                }
                seen++;
            }
            if (n < 0) {
                throw new DagInputException(KIND + " file " + name
                        + " is empty: expected a first line with the number of tasks n, then n + 2 task lines");
            }
            if (seen < total) {
                int missing = 0;
                while (definedOn[missing] != 0) {
                    missing++;
                }
                throw DagInputException.atLine(KIND, name, lineNo, "the file ends after " + seen + " of "
                        + total + " task lines (n + 2 for n = " + n + "); task " + missing
                        + " is never defined (truncated file?)");
            }
            try {
                return b.build();
            } catch (GraphCycleException e) {
                int[] cycle = e.cycle();
                String path = e.path(String::valueOf);
                throw DagInputException.atLine(KIND, name, definedOn[cycle[0]], "the graph has a cycle through task "
                        + cycle[0] + " (" + path + "); predecessor lists must not form a cycle");
            }
        } catch (IOException e) {
            throw InputFiles.readFailure(KIND, file, -1, e);
        }
    }

    private static void requireInt(String name, long lineNo, LineTokens t, int i, String what, long x) {
        if (x == Long.MIN_VALUE) {
            throw DagInputException.atLine(KIND, name, lineNo, what + " must be an integer, found '" + t.token(i) + "'");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
