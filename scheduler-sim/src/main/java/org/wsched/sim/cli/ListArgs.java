package org.wsched.sim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.policy.Schedulers;
import picocli.CommandLine.TypeConversionException;

/** Parsing of the comma-separated list options of the CLI, with errors that say what is valid. */
final class ListArgs {
    private ListArgs() {
    }

    /**
     * Splits {@code --dag A,B,...}. A spec's own parameters also use commas
     * ({@code layered:layers=4,width=3}), so a new spec starts only at a piece that begins with a
     * known kind ({@link DagSpecs#KINDS}) and a colon; other pieces continue the previous spec.
     */
    static List<String> dags(String arg) {
        List<String> out = new ArrayList<>();
        for (String piece : arg.split(",")) {
            int colon = piece.indexOf(':');
            boolean starts = colon > 0 && DagSpecs.kind(piece.substring(0, colon).strip()).isPresent()
                    || isDirectory(piece.strip());
            if (starts || out.isEmpty()) {
                out.add(piece.strip());
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + piece.strip());
            }
        }
        out.removeIf(String::isEmpty);
        if (out.isEmpty()) {
            throw new TypeConversionException("no dag spec given");
        }
        return out;
    }

    private static boolean isDirectory(String s) {
        try {
            return !s.isEmpty() && java.nio.file.Files.isDirectory(java.nio.file.Path.of(s));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The non-empty comma-separated items of {@code arg}, stripped. */
    private static List<String> items(String arg) {
        List<String> out = new ArrayList<>();
        for (String piece : arg.split(",")) {
            if (!piece.isBlank()) {
                out.add(piece.strip());
            }
        }
        return out;
    }

    /** Parses steal latencies {@code 1} or {@code 1,10,100}: each ≥ 1 tick; sorted, without duplicates. */
    static List<Long> latencies(String arg) {
        TreeSet<Long> out = new TreeSet<>();
        for (String it : items(arg)) {
            long x;
            try {
                x = Long.parseLong(it);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + it + "' in steal latency list '" + arg
                        + "' is not a number; write e.g. 1 or 1,10,100");
            }
            if (x < 1) {
                throw new TypeConversionException("steal latency must be >= 1 tick, was " + x
                        + " (a zero-cost steal would let idle processors retry forever within one tick)");
            }
            out.add(x);
        }
        if (out.isEmpty()) {
            throw new TypeConversionException("no steal latency given");
        }
        return new ArrayList<>(out);
    }

    /** Parses {@code greedy,ws,...}; an unknown name lists the valid ones. */
    static List<SchedulerPolicy> schedulers(String arg) {
        List<SchedulerPolicy> out = new ArrayList<>();
        for (String n : items(arg)) {
            if (n.equals("all")) {
                out.addAll(Schedulers.all());
                continue;
            }
            out.add(scheduler(n));
        }
        if (out.isEmpty()) {
            throw new TypeConversionException("no scheduler given; valid: " + String.join(", ", Schedulers.names()));
        }
        return out;
    }

    /** One scheduler by name; an unknown name lists the valid ones. */
    static SchedulerPolicy scheduler(String name) {
        return Schedulers.find(name.strip()).orElseThrow(() -> new TypeConversionException("unknown scheduler '"
                + name + "'; valid: " + String.join(", ", Schedulers.names())));
    }

    /**
     * Parses a processor list: {@code 1,2,8}, a doubling range {@code 1..1024}, or a list with
     * {@code ..} continuing the progression of the two numbers before it up to the one after it
     * ({@code 1,2,4,..,1024}). The result is sorted, without duplicates.
     */
    static List<Integer> procs(String arg) {
        TreeSet<Integer> out = new TreeSet<>();
        String[] items = arg.split(",");
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            String it = items[i].strip();
            if (it.equals("..")) {
                if (seen.isEmpty() || i + 1 >= items.length) {
                    throw new TypeConversionException("'..' in a processor list needs a number before and after it, "
                            + "as in 1,2,4,..,1024");
                }
                long last = seen.get(seen.size() - 1);
                long ratio = seen.size() >= 2 ? last / seen.get(seen.size() - 2) : 2;
                if (ratio < 2 || seen.size() >= 2 && last % seen.get(seen.size() - 2) != 0) {
                    throw new TypeConversionException("'..' continues a geometric progression with an integer "
                            + "ratio >= 2, as in 1,2,4,..,1024; found " + seen.get(seen.size() - 2) + "," + last);
                }
                long end = number(items[i + 1].strip(), arg);
                for (long x = last * ratio; x < end; x *= ratio) {
                    out.add(check(x, arg));
                }
                continue;
            }
            int range = it.indexOf("..");
            if (range > 0) {
                long from = number(it.substring(0, range), arg);
                long to = number(it.substring(range + 2), arg);
                if (from > to) {
                    throw new TypeConversionException("range " + it + " runs backwards; write LOW..HIGH");
                }
                for (long x = from; x <= to; x *= 2) {
                    out.add(check(x, arg));
                }
                seen.add(to);
                continue;
            }
            long x = number(it, arg);
            out.add(check(x, arg));
            seen.add(x);
        }
        if (out.isEmpty()) {
            throw new TypeConversionException("no processor count given");
        }
        return new ArrayList<>(out);
    }

    private static long number(String s, String arg) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' in processor list '" + arg
                    + "' is not a number; write e.g. 1,2,4,..,1024 or 1..1024 or 1,8,64");
        }
    }

    private static int check(long x, String arg) {
        if (x < 1 || x > SimConfig.MAX_PROCS) {
            throw new TypeConversionException("processor count " + x + " in '" + arg + "' is outside 1.."
                    + SimConfig.MAX_PROCS);
        }
        return (int) x;
    }
}
