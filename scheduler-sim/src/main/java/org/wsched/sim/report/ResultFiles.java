package org.wsched.sim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsched.sim.metrics.RunResult;

/** Writes run results as JSON and CSV, with the keys of {@link RunResult#KEYS}. */
public final class ResultFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** One result as a JSON object. */
    public static String toJson(RunResult r) {
        try {
            return JSON.writeValueAsString(r.toMap());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a run result", e);
        }
    }

    /**
     * Writes {@code results} as a JSON object: {@code provenance} (version, commit, JDK, command,
     * seeds, date) and {@code runs}, an array of one object per run.
     */
    public static void writeJson(List<RunResult> results, Provenance provenance, Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(results.size());
        for (RunResult r : results) {
            rows.add(r.toMap());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("provenance", provenance.toMap());
        doc.put("runs", rows);
        JSON.writeValue(file.toFile(), doc);
    }

    /** The CSV header line (no newline). */
    public static String csvHeader() {
        return String.join(",", RunResult.KEYS);
    }

    /** One result as a CSV line (no newline). */
    public static String csvRow(RunResult r) {
        StringBuilder sb = new StringBuilder();
        for (Object v : r.toMap().values()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(csvField(v));
        }
        return sb.toString();
    }

    /** Writes {@code results} as CSV with a header. */
    public static void writeCsv(List<RunResult> results, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(csvHeader());
            w.write('\n');
            for (RunResult r : results) {
                w.write(csvRow(r));
                w.write('\n');
            }
        }
    }

    /**
     * Writes the per-(dag, scheduler, steal latency, procs) summary as CSV; an interval of a
     * single run is {@code n/a}.
     */
    public static void writeSummaryCsv(List<Summary.Row> rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("dag,scheduler,stealLatency,procs,runs,work,span,lowerBound,grahamBound,makespanMean,makespanCi95,"
                    + "speedupMean,speedupCi95,efficiencyMean,efficiencyCi95,ratioToLowerBound,utilization,"
                    + "stealAttemptsMean,stealAttemptsCi95,stealsMean,stealsCi95,stealAttemptsPerPSpan,imbalance,available,"
                    + "ratioToAbpBound\n");
            for (Summary.Row r : rows) {
                w.write(String.join(",", csvField(r.dag()), csvField(r.scheduler()), String.valueOf(r.stealLatency()),
                        String.valueOf(r.procs()), String.valueOf(r.runs()), String.valueOf(r.work()),
                        String.valueOf(r.span()), String.valueOf(r.lowerBound()), String.valueOf(r.grahamBound()),
                        stat(r.makespan()), stat(r.speedup()), stat(r.efficiency()),
                        String.valueOf(r.ratioToLowerBound()), String.valueOf(r.utilization()),
                        stat(r.stealAttempts()), stat(r.steals()),
                        String.valueOf(r.stealAttemptsPerPSpan()), String.valueOf(r.imbalance()),
                        String.valueOf(r.available()), String.valueOf(r.ratioToAbpBound())));
                w.write('\n');
            }
        }
    }

    /** "mean,halfWidth" with {@code n/a} for a missing interval. */
    private static String stat(Summary.Stat s) {
        return s.mean() + "," + (s.hasInterval() ? String.valueOf(s.halfWidth()) : "n/a");
    }

    /** Quotes a CSV field if it holds a comma, quote or newline (RFC 4180). */
    public static String csvField(Object v) {
        String s = String.valueOf(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
