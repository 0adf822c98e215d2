package org.wsched.sim.gen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wsched.sim.io.DagInputException;

/**
 * The {@code key=value,key=value} parameters of a generator spec such as
 * {@code layered:layers=10,width=8,seed=3}. Unknown keys and malformed values are errors that
 * list what is valid.
 */
public final class SpecParams {
    private final String spec;
    private final Map<String, String> values = new LinkedHashMap<>();

    private SpecParams(String spec) {
        this.spec = spec;
    }

    /**
     * Parses {@code params} (may be empty) for generator spec {@code spec}.
     *
     * @param allowed the keys this generator knows
     */
    public static SpecParams parse(String spec, String params, List<String> allowed) {
        SpecParams p = new SpecParams(spec);
        if (params == null || params.isBlank()) {
            return p;
        }
        for (String part : params.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new DagInputException("dag spec '" + spec + "': parameter '" + part
                        + "' is not key=value; valid keys: " + String.join(", ", allowed));
            }
            String key = part.substring(0, eq).trim();
            if (!allowed.contains(key)) {
                throw new DagInputException("dag spec '" + spec + "': unknown parameter '" + key
                        + "'; valid keys: " + String.join(", ", allowed));
            }
            if (p.values.put(key, part.substring(eq + 1).trim()) != null) {
                throw new DagInputException("dag spec '" + spec + "': parameter '" + key + "' given twice");
            }
        }
        return p;
    }

    /** Whether {@code key} was given. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A long parameter in [min, max], or {@code dflt} if absent. */
    public long getLong(String key, long dflt, long min, long max) {
        return inRange(key, dflt, min, max, Long::valueOf, "an integer");
    }

    /** An int parameter in [min, max], or {@code dflt} if absent. */
    public int getInt(String key, int dflt, int min, int max) {
        return (int) getLong(key, dflt, min, max);
    }

    /** A double parameter in [min, max], or {@code dflt} if absent. */
    public double getDouble(String key, double dflt, double min, double max) {
        return inRange(key, dflt, min, max, Double::valueOf, "a number");
    }

    /**
     * Parameter {@code key} parsed by {@code parse} (which throws NumberFormatException if it is
     * not {@code what}), checked to lie in [min, max]; {@code dflt} if absent.
     */
    private <T extends Comparable<T>> T inRange(String key, T dflt, T min, T max, Function<String, T> parse,
                                               String what) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        T x;
        try {
            x = parse.apply(v);
        } catch (NumberFormatException e) {
            throw new DagInputException("dag spec '" + spec + "': " + key + " must be " + what + ", was '" + v + "'");
        }
        if (!(x.compareTo(min) >= 0 && x.compareTo(max) <= 0)) {
            throw new DagInputException("dag spec '" + spec + "': " + key + " must be in " + min + ".." + max
                    + ", was " + v);
        }
        return x;
    }

    /**
     * A cost range {@code A-B} (or a single value {@code A}) of non-negative ticks, or
     * {@code dflt} if absent.
     */
    public long[] getRange(String key, long[] dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt.clone();
        }
        String[] parts = v.split("-", -1);
        try {
            long lo = Long.parseLong(parts[0].trim());
            long hi = parts.length == 1 ? lo : Long.parseLong(parts[1].trim());
            if (parts.length > 2 || lo < 0 || hi < lo) {
                throw new NumberFormatException();
            }
            return new long[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new DagInputException("dag spec '" + spec + "': " + key
                    + " must be a range LOW-HIGH of non-negative integers with LOW <= HIGH (or one integer), was '"
                    + v + "'");
        }
    }
}
