package org.wsched.sim.util;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ordered maps of named values, as reports and JSON output show them. */
public final class KeyValues {
    private KeyValues() {
    }

    /**
     * The map {@code k1 → v1, k2 → v2, …} in that order.
     *
     * @param keysAndValues alternately a key (a String) and its value
     * @throws IllegalArgumentException if a key is missing its value or is not a String
     */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate; the last key has no value: "
                    + keysAndValues[keysAndValues.length - 1]);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String)) {
                throw new IllegalArgumentException("key " + (i / 2) + " is not a String: " + keysAndValues[i]);
            }
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * The map {@code keys[i] → values[i]} in the order of {@code keys}.
     *
     * @throws IllegalArgumentException if there are not as many values as keys
     */
    public static Map<String, Object> zip(List<String> keys, Object... values) {
        if (keys.size() != values.length) {
            throw new IllegalArgumentException(keys.size() + " keys but " + values.length + " values");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(keys.get(i), values[i]);
        }
        return m;
    }
}
