package org.wsched.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.io.DagFile;

class ProfileTest {
    private static final String SPAWN_SYNC = "trace:src/test/resources/dag/spawn-sync.dag";

    /*
     * spawn-sync.dag: s0 (100) spawns A (1000) and continues in c (300), which spawns B (200) and
     * continues in d (100); j (50) syncs A and B. Paths to j's end, unburdened / with burden b:
     *   s0 A j        100 + 1000 + 50        = 1150   + b   (the join edge A -> j)
     *   s0 c B j      100 + 300 + 200 + 50   =  650   + 2b  (continuation s0 -> c, join B -> j)
     *   s0 c d j      100 + 300 + 100 + 50   =  550   + 2b  (continuations s0 -> c, c -> d; d -> j serial)
     */
    @Test
    void handCheckedSpawnSyncGraph() {
        TaskGraph g = DagSpecs.load(SPAWN_SYNC);
        Profile p = Profile.of(g, Profile.defaultBurden(g.timeUnit()));
        assertThat(p.timeUnit()).isEqualTo("ns");
        assertThat(p.burden()).isEqualTo(6_250);
        assertThat(p.nodes()).isEqualTo(6);
        assertThat(p.edges()).isEqualTo(7);
        assertThat(p.spawns()).isEqualTo(2);
        assertThat(p.continuations()).isEqualTo(2);
        assertThat(p.syncs()).isEqualTo(2);
        assertThat(p.work()).isEqualTo(1_750);
        assertThat(p.span()).isEqualTo(1_150);
        assertThat(p.burdenedSpan()).isEqualTo(650 + 2 * 6_250);
        assertThat(p.parallelism()).isCloseTo(1750.0 / 1150, within(1e-12));
        assertThat(p.burdenedParallelism()).isCloseTo(1750.0 / 13_150, within(1e-12));
        assertThat(Profile.of(g, 1_000).burdenedSpan()).isEqualTo(2_650);
        assertThat(Profile.of(g, 100).burdenedSpan()).isEqualTo(1_250); // s0 A j still the longest
        assertThat(Profile.of(g, 0).burdenedSpan()).isEqualTo(1_150);
    }

    @Test
    void cilkviewSpeedupEstimates() {
        Profile p = Profile.of(DagSpecs.load(SPAWN_SYNC), 6_250);
        assertThat(p.speedupLower(1)).isCloseTo(1.0, within(1e-12));
        assertThat(p.speedupUpper(1)).isCloseTo(1.0, within(1e-12));
        // T1 / (T1/2 + 1.7 * (1 - 1/2) * 13150) = 1750 / 12052.5
        assertThat(p.speedupLower(2)).isCloseTo(1750 / 12_052.5, within(1e-12));
        assertThat(p.speedupUpper(2)).isCloseTo(1750.0 / 1150, within(1e-12));
        assertThat(p.speedupUpper(1024)).isCloseTo(1750.0 / 1150, within(1e-12));
        Profile wide = Profile.of(DagSpecs.load("fibtree:20"), 0);
        assertThat(wide.speedupUpper(4)).isEqualTo(4.0);
        for (int procs = 1; procs <= 1024; procs *= 2) {
            assertThat(wide.speedupLower(procs)).isLessThanOrEqualTo(wide.speedupUpper(procs) + 1e-9);
        }
        assertThatThrownBy(() -> p.speedupLower(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Profile.of(DagSpecs.load(SPAWN_SYNC), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void graphsWithoutKindsHaveBurdenedSpanEqualToSpan() {
        TaskGraph g = DagSpecs.load("stg:src/test/resources/stg/small.stg");
        Profile p = Profile.of(g, 6_250);
        assertThat(p.hasKinds()).isFalse();
        assertThat(p.burdenedSpan()).isEqualTo(p.span()).isEqualTo(7);
        assertThat(p.work()).isEqualTo(10);
        assertThat(p.spawns() + p.continuations() + p.syncs()).isZero();
        assertThat(Profile.defaultBurden(g.timeUnit())).isZero();
    }

    @Test
    void fibtreeCountsAndSpan() {
        // fibtree:N has F(N+1) - 1 spawns (one per internal call), as many joins and continuations
        Profile p = Profile.of(DagSpecs.load("fibtree:10"), 0);
        assertThat(p.spawns()).isEqualTo(88); // F(11) - 1 = 89 - 1
        assertThat(p.syncs()).isEqualTo(88);
        assertThat(p.continuations()).isEqualTo(88);
        assertThat(p.span()).isEqualTo(19);
        assertThat(p.burdenedSpan()).isEqualTo(19);
    }

    @Test
    void strandOverheadIsTakenOffEveryNode() {
        TaskGraph g = DagSpecs.load(SPAWN_SYNC);
        assertThat(g.minCost()).isEqualTo(50);
        TaskGraph h = g.withCostsReducedBy(100);
        assertThat(h.work()).isEqualTo(0 + 900 + 200 + 100 + 0 + 0);
        assertThat(h.span()).isEqualTo(900);
        assertThat(g.withCostsReducedBy(0)).isSameAs(g);
        assertThat(Profile.of(h, 10).burdenedSpan()).isEqualTo(910);
    }

    @Test
    void headerCommentsAreRead() {
        assertThat(DagFile.headerComments(Path.of("src/test/resources/dag/spawn-sync.dag")))
                .containsExactly("a task that spawns A, continues, spawns B, continues and syncs both "
                        + "(hand-checked in ProfileTest)", "recorded by hand: not a real trace");
        assertThat(DagSpecs.headerComments("fib:5")).isEmpty();
    }
}
