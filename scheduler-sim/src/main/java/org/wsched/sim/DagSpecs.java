package org.wsched.sim;

import java.nio.file.Path;
import java.util.List;
import org.wsched.sim.gen.FibGenerator;
import org.wsched.sim.gen.NQueensGenerator;
import org.wsched.sim.gen.RandomGraphs;
import org.wsched.sim.gen.SpecParams;
import org.wsched.sim.gen.UtsGenerator;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.io.DagFile;
import org.wsched.sim.io.DagInputException;
import org.wsched.sim.io.StgReader;
import org.wsched.sim.io.WfCommonsReader;

/**
 * Turns a dag spec string into a {@link TaskGraph}: a generator ({@code fib:25},
 * {@code uts:T1}, {@code layered:layers=10,width=8,seed=3}, …) or a file to import
 * ({@code stg:PATH}, {@code wf:PATH}, {@code dag:PATH}, {@code trace:PATH}).
 * Every invalid spec is a {@link DagInputException} that lists what is valid.
 */
public final class DagSpecs {
    /** One line per spec form, for help texts and error messages. */
    public static final List<String> FORMS = List.of(
            "fib:N                     call tree of naive fib(N), unit costs (N <= " + FibGenerator.MAX_N + ")",
            "fibtree:N                 spawn/continuation/join strands of Cilk fib(N), unit costs",
            "nqueens:N                 n-queens search tree, unit costs (N <= " + NQueensGenerator.MAX_N + ")",
            "uts:T1|T3|T1L|T3L         standard Unbalanced Tree Search trees",
            "uts:geo:b0=B,d=D,seed=S   UTS geometric fixed-shape tree",
            "uts:bin:b0=B,q=Q,m=M,seed=S  UTS binomial tree",
            "layered:layers=L,width=W,p=P,cost=LO-HI,seed=S   random layered graph",
            "seriesparallel:n=N,p=P,cost=LO-HI,seed=S         random series-parallel graph",
            "random:n=N,p=P,cost=LO-HI,seed=S                 random DAG (edge i->j w.p. P)",
            "stg:PATH                  Standard Task Graph Set file",
            "wf:PATH                   WfCommons JSON (schema 1.5, or 1.4 and older), runtimes in ms ticks",
            "dag:PATH | trace:PATH     wsched-dag file (the runtime's trace format), .gz allowed",
            "DIR                       (compare) every .stg, .json, .dag and .dag.gz file in a directory");

    /** File name endings a directory given as a dag expands to, and the spec kind of each. */
    private static final String[][] FILE_KINDS = {{".stg", "stg"}, {".json", "wf"}, {".dag", "dag"}, {".dag.gz", "dag"}};

    private static final long[] DEFAULT_COST = {1, 10};

    private DagSpecs() {
    }

    /** Builds or reads the graph that {@code spec} names. */
    public static TaskGraph load(String spec) {
        if (spec == null || spec.isBlank()) {
            throw unknown(String.valueOf(spec));
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        if (colon < 0 && (s.contains("/") || s.contains("\\"))) {
            throw new DagInputException("no such directory: " + s + " (a --dag without KIND: names a directory of "
                    + "graph files; for one file write stg:FILE, wf:FILE or dag:FILE)");
        }
        if (colon < 0) {
            throw unknown(s);
        }
        String kind = s.substring(0, colon);
        String arg = s.substring(colon + 1);
        try {
            switch (kind) {
                case "fib":
                    return FibGenerator.callTree(intArg(s, arg, 0, FibGenerator.MAX_N));
                case "fibtree":
                    return FibGenerator.spawnTree(intArg(s, arg, 0, FibGenerator.MAX_N));
                case "nqueens":
                    return NQueensGenerator.searchTree(intArg(s, arg, 1, NQueensGenerator.MAX_N));
                case "uts":
                    return UtsGenerator.generate(utsParams(s, arg));
                case "layered": {
                    SpecParams p = SpecParams.parse(s, arg, List.of("layers", "width", "p", "cost", "seed"));
                    long[] c = p.getRange("cost", DEFAULT_COST);
                    int layers = p.getInt("layers", 10, 1, 1 << 20);
                    int width = p.getInt("width", 8, 1, 1 << 16);
                    if ((long) layers * width > 50_000_000L) {
                        throw new DagInputException("dag spec '" + s + "': layers * width must be at most 50,000,000");
                    }
                    return RandomGraphs.layered(layers, width, p.getDouble("p", 0.3, 0, 1), c[0], c[1],
                            p.getLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
                }
                case "seriesparallel": {
                    SpecParams p = SpecParams.parse(s, arg, List.of("n", "p", "cost", "seed"));
                    long[] c = p.getRange("cost", DEFAULT_COST);
                    return RandomGraphs.seriesParallel(p.getInt("n", 100, 1, 20_000_000), p.getDouble("p", 0.5, 0, 1),
                            c[0], c[1], p.getLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
                }
                case "random": {
                    SpecParams p = SpecParams.parse(s, arg, List.of("n", "p", "cost", "seed"));
                    long[] c = p.getRange("cost", DEFAULT_COST);
                    return RandomGraphs.random(p.getInt("n", 100, 1, 20_000), p.getDouble("p", 0.05, 0, 1),
                            c[0], c[1], p.getLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
                }
                case "stg":
                    return StgReader.read(path(s, arg));
                case "wf":
                    return WfCommonsReader.read(path(s, arg));
                case "dag":
                case "trace":
                    return DagFile.read(path(s, arg));
                default:
                    throw unknown(s);
            }
        } catch (OutOfMemoryError e) {
            throw new DagInputException("dag spec '" + s + "': the graph does not fit in the Java heap ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); give the JVM more with -Xmx", e);
        }
    }

    /**
     * The specs of every graph file in directory {@code dir} ({@code .stg}, {@code .json},
     * {@code .dag}, {@code .dag.gz}), sorted by file name.
     *
     * @throws DagInputException if it cannot be listed or holds no graph file
     */
    public static List<String> expandDirectory(Path dir) {
        List<String> specs = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path f : files.sorted(java.util.Comparator.comparing(x -> x.getFileName().toString())).toList()) {
                String name = f.getFileName().toString();
                for (String[] k : FILE_KINDS) {
                    if (name.endsWith(k[0]) && java.nio.file.Files.isRegularFile(f)) {
                        specs.add(k[1] + ":" + f);
                        break;
                    }
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new DagInputException("cannot list directory " + dir + ": " + e.getMessage(), e);
        }
        if (specs.isEmpty()) {
            throw new DagInputException("directory " + dir + " holds no graph file (.stg, .json, .dag, .dag.gz)");
        }
        return specs;
    }

    /**
     * The header comments of a {@code dag:} or {@code trace:} file (see
     * {@link DagFile#headerComments}); an empty list for every other spec.
     */
    public static List<String> headerComments(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.startsWith("dag:") || s.startsWith("trace:")) {
            return DagFile.headerComments(path(s, s.substring(s.indexOf(':') + 1)));
        }
        return List.of();
    }

    private static UtsGenerator.Params utsParams(String s, String arg) {
        switch (arg) {
            case "T1":
                return UtsGenerator.Params.T1;
            case "T3":
                return UtsGenerator.Params.T3;
            case "T1L":
                return UtsGenerator.Params.T1L;
            case "T3L":
                return UtsGenerator.Params.T3L;
            default:
                break;
        }
        if (arg.startsWith("geo:")) {
            SpecParams p = SpecParams.parse(s, arg.substring(4), List.of("b0", "d", "seed"));
            return UtsGenerator.Params.geometric(p.getDouble("b0", 4, 0, 1000), p.getInt("d", 10, 0, 1 << 20),
                    p.getInt("seed", 19, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (arg.startsWith("bin:")) {
            SpecParams p = SpecParams.parse(s, arg.substring(4), List.of("b0", "q", "m", "seed"));
            int m = p.getInt("m", 8, 0, 1 << 16);
            double q = p.getDouble("q", 0.124875, 0, 1);
            if (q * m >= 1) {
                throw new DagInputException("dag spec '" + s + "': q * m must be below 1, or the tree is "
                        + "infinite with positive probability; was " + (q * m));
            }
            return UtsGenerator.Params.binomial(p.getInt("b0", 2000, 0, 1 << 20), q, m,
                    p.getInt("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        throw new DagInputException("dag spec '" + s + "': unknown UTS tree '" + arg
                + "'; valid: T1, T3, T1L, T3L, geo:b0=B,d=D,seed=S, bin:b0=B,q=Q,m=M,seed=S");
    }

    private static int intArg(String s, String arg, int min, int max) {
        try {
            int x = Integer.parseInt(arg.strip());
            if (x >= min && x <= max) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DagInputException("dag spec '" + s + "': N must be an integer in " + min + ".." + max
                + ", was '" + arg + "'");
    }

    private static Path path(String s, String arg) {
        if (arg.isBlank()) {
            throw new DagInputException("dag spec '" + s + "' names no file; write it as KIND:PATH");
        }
        return Path.of(arg);
    }

    private static DagInputException unknown(String s) {
        return new DagInputException("unknown dag spec '" + s + "'; valid forms:\n  " + String.join("\n  ", FORMS));
    }
}
