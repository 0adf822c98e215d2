package org.wsched.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.Bounds;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.policy.Schedulers;

/**
 * Properties every simulated scheduler must have, checked on many seeded random graphs and
 * processor counts: each node runs exactly once, after all its predecessors, on one processor
 * at a time; no run beats the lower bound; greedy runs stay within Graham's bound; the same seed
 * gives the same run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SchedulerPropertiesTest {
    private static final int[] PROCS = {1, 2, 3, 5, 8, 16, 64};

    /** 80 seeded graphs of varied shapes, some with zero-cost nodes and many sources. */
    static Stream<String> graphs() {
        return IntStream.rangeClosed(1, 80).mapToObj(seed -> switch (seed % 5) {
            // every other one with costs beyond the event wheel's window
            case 0 -> "random:n=" + (20 + seed * 3) + ",p=0.0" + (1 + seed % 9) + ",cost="
                    + (seed % 10 == 0 ? "0-20000" : "0-6") + ",seed=" + seed;
            case 1 -> "layered:layers=" + (2 + seed % 7) + ",width=" + (1 + seed % 11) + ",p=0.3,cost=1-9,seed=" + seed;
            case 2 -> "seriesparallel:n=" + (10 + seed * 2) + ",p=0.6,cost=0-4,seed=" + seed;
            case 3 -> "fibtree:" + (2 + seed % 9);
            default -> "uts:geo:b0=3,d=" + (2 + seed % 4) + ",seed=" + seed;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void everySchedulerRunsEveryNodeOnceAfterItsPredecessors(String spec) {
        TaskGraph g = DagSpecs.load(spec);
        for (SchedulerPolicy policy : Schedulers.all()) {
            for (int procs : PROCS) {
                int h = spec.hashCode();
                long latency = (h & 7) == 0 ? 5000 : 1 + (h & 3);
                SimConfig config = new SimConfig(procs, 42 + procs, latency);
                ScheduleRecord rec = new ScheduleRecord(g.nodeCount());
                RunStats stats = Simulator.run(g, policy, config, rec);
                String where = policy.name() + " P=" + procs + " on " + spec;
                checkSchedule(g, rec, stats, procs, where);
                long lower = Bounds.lowerBound(g.work(), g.span(), procs);
                assertThat(stats.makespan()).as("lower bound, " + where).isGreaterThanOrEqualTo(lower);
                if (!policy.steals()) {
                    assertThat(Bounds.withinGraham(stats.makespan(), g.work(), g.span(), procs))
                            .as("Graham's bound, %s: makespan %d, bound %.2f", where, stats.makespan(),
                                    Bounds.grahamBound(g.work(), g.span(), procs))
                            .isTrue();
                    assertThat(stats.stealAttempts()).isZero();
                }
                if (procs == 1) {
                    assertThat(stats.makespan()).as(where).isEqualTo(g.work());
                }
                assertThat(stats.steals()).isLessThanOrEqualTo(stats.stealAttempts());
                RunStats again = Simulator.run(g, policy, config);
                assertThat(again.makespan()).as("same seed, same run: " + where).isEqualTo(stats.makespan());
                assertThat(again.stealAttempts()).isEqualTo(stats.stealAttempts());
                assertThat(again.steals()).isEqualTo(stats.steals());
                assertThat(again.busy()).isEqualTo(stats.busy());
            }
        }
    }

    private static void checkSchedule(TaskGraph g, ScheduleRecord rec, RunStats stats, int procs, String where) {
        int n = g.nodeCount();
        long maxFinish = 0;
        long[] busy = new long[procs];
        List<List<Integer>> byProc = new ArrayList<>();
        for (int p = 0; p < procs; p++) {
            byProc.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            assertThat(rec.starts(v)).as("node %d started once, %s", v, where).isEqualTo(1);
            assertThat(rec.finish(v)).as("node %d finish, %s", v, where).isEqualTo(rec.start(v) + g.cost(v));
            maxFinish = Math.max(maxFinish, rec.finish(v));
            busy[rec.proc(v)] += g.cost(v);
            byProc.get(rec.proc(v)).add(v);
            for (int i = g.firstSuccessor(v); i < g.endSuccessor(v); i++) {
                int s = g.successorAt(i);
                assertThat(rec.start(s)).as("node %d starts after its predecessor %d finished, %s", s, v, where)
                        .isGreaterThanOrEqualTo(rec.finish(v));
            }
        }
        assertThat(stats.makespan()).as(where).isEqualTo(maxFinish);
        assertThat(stats.busy()).as(where).isEqualTo(busy);
        for (List<Integer> nodes : byProc) {
            nodes.sort(Comparator.<Integer>comparingLong(rec::start).thenComparingLong(rec::finish));
            for (int k = 1; k < nodes.size(); k++) {
                assertThat(rec.start(nodes.get(k))).as("one node at a time per processor, " + where)
                        .isGreaterThanOrEqualTo(rec.finish(nodes.get(k - 1)));
            }
        }
    }

    @Test
    void childAndContinuationStealingBothRunFibTreeButDiffer() {
        TaskGraph g = DagSpecs.load("fibtree:16");
        boolean differ = false;
        for (int procs : new int[] {2, 8, 64}) {
            SimConfig c = new SimConfig(procs, 7, 1);
            RunStats child = Simulator.run(g, Schedulers.byName("ws"), c);
            RunStats cont = Simulator.run(g, Schedulers.byName("ws-cont"), c);
            assertThat(Arrays.stream(child.busy()).sum()).isEqualTo(g.work());
            assertThat(Arrays.stream(cont.busy()).sum()).isEqualTo(g.work());
            differ |= child.stealAttempts() != cont.stealAttempts() || child.makespan() != cont.makespan();
        }
        assertThat(differ).as("child and continuation stealing schedule fibtree differently").isTrue();
    }

    @Test
    void largeTreeRunsWithManyProcessors() {
        TaskGraph g = DagSpecs.load("fib:22");
        for (String name : Schedulers.names()) {
            RunStats s = Simulator.run(g, Schedulers.byName(name), new SimConfig(1024, 1, 1));
            assertThat(s.makespan()).isGreaterThanOrEqualTo(Bounds.lowerBound(g.work(), g.span(), 1024));
            assertThat(Arrays.stream(s.busy()).sum()).isEqualTo(g.work());
        }
    }

    @Test
    void differentSeedsUsuallyGiveDifferentStealPatterns() {
        TaskGraph g = DagSpecs.load("uts:geo:b0=4,d=7,seed=19");
        RunStats a = Simulator.run(g, Schedulers.byName("ws"), new SimConfig(16, 1, 1));
        RunStats b = Simulator.run(g, Schedulers.byName("ws"), new SimConfig(16, 2, 1));
        assertThat(a.stealAttempts() != b.stealAttempts() || a.makespan() != b.makespan()).isTrue();
    }
}
