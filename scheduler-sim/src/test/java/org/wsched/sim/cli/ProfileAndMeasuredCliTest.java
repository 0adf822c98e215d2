package org.wsched.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProfileAndMeasuredCliTest {
    private static final String SPAWN_SYNC = "trace:src/test/resources/dag/spawn-sync.dag";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void profileTable() {
        CliRun r = cli("profile", "--dag", SPAWN_SYNC);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("header                recorded by hand: not a real trace")
                .contains("strands               6")
                .contains("spawns / syncs        2 / 2")
                .contains("work (T1)             0.002 ms (1,750 ns)")
                .contains("span (T∞)             0.001 ms (1,150 ns)")
                .contains("burdened span         0.013 ms (13,150 ns) (burden 6,250 ns per continuation and join edge)")
                .contains("     2      0.15 ..     1.52")
                .contains("  1024");
    }

    @Test
    void profileJsonWithBurdenAndOverhead() throws Exception {
        CliRun r = cli("profile", "--dag", SPAWN_SYNC, "--burden", "1000", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("work").asLong()).isEqualTo(1750);
        assertThat(j.get("span").asLong()).isEqualTo(1150);
        assertThat(j.get("burden").asLong()).isEqualTo(1000);
        assertThat(j.get("burdenedSpan").asLong()).isEqualTo(2650);
        assertThat(j.get("strands").asLong()).isEqualTo(6);
        assertThat(j.get("spawns").asLong()).isEqualTo(2);
        assertThat(j.get("syncs").asLong()).isEqualTo(2);
        assertThat(j.get("speedupEstimate")).hasSize(11);
        assertThat(j.get("speedupEstimate").get(10).get("procs").asInt()).isEqualTo(1024);
        assertThat(j.get("speedupEstimate").get(1).get("speedupLower").asDouble())
                .isCloseTo(1750 / (875 + 0.85 * 2650), org.assertj.core.api.Assertions.within(1e-9));
        CliRun o = cli("profile", "--dag", SPAWN_SYNC, "--burden", "0", "--strand-overhead", "min", "--format", "json");
        JsonNode k = JSON.readTree(o.out());
        assertThat(k.get("strandOverhead").asLong()).isEqualTo(50);
        assertThat(k.get("work").asLong()).isEqualTo(1750 - 6 * 50);
    }

    @Test
    void profileNotesGraphsWithoutKindsOrUnits() throws Exception {
        CliRun stg = cli("profile", "--dag", "stg:src/test/resources/stg/small.stg");
        assertThat(stg.code()).isZero();
        assertThat(stg.out()).contains("burdened span equals span");
        JsonNode fib = JSON.readTree(cli("profile", "--dag", "fibtree:8", "--format", "json").out());
        assertThat(fib.get("burden").asLong()).isZero();
        assertThat(fib.get("note").asText()).contains("no default burden for unit 'tick'");
        assertThat(cli("profile", "--dag", "fibtree:8", "--burden", "2", "--format", "json").out())
                .doesNotContain("note");
    }

    @Test
    void profileBadArgumentsExit2() {
        assertThat(cli("profile", "--dag", SPAWN_SYNC, "--burden", "-1").code()).isEqualTo(2);
        assertThat(cli("profile", "--dag", SPAWN_SYNC, "--strand-overhead", "x").code()).isEqualTo(2);
        assertThat(cli("profile", "--dag", SPAWN_SYNC, "--format", "xml").code()).isEqualTo(2);
        CliRun missing = cli("profile", "--dag", "trace:/nonexistent/x.dag");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).doesNotContain("\tat ");
    }

    @Test
    void compareOverlaysMeasuredTimes() throws Exception {
        Path out = dir.resolve("m");
        CliRun r = cli("compare", "--dag", SPAWN_SYNC, "--schedulers", "greedy,ws", "--procs", "1,2", "--seeds", "2",
                "--steal-latency", "100", "--measured", "1=1750ns,2=0.0023", "--measured", "4=1us", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("measured.csv").contains("note: measured P=4 for dag 1 is drawn but not tabulated");
        List<String> lines = Files.readAllLines(out.resolve("measured.csv"));
        assertThat(lines.get(0)).isEqualTo("dag,procs,measured,scheduler,simulated,error_percent,unit");
        assertThat(lines).hasSize(5);
        // P = 1: every scheduler runs the work serially, 1750 ns, as measured: error 0
        assertThat(lines.get(1)).isEqualTo(SPAWN_SYNC + ",1,1750,greedy,1750.0,0.00,ns");
        // P = 2 greedy: s0, then A on one processor while c, B, d run on the other, then j: 1150 ns
        assertThat(lines.get(3)).startsWith(SPAWN_SYNC + ",2,2300,greedy,1150.0,-50.00,ns");
        assertThat(Files.readString(out.resolve("index.html"))).contains("Measured real runs vs simulated")
                .contains("-50.0%");
        assertThat(Files.size(out.resolve("speedup-1-spawn-sync-dag.png"))).isPositive();
    }

    @Test
    void compareMeasuredErrors() {
        Path out = dir.resolve("e");
        assertThat(cli("compare", "--dag", SPAWN_SYNC, "--schedulers", "ws", "--procs", "2", "--measured", "2=abc",
                "--out", out.toString()).code()).isEqualTo(2);
        CliRun two = cli("compare", "--dag", SPAWN_SYNC + ",fibtree:5", "--schedulers", "ws", "--procs", "2",
                "--measured", "2=1", "--out", out.toString());
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err()).contains("N:P=TIME");
        CliRun ticks = cli("compare", "--dag", SPAWN_SYNC + ",fibtree:5", "--schedulers", "ws", "--procs", "2",
                "--measured", "2:2=1", "--out", out.toString());
        assertThat(ticks.code()).isEqualTo(2);
        assertThat(ticks.err()).contains("time unit is ns, us, ms or s");
        CliRun ok = cli("compare", "--dag", SPAWN_SYNC + ",fibtree:5", "--schedulers", "ws", "--procs", "2",
                "--measured", "1:2=1ms", "--out", out.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
    }
}
