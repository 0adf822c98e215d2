package org.wsched.sim.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** A plain-text key/value table for the terminal: one aligned line per key. */
public final class KeyValueTable {
    private KeyValueTable() {
    }

    /** Prints {@code m} as one line per entry, the values aligned after the longest key. */
    public static void print(PrintWriter out, Map<String, ?> m) {
        int w = 0;
        for (String k : m.keySet()) {
            w = Math.max(w, k.length());
        }
        for (Map.Entry<String, ?> e : m.entrySet()) {
            out.printf(Locale.ROOT, "%-" + (w + 2) + "s%s%n", e.getKey(), format(e.getValue()));
        }
    }

    /** One value as shown: large doubles with grouping and one decimal, small ones with four; integers grouped. */
    static String format(Object v) {
        if (v instanceof Double) {
            double d = (Double) v;
            return Math.abs(d) >= 1e6 ? String.format(Locale.ROOT, "%,.1f", d) : String.format(Locale.ROOT, "%.4f", d);
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", v);
        }
        return String.valueOf(v);
    }
}
