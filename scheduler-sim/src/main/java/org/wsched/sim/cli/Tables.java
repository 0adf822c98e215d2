package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Plain-text key/value tables for the terminal. */
final class Tables {
    private Tables() {
    }

    static void keyValues(PrintWriter out, Map<String, Object> m) {
        int w = 0;
        for (String k : m.keySet()) {
            w = Math.max(w, k.length());
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out.printf(Locale.ROOT, "%-" + (w + 2) + "s%s%n", e.getKey(), format(e.getValue()));
        }
    }

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
