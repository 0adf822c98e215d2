package org.wsched.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsched.sim.metrics.RunResult;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CliTest {
    private static final List<String> REQUIRED_KEYS = List.of("dag", "scheduler", "procs", "seed", "nodes", "work",
            "span", "makespan", "lowerBound", "grahamBound", "utilization", "stealAttempts", "steals", "idleTicks");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private static void assertNoStackTrace(CliRun r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void runPrintsJsonWithTheRequiredKeys() throws Exception {
        CliRun r = cli("run", "--dag", "fib:15", "--scheduler", "ws", "--procs", "8", "--seed", "3", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        for (String k : REQUIRED_KEYS) {
            assertThat(j.has(k)).as("key " + k).isTrue();
        }
        assertThat(j.get("dag").asText()).isEqualTo("fib:15");
        assertThat(j.get("nodes").asInt()).isEqualTo(1973);
        assertThat(j.get("span").asInt()).isEqualTo(15);
        assertThat(j.get("makespan").asLong()).isGreaterThanOrEqualTo(j.get("lowerBound").asLong());
        assertThat(j.get("procs").asInt()).isEqualTo(8);
    }

    @Test
    void runTableAndCsvFormats() {
        CliRun table = cli("run", "--dag", "nqueens:6", "--scheduler", "greedy", "--procs", "4");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("makespan").contains("grahamBound");
        CliRun csv = cli("run", "--dag", "nqueens:6", "--scheduler", "ws-rr", "--procs", "4", "--format", "csv");
        assertThat(csv.code()).isZero();
        String[] lines = csv.out().split("\\R");
        assertThat(lines[0]).isEqualTo(String.join(",", RunResult.KEYS));
        assertThat(lines[1]).startsWith("nqueens:6,ws-rr,4,1,");
    }

    @Test
    void infoPrintsWorkAndSpan() throws Exception {
        CliRun r = cli("info", "--dag", "stg:src/test/resources/stg/small.stg", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("work").asLong()).isEqualTo(10);
        assertThat(j.get("span").asLong()).isEqualTo(7);
        assertThat(j.get("edges").asLong()).isEqualTo(7);
    }

    @Test
    void compareWritesResultsChartsAndReport() throws Exception {
        Path out = dir.resolve("cmp");
        String dags = "fib:12,layered:layers=5,width=4,seed=2";
        CliRun r = cli("compare", "--dag", dags, "--schedulers", "greedy,ws,ws-half", "--procs", "1,2,4,..,16",
                "--seeds", "2", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : new String[] {"results.csv", "results.json", "summary.csv", "index.html",
            "speedup-1-fib-12.png", "speedup-1-fib-12.svg", "efficiency-1-fib-12.png", "efficiency-1-fib-12.svg",
            "speedup-2-layered-layers-5-width-4-seed-2.png"}) {
            assertThat(out.resolve(f)).as(f).exists();
            assertThat(Files.size(out.resolve(f))).as(f).isPositive();
        }
        JsonNode doc = JSON.readTree(out.resolve("results.json").toFile());
        JsonNode rows = doc.get("runs");
        assertThat(rows.size()).isEqualTo(2 * 3 * 5 * 2);
        List<String> dagsSeen = new ArrayList<>();
        for (JsonNode row : rows) {
            for (String k : REQUIRED_KEYS) {
                assertThat(row.has(k)).as("key " + k).isTrue();
            }
            if (!dagsSeen.contains(row.get("dag").asText())) {
                dagsSeen.add(row.get("dag").asText());
            }
        }
        assertThat(dagsSeen).containsExactly("fib:12", "layered:layers=5,width=4,seed=2");
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(1 + 60);
        assertThat(csv.get(0)).isEqualTo(String.join(",", RunResult.KEYS));
        assertThat(csv.get(1)).startsWith("fib:12,greedy,1,1,");
        assertThat(Files.readString(out.resolve("index.html"))).contains("speedup-1-fib-12.png")
                .contains("95%").contains("ws-half");
        // the same seeds give the same results again
        Path again = dir.resolve("again");
        assertThat(cli("compare", "--dag", dags, "--schedulers", "greedy,ws,ws-half", "--procs", "1,2,4,..,16",
                "--seeds", "2", "--threads", "1", "--out", again.toString()).code()).isZero();
        assertThat(Files.readString(again.resolve("results.csv"))).isEqualTo(Files.readString(out.resolve("results.csv")));
    }

    @Test
    void exportWritesOwnFormat() throws Exception {
        Path f = dir.resolve("t.dag");
        CliRun r = cli("export", "--dag", "fibtree:8", "--out", f.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readAllLines(f).get(0)).isEqualTo("wsched-dag 1");
        CliRun info = cli("info", "--dag", "trace:" + f, "--format", "json");
        assertThat(JSON.readTree(info.out()).get("span").asLong()).isEqualTo(15);
    }

    @Test
    void unknownSchedulerListsValidOnesAndExits2() {
        CliRun r = cli("run", "--dag", "fib:10", "--scheduler", "wss", "--procs", "4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown scheduler 'wss'").contains("greedy, greedy-lifo, hlfet, ws, ws-p2c, ws-half, ws-rr, ws-cont");
        CliRun c = cli("compare", "--dag", "fib:10", "--schedulers", "greedy,nope", "--out", dir.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("unknown scheduler 'nope'");
    }

    @Test
    void badArgumentsExit2WithAMessage() {
        CliRun procs = cli("compare", "--dag", "fib:10", "--schedulers", "ws", "--procs", "1,x", "--out", dir.toString());
        assertThat(procs.code()).isEqualTo(2);
        assertThat(procs.err()).contains("'x' in processor list");
        CliRun zero = cli("run", "--dag", "fib:10", "--scheduler", "ws", "--procs", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--procs").contains("was 0");
        CliRun latency = cli("run", "--dag", "fib:10", "--scheduler", "ws", "--procs", "2", "--steal-latency", "0");
        assertThat(latency.code()).isEqualTo(2);
        CliRun format = cli("run", "--dag", "fib:10", "--scheduler", "ws", "--procs", "2", "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("valid: table, json, csv");
        CliRun missing = cli("run", "--dag", "fib:10");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required options");
        assertThat(cli("frobnicate").code()).isEqualTo(2);
        assertThat(cli().code()).isEqualTo(2);
    }

    @Test
    void badDagInputExits2WithoutStackTrace() throws Exception {
        CliRun spec = cli("info", "--dag", "fob:3");
        assertThat(spec.code()).isEqualTo(2);
        assertThat(spec.err()).contains("unknown dag spec 'fob:3'").contains("fib:N");
        assertNoStackTrace(spec);
        Path bad = dir.resolve("cycle.stg");
        Files.writeString(bad, "1\n0 0 0\n1 1 2 0 2\n2 0 1 1\n");
        CliRun cycle = cli("run", "--dag", "stg:" + bad, "--scheduler", "ws", "--procs", "2");
        assertThat(cycle.code()).isEqualTo(2);
        assertThat(cycle.err()).startsWith("error: stg file " + bad).contains("cycle through task 1");
        assertNoStackTrace(cycle);
        CliRun missing = cli("compare", "--dag", "wf:nope.json", "--schedulers", "ws", "--out", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("wf file nope.json does not exist");
        assertNoStackTrace(missing);
    }

    @Test
    void listArgs() {
        assertThat(ListArgs.procs("1,2,4,..,1024")).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024);
        assertThat(ListArgs.procs("1..16")).containsExactly(1, 2, 4, 8, 16);
        assertThat(ListArgs.procs("3,1,3,100")).containsExactly(1, 3, 100);
        assertThat(ListArgs.procs("1,..,8")).containsExactly(1, 2, 4, 8);
        assertThat(ListArgs.dags("uts:geo:b0=4,d=5,seed=1,fib:10,layered:layers=3,width=2"))
                .containsExactly("uts:geo:b0=4,d=5,seed=1", "fib:10", "layered:layers=3,width=2");
    }
}
