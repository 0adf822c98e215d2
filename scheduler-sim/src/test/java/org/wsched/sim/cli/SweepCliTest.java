package org.wsched.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} as a research sweep: directories, latency lists, chart choices, aggregate, provenance, errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SweepCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    /** Writes n small STG graphs (a fork of width w_i into a join) into a new directory, plus a file to ignore. */
    private Path stgDirectory(int n) throws IOException {
        Path d = Files.createDirectories(dir.resolve("graphs"));
        for (int i = n; i >= 1; i--) {
            int width = 2 + i;
            StringBuilder s = new StringBuilder().append(width + 1).append('\n').append("0 0 0\n1 1 1 0\n");
            for (int t = 2; t <= width + 1; t++) {
                s.append(t).append(' ').append(1 + (t * i) % 5).append(" 1 1\n");
            }
            s.append(width + 2).append(" 0 ").append(width);
            for (int t = 2; t <= width + 1; t++) {
                s.append(' ').append(t);
            }
            s.append('\n');
            Files.writeString(d.resolve(String.format("g%02d.stg", i)), s);
        }
        Files.writeString(d.resolve("README.txt"), "not a graph");
        return d;
    }

    private static List<Map<String, String>> csv(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f);
        String[] head = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < head.length; i++) {
                m.put(head[i], cells[i]);
            }
            rows.add(m);
        }
        return rows;
    }

    private static List<Path> chartFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg")).toList();
        }
    }

    @Test
    void aDirectoryExpandsToItsGraphFilesSortedByName() throws IOException {
        Path graphs = stgDirectory(5);
        Path out = dir.resolve("out");
        CliRun r = cli("compare", "--dag", graphs.toString(), "--schedulers", "hlfet,greedy,ws", "--procs", "1,2,4",
                "--seeds", "2", "--charts", "none", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Set<String> dags = new LinkedHashSet<>();
        for (Map<String, String> row : csv(out.resolve("results.csv"))) {
            dags.add(row.get("dag"));
        }
        assertThat(dags).containsExactly("stg:" + graphs.resolve("g01.stg"), "stg:" + graphs.resolve("g02.stg"),
                "stg:" + graphs.resolve("g03.stg"), "stg:" + graphs.resolve("g04.stg"), "stg:" + graphs.resolve("g05.stg"));
        assertThat(chartFiles(out)).as("--charts none").isEmpty();
        // more than a handful of graphs: each has its own page, linked from the index
        assertThat(Files.readString(out.resolve("index.html"))).contains("href=\"dag-5.html\"").contains("Across all 5 graphs");
        assertThat(out.resolve("dag-5.html")).exists();
    }

    @Test
    void anEmptyDirectoryIsAOneLineError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = cli("compare", "--dag", empty.toString(), "--schedulers", "ws", "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("holds no graph file");
    }

    @Test
    void theAggregateIsTheDistributionOfPerGraphRatios() throws IOException {
        Path graphs = stgDirectory(6);
        Path out = dir.resolve("agg");
        CliRun r = cli("compare", "--dag", graphs.toString(), "--schedulers", "greedy,ws", "--procs", "2,4",
                "--seeds", "3", "--steal-latency", "1,3", "--charts", "png", "--no-dag-charts", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // recompute the mean ratio of ws, L=3, P=4 from summary.csv
        double sumLower = 0;
        double sumBase = 0;
        Map<String, Double> greedy = new HashMap<>();
        List<Map<String, String>> summary = csv(out.resolve("summary.csv"));
        for (Map<String, String> row : summary) {
            if (row.get("scheduler").equals("greedy") && row.get("stealLatency").equals("3") && row.get("procs").equals("4")) {
                greedy.put(row.get("dag"), Double.parseDouble(row.get("makespanMean")));
            }
        }
        int n = 0;
        for (Map<String, String> row : summary) {
            if (row.get("scheduler").equals("ws") && row.get("stealLatency").equals("3") && row.get("procs").equals("4")) {
                double ms = Double.parseDouble(row.get("makespanMean"));
                sumLower += ms / Double.parseDouble(row.get("lowerBound"));
                sumBase += ms / greedy.get(row.get("dag"));
                n++;
            }
        }
        assertThat(n).isEqualTo(6);
        Map<String, Map<String, String>> agg = new HashMap<>();
        for (Map<String, String> row : csv(out.resolve("aggregate.csv"))) {
            agg.put(row.get("scheduler") + "/" + row.get("stealLatency") + "/" + row.get("procs") + "/" + row.get("metric"), row);
        }
        Map<String, String> lower = agg.get("ws/3/4/ratioToLowerBound");
        Map<String, String> base = agg.get("ws/3/4/ratioToBaseline");
        assertThat(Double.parseDouble(lower.get("mean"))).isCloseTo(sumLower / n, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(base.get("mean"))).isCloseTo(sumBase / n, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(base.get("baseline")).isEqualTo("greedy");
        assertThat(lower.get("graphs")).isEqualTo("6");
        assertThat(Double.parseDouble(lower.get("min"))).isGreaterThanOrEqualTo(1.0)
                .isLessThanOrEqualTo(Double.parseDouble(lower.get("median")));
        assertThat(agg.get("greedy/1/2/ratioToBaseline").get("max")).isEqualTo("1.0");
        // steal latency list: ws differs between L=1 and L=3, and steal counts carry intervals
        assertThat(summary.stream().filter(row -> row.get("scheduler").equals("ws")).map(row -> row.get("stealLatency")))
                .contains("1", "3");
        assertThat(summary).allSatisfy(row -> assertThat(row.get("stealAttemptsCi95")).isNotEqualTo("n/a"));
        // --no-dag-charts: only the aggregate charts, PNG only
        assertThat(chartFiles(out).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("aggregate-lower-bound.png", "aggregate-baseline.png");
    }

    @Test
    void provenanceAndSingleRunIntervals() throws IOException {
        Path out = dir.resolve("prov");
        CliRun r = cli("compare", "--dag", "fib:8", "--schedulers", "ws", "--procs", "2", "--seeds", "1",
                "--first-seed", "7", "--charts", "svg", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode p = JSON.readTree(out.resolve("results.json").toFile()).get("provenance");
        assertThat(p.get("command").asText()).startsWith("wsched-sim compare --dag fib:8").contains("--first-seed 7");
        assertThat(p.get("seeds").toString()).isEqualTo("[7]");
        assertThat(p.get("jdk").asText()).startsWith(System.getProperty("java.version"));
        assertThat(p.get("wschedVersion").asText()).isNotBlank().doesNotContain("${");
        assertThat(p.get("gitCommit").asText()).isNotBlank();
        Map<String, String> row = csv(out.resolve("summary.csv")).get(0);
        assertThat(row.get("makespanCi95")).isEqualTo("n/a");
        assertThat(row.get("stealsCi95")).isEqualTo("n/a");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains(p.get("gitCommit").asText()).contains("n/a").doesNotContain("ticks of tick")
                .doesNotContain("262.0 &ndash; 262.0");
        assertThat(chartFiles(out)).allSatisfy(f -> assertThat(f.toString()).endsWith(".svg")).isNotEmpty();
    }

    @Test
    void badOutputPathsAreOneLineErrorsWithExit2() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun outIsFile = cli("compare", "--dag", "fib:5", "--schedulers", "ws", "--procs", "2", "--out", file.toString());
        assertThat(outIsFile.code()).isEqualTo(2);
        assertThat(outIsFile.err().strip()).doesNotContain("\n").contains("is a file").doesNotContain("internal error");
        CliRun underFile = cli("compare", "--dag", "fib:5", "--schedulers", "ws", "--procs", "2", "--out",
                file.resolve("sub").toString());
        assertThat(underFile.code()).isEqualTo(2);
        assertThat(underFile.err().strip()).doesNotContain("\n").contains("cannot create");
        CliRun exportToDir = cli("export", "--dag", "fib:5", "--out", dir.toString());
        assertThat(exportToDir.code()).isEqualTo(2);
        assertThat(exportToDir.err().strip()).doesNotContain("\n").contains("is a directory");
        CliRun exportUnder = cli("export", "--dag", "fib:5", "--out", file.resolve("x.dag").toString());
        assertThat(exportUnder.code()).isEqualTo(2);
        assertThat(exportUnder.err().strip()).doesNotContain("\n").contains("is a file, not a directory");
        CliRun missingDag = cli("compare", "--dag", "stg:" + dir.resolve("nope.stg"), "--schedulers", "ws",
                "--out", dir.resolve("o2").toString());
        assertThat(missingDag.code()).isEqualTo(2);
        assertThat(missingDag.err().strip()).doesNotContain("\n").contains("nope.stg");
        CliRun missingDir = cli("compare", "--dag", dir.resolve("no-such-dir").toString(), "--schedulers", "ws",
                "--out", dir.resolve("o3").toString());
        assertThat(missingDir.code()).isEqualTo(2);
        assertThat(missingDir.err().strip()).doesNotContain("\n").contains("no such directory");
        CliRun gantt = cli("run", "--dag", "fib:5", "--scheduler", "ws", "--procs", "2", "--gantt",
                dir.resolve("g.jpg").toString());
        assertThat(gantt.code()).isEqualTo(2);
        assertThat(gantt.err().strip()).doesNotContain("\n").contains(".png or .svg");
    }

    @Test
    void badListsAndChartFormatsExit2() {
        CliRun latency = cli("compare", "--dag", "fib:5", "--schedulers", "ws", "--steal-latency", "1,0",
                "--out", dir.toString());
        assertThat(latency.code()).isEqualTo(2);
        assertThat(latency.err()).contains("steal latency must be >= 1");
        CliRun charts = cli("compare", "--dag", "fib:5", "--schedulers", "ws", "--charts", "jpg", "--out", dir.toString());
        assertThat(charts.code()).isEqualTo(2);
        assertThat(charts.err()).contains("valid: none, png, svg, both");
        CliRun baseline = cli("compare", "--dag", "fib:5", "--schedulers", "ws", "--baseline", "hlfet", "--out", dir.toString());
        assertThat(baseline.code()).isEqualTo(2);
        assertThat(baseline.err()).contains("'hlfet' is not one of --schedulers");
    }

    @Test
    void aHugeRunIsAnnouncedBeforeItStarts() {
        // three 1000-tick nodes in a chain at P = 2^20: the estimate (P x lower bound steal attempts) is
        // huge, but every thief parks at once, so the run itself is quick
        CliRun r = cli("run", "--dag", "random:n=3,p=1,cost=1000-1000", "--scheduler", "ws", "--procs", "1048576",
                "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("warning: this run may process about 3.1e+09 events")
                .contains("1,048,576 x 3,000 / 1 steal attempts");
        CliRun small = cli("run", "--dag", "fib:10", "--scheduler", "ws", "--procs", "64");
        assertThat(small.err()).isEmpty();
    }

    @Test
    void multiprogrammedRunsReportTheAbpBound() throws IOException {
        CliRun run = cli("run", "--dag", "fib:10", "--scheduler", "ws", "--procs", "8", "--available", "2",
                "--quantum", "10", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode j = JSON.readTree(run.out());
        assertThat(j.get("available").asInt()).isEqualTo(2);
        assertThat(j.get("quantum").asLong()).isEqualTo(10);
        assertThat(j.get("abpBound").asDouble()).isEqualTo(177 / 2.0 + 10 * 8 / 2.0);
        assertThat(j.get("lowerBound").asLong()).isEqualTo(89);
        CliRun greedy = cli("run", "--dag", "fib:10", "--scheduler", "greedy", "--procs", "8", "--available", "2",
                "--quantum", "10");
        assertThat(greedy.code()).isEqualTo(2);
        assertThat(greedy.err().strip()).doesNotContain("\n").contains("needs a work-stealing scheduler");
        CliRun half = cli("run", "--dag", "fib:10", "--scheduler", "ws", "--procs", "8", "--available", "2");
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).contains("--available and --quantum go together");
        Path out = dir.resolve("mp");
        CliRun cmp = cli("compare", "--dag", "fib:10", "--schedulers", "ws,ws-half", "--procs", "1,4,16",
                "--available", "4", "--quantum", "20", "--seeds", "2", "--charts", "none", "--out", out.toString());
        assertThat(cmp.code()).as(cmp.err()).isZero();
        for (Map<String, String> row : csv(out.resolve("results.csv"))) {
            int p = Integer.parseInt(row.get("procs"));
            assertThat(row.get("available")).isEqualTo(String.valueOf(Math.min(4, p)));
        }
        assertThat(Files.readString(out.resolve("index.html"))).contains("T_P / (T1/P_A");
    }

    @Test
    void runWritesItsScheduleAsATraceAndAGanttChart() throws IOException {
        Path trace = dir.resolve("views/run.json");
        Path gantt = dir.resolve("views/run.svg");
        CliRun r = cli("run", "--dag", "fib:9", "--scheduler", "ws-half", "--procs", "3", "--format", "json",
                "--schedule-out", trace.toString(), "--gantt", gantt.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode run = JSON.readTree(r.out());
        JsonNode doc = JSON.readTree(trace.toFile());
        long nodes = 0;
        long attempts = 0;
        for (JsonNode e : doc.get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                if (e.get("cat").asText().equals("node")) {
                    nodes++;
                } else {
                    attempts += e.get("args").get("attempts").asLong();
                }
            }
        }
        assertThat(nodes).isEqualTo(run.get("nodes").asLong());
        assertThat(attempts).isEqualTo(run.get("stealAttempts").asLong());
        assertThat(doc.get("otherData").get("command").asText()).contains("--schedule-out");
        assertThat(Files.readString(gantt)).contains("<text").contains("ws-half, P=3");
        CliRun toDir = cli("run", "--dag", "fib:9", "--scheduler", "ws", "--procs", "3", "--schedule-out", dir.toString());
        assertThat(toDir.code()).isEqualTo(2);
        assertThat(toDir.err().strip()).doesNotContain("\n").contains("is a directory");
    }
}
