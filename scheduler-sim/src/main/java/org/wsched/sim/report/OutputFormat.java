package org.wsched.sim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How a command prints one record of named values on the terminal: an aligned table, JSON or CSV. */
public enum OutputFormat {
    /** One aligned line per key ({@link KeyValueTable}). */
    TABLE,
    /** One indented JSON object. */
    JSON,
    /** A header line of the keys and one line of the values. */
    CSV;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The format {@code name} names, if it is one of {@code allowed}.
     *
     * @throws IllegalArgumentException naming the valid formats otherwise
     */
    public static OutputFormat parse(String name, OutputFormat... allowed) {
        for (OutputFormat f : allowed) {
            if (f.toString().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("not an output format; valid: "
                + Arrays.stream(allowed).map(OutputFormat::toString).collect(Collectors.joining(", ")));
    }

    /** Prints {@code m} in this format. */
    public void print(PrintWriter out, Map<String, ?> m) {
        switch (this) {
            case TABLE:
                KeyValueTable.print(out, m);
                break;
            case JSON:
                out.println(json(m));
                break;
            default:
                out.println(String.join(",", m.keySet()));
                out.println(m.values().stream().map(ResultFiles::csvField).collect(Collectors.joining(",")));
                break;
        }
    }

    /** {@code m} as one indented JSON object. */
    static String json(Object m) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + m.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The lower-case name, as given on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
