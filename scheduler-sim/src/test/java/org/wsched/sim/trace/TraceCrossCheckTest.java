package org.wsched.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsched.Trace;
import org.wsched.TraceProfile;
import org.wsched.WorkStealingPool;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.Profile;
import org.wsched.sim.policy.Schedulers;
import org.wsched.workloads.Fib;
import org.wsched.workloads.MergeSort;

/**
 * Records real runs on scheduler-core's WorkStealingPool (a test-scoped dependency), writes them
 * with {@code Trace.writeDag} and checks that the simulator reads the same graph: its profile
 * equals {@code Trace.profile()} exactly, for several burdens.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TraceCrossCheckTest {
    @TempDir
    Path dir;

    private void crossCheck(Trace trace, String name, long expectedStrands, long expectedSpawns) throws Exception {
        for (String file : new String[] {name + ".dag", name + ".dag.gz"}) {
            Path path = dir.resolve(file);
            trace.writeDag(path);
            TaskGraph g = DagSpecs.load("trace:" + path);
            assertThat(g.timeUnit()).isEqualTo("ns");
            assertThat(g.hasKinds()).isTrue();
            assertThat(g.nodeCount()).isEqualTo(trace.strands());
            assertThat(g.edgeCount()).isEqualTo(trace.edges());
            for (long burden : new long[] {TraceProfile.DEFAULT_BURDEN_NANOS, 0, 1, 100_000}) {
                TraceProfile expected = trace.profile(burden);
                Profile actual = Profile.of(g, burden);
                assertThat(actual.nodes()).isEqualTo(expected.strands()).isEqualTo(expectedStrands);
                assertThat(actual.spawns()).isEqualTo(expected.spawns()).isEqualTo(expectedSpawns);
                assertThat(actual.syncs()).isEqualTo(expected.syncs()).isEqualTo(expectedSpawns);
                assertThat(actual.work()).isEqualTo(expected.workNanos());
                assertThat(actual.span()).isEqualTo(expected.spanNanos());
                assertThat(actual.burdenedSpan()).isEqualTo(expected.burdenedSpanNanos());
                for (int p = 1; p <= 1024; p *= 2) {
                    assertThat(actual.speedupLower(p)).isCloseTo(expected.speedupLower(p), within(1e-9));
                    assertThat(actual.speedupUpper(p)).isCloseTo(expected.speedupUpper(p), within(1e-9));
                }
            }
            assertThat(DagSpecs.headerComments("trace:" + path)).anySatisfy(c ->
                    assertThat(c).startsWith("recorded by wsched tracing:").endsWith("parallelism 2"));
            // the recorded graph replays: P = 1 gives the work, and no schedule beats the span
            RunStats one = Simulator.run(g, Schedulers.byName("ws"), new SimConfig(1, 1, 200));
            assertThat(one.makespan()).isEqualTo(g.work());
            RunStats two = Simulator.run(g, Schedulers.byName("greedy"), new SimConfig(2, 1, 200));
            assertThat(two.makespan()).isBetween(Math.max(g.span(), (g.work() + 1) / 2), g.work());
        }
    }

    @Test
    void fibTraceProfilesTheSameInTheSimulator() throws Exception {
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(2).tracing(true).build()) {
            assertThat(pool.invoke(() -> Fib.wsched(15))).isEqualTo(610L);
            // fib(15): 1,973 calls, 986 internal ones spawn fib(n-1) once and join it once (fib(n-2) is a
            // plain call): 987 tasks (the root and 986 children), each spawn and each join starts a strand
            crossCheck(pool.trace(), "fib15", 987 + 986 + 986, 986);
        }
    }

    @Test
    void mergesortTraceProfilesTheSameInTheSimulator() throws Exception {
        int[] a = new SplittableRandom(7).ints(64_000).toArray();
        int[] expected = a.clone();
        Arrays.sort(expected);
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(2).tracing(true).build()) {
            pool.invoke(() -> MergeSort.wsched(a, new int[a.length], 0, a.length, 1000));
            assertThat(a).isEqualTo(expected);
            // 64,000 / 1,000 -> 64 leaves, 63 internal sorts, each spawning its left half in a scope
            // and sorting the right half inline: 63 spawns and 63 joins; 64 tasks, so 64 + 63 + 63 strands
            crossCheck(pool.trace(), "sort", 64 + 63 + 63, 63);
        }
    }
}
