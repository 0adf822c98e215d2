package org.wsched.sim.gen;

import java.nio.file.Path;
import java.util.List;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.io.DagFile;
import org.wsched.sim.io.DagInputException;
import org.wsched.sim.io.StgReader;
import org.wsched.sim.io.WfCommonsReader;

/**
 * The dag kinds and the one table of them: turns a dag spec string into a {@link TaskGraph}, a
 * generator ({@code fib:25}, {@code uts:T1}, {@code layered:layers=10,width=8,seed=3}, …) or a
 * file to import ({@code stg:PATH}, {@code wf:PATH}, {@code dag:PATH}, {@code trace:PATH}). The
 * parser, the CLI's {@code --dag} splitting, {@code list} and the help texts all read
 * {@link #KINDS}; a new kind is one row there. Every invalid spec is a {@link DagInputException}
 * that lists what is valid.
 */
public final class DagSpecs {
    /**
     * One kind of dag spec, {@code NAME:ARGS}.
     *
     * @param names       the spec prefixes (before the colon) that name it
     * @param forms       its lines of the help text: the spec's form and what it builds
     * @param fileEndings the file name endings a directory given as a dag expands to this kind
     * @param loader      builds or reads the graph from the whole spec and the text after the colon
     */
    public record Kind(List<String> names, List<String> forms, List<String> fileEndings, Loader loader) {
    }

    /** Builds or reads the graph of one spec. */
    @FunctionalInterface
    public interface Loader {
        /**
         * The graph of {@code spec}, whose text after {@code KIND:} is {@code arg}.
         *
         * @throws DagInputException naming what is wrong with the spec
         */
        TaskGraph load(String spec, String arg);
    }

    private static final long[] DEFAULT_COST = {1, 10};

    /** The project's own format, the one whose files carry header comments. */
    private static final Kind WSCHED_DAG = new Kind(List.of("dag", "trace"),
            List.of("dag:PATH | trace:PATH     wsched-dag file (the runtime's trace format), .gz allowed"),
            List.of(".dag", ".dag.gz"), (s, a) -> DagFile.read(path(s, a)));

    /** Every dag kind, in the order {@code list} shows them. */
    public static final List<Kind> KINDS = List.of(
            generator("fib", (s, a) -> FibGenerator.callTree(intArg(s, a, 0, FibGenerator.MAX_N)),
                    "fib:N                     call tree of naive fib(N), unit costs (N <= " + FibGenerator.MAX_N + ")"),
            generator("fibtree", (s, a) -> FibGenerator.spawnTree(intArg(s, a, 0, FibGenerator.MAX_N)),
                    "fibtree:N                 spawn/continuation/join strands of Cilk fib(N), unit costs"),
            generator("nqueens", (s, a) -> NQueensGenerator.searchTree(intArg(s, a, 1, NQueensGenerator.MAX_N)),
                    "nqueens:N                 n-queens search tree, unit costs (N <= " + NQueensGenerator.MAX_N + ")"),
            generator("uts", (s, a) -> UtsGenerator.generate(utsParams(s, a)),
                    "uts:T1|T3|T1L|T3L         standard Unbalanced Tree Search trees",
                    "uts:geo:b0=B,d=D,seed=S   UTS geometric fixed-shape tree",
                    "uts:bin:b0=B,q=Q,m=M,seed=S  UTS binomial tree"),
            generator("layered", DagSpecs::layered,
                    "layered:layers=L,width=W,p=P,cost=LO-HI,seed=S   random layered graph"),
            generator("seriesparallel", (s, a) -> nodesEdgeChance(s, a, 20_000_000, 0.5, RandomGraphs::seriesParallel),
                    "seriesparallel:n=N,p=P,cost=LO-HI,seed=S         random series-parallel graph"),
            generator("random", (s, a) -> nodesEdgeChance(s, a, 20_000, 0.05, RandomGraphs::random),
                    "random:n=N,p=P,cost=LO-HI,seed=S                 random DAG (edge i->j w.p. P)"),
            new Kind(List.of("stg"), List.of("stg:PATH                  Standard Task Graph Set file"),
                    List.of(".stg"), (s, a) -> StgReader.read(path(s, a))),
            new Kind(List.of("wf"),
                    List.of("wf:PATH                   WfCommons JSON (schema 1.5, or 1.4 and older), runtimes in ms ticks"),
                    List.of(".json"), (s, a) -> WfCommonsReader.read(path(s, a))),
            WSCHED_DAG);

    /** One line per spec form, for help texts and error messages: every kind's, then the directory form. */
    public static final List<String> FORMS = forms();

    private DagSpecs() {
    }

    private static Kind generator(String name, Loader loader, String... forms) {
        return new Kind(List.of(name), List.of(forms), List.of(), loader);
    }

    private static List<String> forms() {
        List<String> out = new java.util.ArrayList<>();
        for (Kind k : KINDS) {
            out.addAll(k.forms());
        }
        out.add("DIR                       (compare) every " + String.join(", ", fileEndings())
                + " file in a directory");
        return List.copyOf(out);
    }

    private static List<String> fileEndings() {
        return KINDS.stream().flatMap(k -> k.fileEndings().stream()).toList();
    }

    /** The kind named {@code name} (the part of a spec before its colon), if there is one. */
    public static java.util.Optional<Kind> kind(String name) {
        return KINDS.stream().filter(k -> k.names().contains(name)).findFirst();
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
        Kind kind = kind(s.substring(0, colon)).orElseThrow(() -> unknown(s));
        try {
            return kind.loader().load(s, s.substring(colon + 1));
        } catch (OutOfMemoryError e) {
            throw new DagInputException("dag spec '" + s + "': the graph does not fit in the Java heap ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); give the JVM more with -Xmx", e);
        }
    }

    private static TaskGraph layered(String s, String arg) {
        SpecParams p = SpecParams.parse(s, arg, List.of("layers", "width", "p", "cost", "seed"));
        long[] c = p.getRange("cost", DEFAULT_COST);
        int layers = p.getInt("layers", 10, 1, 1 << 20);
        int width = p.getInt("width", 8, 1, 1 << 16);
        if ((long) layers * width > 50_000_000L) {
            throw new DagInputException("dag spec '" + s + "': layers * width must be at most 50,000,000");
        }
        return RandomGraphs.layered(layers, width, p.getDouble("p", 0.3, 0, 1), c[0], c[1], seed(p));
    }

    /** A random graph generator of n nodes, edge chance p, costs lo..hi. */
    @FunctionalInterface
    private interface RandomGraph {
        TaskGraph build(int n, double p, long lo, long hi, long seed);
    }

    /** A graph of {@code n=N,p=P,cost=LO-HI,seed=S} (N at most {@code maxN}, P by default {@code defaultP}). */
    private static TaskGraph nodesEdgeChance(String s, String arg, int maxN, double defaultP, RandomGraph g) {
        SpecParams p = SpecParams.parse(s, arg, List.of("n", "p", "cost", "seed"));
        long[] c = p.getRange("cost", DEFAULT_COST);
        return g.build(p.getInt("n", 100, 1, maxN), p.getDouble("p", defaultP, 0, 1), c[0], c[1], seed(p));
    }

    private static long seed(SpecParams p) {
        return p.getLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
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
                String kind = kindOfFile(name);
                if (kind != null && java.nio.file.Files.isRegularFile(f)) {
                    specs.add(kind + ":" + f);
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new DagInputException("cannot list directory " + dir + ": " + e.getMessage(), e);
        }
        if (specs.isEmpty()) {
            throw new DagInputException("directory " + dir + " holds no graph file (" + String.join(", ", fileEndings())
                    + ")");
        }
        return specs;
    }

    /** The first name of the kind whose files end like {@code fileName}, or null. */
    private static String kindOfFile(String fileName) {
        for (Kind k : KINDS) {
            for (String e : k.fileEndings()) {
                if (fileName.endsWith(e)) {
                    return k.names().get(0);
                }
            }
        }
        return null;
    }

    /**
     * The header comments of a {@code dag:} or {@code trace:} file (see
     * {@link DagFile#headerComments}); an empty list for every other spec.
     */
    public static List<String> headerComments(String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        if (colon > 0 && kind(s.substring(0, colon)).orElse(null) == WSCHED_DAG) {
            return DagFile.headerComments(path(s, s.substring(colon + 1)));
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
