package org.wsched.sim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.ScheduleRecord;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.Schedulers;

/** The views of one run (trace JSON, Gantt chart, utilisation) and the sweep's progress and chart style. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScheduleOutputTest {
    @TempDir
    Path dir;

    @Test
    void chromeTraceHasOneCompleteEventPerNodeAndPerStealAttempt() throws IOException {
        TaskGraph g = DagSpecs.load("layered:layers=6,width=5,seed=4").withTimeUnit("ms");
        ScheduleRecord rec = new ScheduleRecord(g.nodeCount());
        RunStats s = Simulator.run(g, Schedulers.byName("ws"), new SimConfig(4, 3, 2), rec);
        Path f = dir.resolve("t.json");
        ChromeTrace.write(f, g, rec, 4, s.makespan(), "ws", Provenance.of("test", List.of(3L)));
        JsonNode events = new ObjectMapper().readTree(f.toFile()).get("traceEvents");
        int nodes = 0;
        long attempts = 0;
        for (JsonNode e : events) {
            if (!e.get("ph").asText().equals("X")) {
                continue;
            }
            if (e.get("cat").asText().equals("node")) {
                int v = e.get("args").get("node").asInt();
                nodes++;
                assertThat(e.get("tid").asInt()).isEqualTo(rec.proc(v));
                assertThat(e.get("ts").asDouble()).isEqualTo(rec.start(v) * 1000.0);  // ms ticks -> µs
                assertThat(e.get("dur").asDouble()).isEqualTo(g.cost(v) * 1000.0);
            } else {
                assertThat(e.get("cat").asText()).isEqualTo("steal");
                attempts += e.get("args").get("attempts").asLong();
            }
        }
        assertThat(nodes).isEqualTo(g.nodeCount());
        assertThat(attempts).isEqualTo(s.stealAttempts());
    }

    @Test
    void ganttChartIsWrittenAsPngAndAsSvgWithText() throws IOException {
        TaskGraph g = DagSpecs.load("fib:8");
        ScheduleRecord rec = new ScheduleRecord(g.nodeCount());
        RunStats s = Simulator.run(g, Schedulers.byName("ws"), new SimConfig(3, 1, 1), rec);
        GanttChart.write(dir.resolve("g.png"), g, rec, 3, s.makespan(), "ws on fib:8");
        GanttChart.write(dir.resolve("g.svg"), g, rec, 3, s.makespan(), "ws on fib:8");
        assertThat(Files.size(dir.resolve("g.png"))).isPositive();
        assertThat(Files.readString(dir.resolve("g.svg"))).contains("<text").contains("ws on fib:8");
    }

    @Test
    void utilisationIntegratesToTheRunsUtilisation() {
        for (String spec : new String[] {"random:n=80,p=0.05,cost=0-30,seed=3", "fib:10"}) {
            TaskGraph g = DagSpecs.load(spec);
            for (String sched : new String[] {"greedy", "ws", "hlfet"}) {
                ScheduleRecord rec = new ScheduleRecord(g.nodeCount());
                long makespan = Simulator.run(g, Schedulers.byName(sched), new SimConfig(5, 1, 1), rec).makespan();
                double[][] tu = Utilisation.overTime(g, rec, 5, makespan, 37);
                double width = (double) makespan / tu[0].length;
                double area = 0;
                for (double u : tu[1]) {
                    assertThat(u).isBetween(0.0, 1.0 + 1e-9);
                    area += u * width;
                }
                assertThat(area / makespan).as(spec + " " + sched).isCloseTo((double) g.work() / (5.0 * makespan),
                        within(1e-9));
            }
        }
    }

    @Test
    void progressShowsAnEtaOnlyForLongSweeps() {
        AtomicLong now = new AtomicLong();
        StringWriter sink = new StringWriter();
        Progress p = new Progress(new PrintWriter(sink), false, 4, 400, "runs", now::get);
        now.set(1_000_000_000L);
        p.done(100);
        assertThat(sink.toString()).as("nothing in the first two seconds").isEmpty();
        now.set(3_000_000_000L);
        p.done(100);
        // half the weight in 3 s: 3 s to go
        assertThat(sink.toString()).contains("2/4 runs, 50%").contains("elapsed 3 s").contains("ETA 3 s");
    }

    @Test
    void everySchedulerKeepsItsColourWhateverTheOrder() {
        assertThat(ChartStyle.color("ws")).isEqualTo(ChartStyle.color("ws"));
        assertThat(Schedulers.names().stream().map(ChartStyle::color).distinct().count())
                .isEqualTo(Schedulers.names().size());
        assertThat(Schedulers.names().stream().map(ChartStyle::marker).distinct().count())
                .isEqualTo(Schedulers.names().size());
    }

    @Test
    void log2AxisLabelsEveryPowerOfTwo() {
        assertThat(ChartStyle.powerOfTwoLabel(0)).isEqualTo("1");
        assertThat(ChartStyle.powerOfTwoLabel(1)).isEqualTo("2");
        assertThat(ChartStyle.powerOfTwoLabel(4)).isEqualTo("16");
        assertThat(ChartStyle.powerOfTwoLabel(10)).isEqualTo("1024");
        assertThat(ChartStyle.powerOfTwoLabel(20)).isEqualTo("2^20");
        assertThat(ChartStyle.powerOfTwoLabel(2.5)).isEmpty();
        assertThat(ChartStyle.shortName("stg:/very/long/path/to/rand0042.stg")).isEqualTo("rand0042.stg");
    }
}
