package org.wsched.sim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.wsched.sim.engine.ScheduleRecord;
import org.wsched.sim.graph.TaskGraph;

/**
 * Writes a recorded run as Chrome Trace Event JSON, which Perfetto (ui.perfetto.dev) and
 * chrome://tracing open: one complete event ({@code "ph":"X"}) per node, with {@code tid} = the
 * processor, {@code ts}/{@code dur} in microseconds and {@code args.node} = the node's index in
 * the graph; every steal attempt as its own complete event (category {@code steal},
 * {@code args.success}), and a parked thief's skipped attempts, which all failed, as one event
 * with {@code args.attempts}. Ticks become microseconds through the graph's unit (ns: 0.001 µs,
 * ms: 1000 µs); a graph in plain ticks is drawn with one tick as one microsecond. Written by
 * streaming, so millions of nodes cost no extra memory.
 */
public final class ChromeTrace {
    private ChromeTrace() {
    }

    /** Microseconds per tick of {@code unit}; 1 for a unit that is not a time ("tick"). */
    public static double microsPerTick(String unit) {
        switch (unit) {
            case "ns":
                return 1e-3;
            case "us":
                return 1;
            case "ms":
                return 1e3;
            case "s":
                return 1e6;
            default:
                return 1;
        }
    }

    /**
     * Writes {@code rec}, a run of {@code g} on {@code procs} processors ending at
     * {@code makespan}, to {@code file}.
     *
     * @param title what ran, e.g. "ws P=4 seed 1 on fib:10"
     */
    public static void write(Path file, TaskGraph g, ScheduleRecord rec, int procs, long makespan, String title,
                             Provenance provenance) throws IOException {
        double us = microsPerTick(g.timeUnit());
        try (JsonGenerator j = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            j.writeStartObject();
            j.writeArrayFieldStart("traceEvents");
            metadata(j, "process_name", -1, "wsched-sim: " + title);
            for (int p = 0; p < procs; p++) {
                metadata(j, "thread_name", p, "processor " + p);
            }
            for (int v = 0; v < g.nodeCount(); v++) {
                if (rec.start(v) < 0) {
                    continue;
                }
                complete(j, "node " + v, "node", rec.proc(v), rec.start(v) * us, (rec.finish(v) - rec.start(v)) * us);
                j.writeNumberField("node", v);
                j.writeNumberField("cost", g.cost(v));
                j.writeEndObject();
                j.writeEndObject();
            }
            for (int i = 0; i < rec.stealIntervals(); i++) {
                long end = Math.min(rec.stealEnd(i), makespan);
                long attempts = rec.stealAttempts(i);
                String name = attempts > 1 ? "parked: " + attempts + " failed steal attempts"
                        : rec.stealSucceeded(i) ? "steal" : "failed steal";
                complete(j, name, "steal", rec.stealProc(i), rec.stealStart(i) * us,
                        Math.max(0, end - rec.stealStart(i)) * us);
                j.writeBooleanField("success", rec.stealSucceeded(i));
                j.writeNumberField("attempts", attempts);
                j.writeEndObject();
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeStringField("displayTimeUnit", "ns");
            j.writeObjectFieldStart("otherData");
            j.writeStringField("run", title);
            j.writeStringField("timeUnit", g.timeUnit());
            j.writeNumberField("microsecondsPerTick", us);
            j.writeNumberField("makespanTicks", makespan);
            for (var e : provenance.toMap().entrySet()) {
                j.writeStringField(e.getKey(), String.valueOf(e.getValue()));
            }
            j.writeEndObject();
            j.writeEndObject();
        }
    }

    private static void metadata(JsonGenerator j, String name, int tid, String value) throws IOException {
        j.writeStartObject();
        j.writeStringField("name", name);
        j.writeStringField("ph", "M");
        j.writeNumberField("pid", 0);
        if (tid >= 0) {
            j.writeNumberField("tid", tid);
        }
        j.writeObjectFieldStart("args");
        j.writeStringField("name", value);
        j.writeEndObject();
        j.writeEndObject();
    }

    /** Starts a complete event and its {@code args} object; the caller adds args and closes both. */
    private static void complete(JsonGenerator j, String name, String cat, int tid, double ts, double dur)
            throws IOException {
        j.writeStartObject();
        j.writeStringField("name", name);
        j.writeStringField("cat", cat);
        j.writeStringField("ph", "X");
        j.writeNumberField("pid", 0);
        j.writeNumberField("tid", tid);
        j.writeNumberField("ts", ts);
        j.writeNumberField("dur", dur);
        j.writeObjectFieldStart("args");
    }
}
