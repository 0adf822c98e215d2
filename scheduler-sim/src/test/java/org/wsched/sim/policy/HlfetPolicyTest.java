package org.wsched.sim.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsched.sim.engine.ScheduleRecord;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TopologicalPass;
import org.wsched.sim.metrics.Bounds;

/** HLFET: optimal where a hand calculation says so, always a highest-level-first list schedule. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HlfetPolicyTest {
    @TempDir
    Path dir;

    private final SchedulerPolicy hlfet = Schedulers.byName("hlfet");
    private final SchedulerPolicy fifo = Schedulers.byName("greedy");

    private long makespan(SchedulerPolicy p, TaskGraph g, int procs) {
        return Simulator.run(g, p, new SimConfig(procs, 1, 1)).makespan();
    }

    private TaskGraph stg(String text) throws IOException {
        Path f = dir.resolve("g" + text.hashCode() + ".stg");
        Files.writeString(f, text);
        return DagSpecs.load("stg:" + f);
    }

    @Test
    void isLabelledOffline() {
        assertThat(hlfet.offline()).isTrue();
        assertThat(hlfet.label()).isEqualTo("hlfet (offline)");
        assertThat(fifo.label()).isEqualTo("greedy");
    }

    @Test
    void runsTheLongChainFirst() throws IOException {
        // tasks 1, 2: cost 2, independent; task 3 (cost 1) heads a chain to task 4 (cost 3).
        // By hand on P = 2: FIFO runs 1, 2 at 0, 3 at 2, 4 at 3..6; the optimum runs 3 and 1 at 0,
        // 4 at 1..4, 2 at 2..4: makespan 4 = T1/P = T∞, which HLFET (levels 2, 2, 4, 3) finds.
        TaskGraph g = stg("4\n0 0 0\n1 2 1 0\n2 2 1 0\n3 1 1 0\n4 3 1 3\n5 0 3 1 2 4\n");
        assertThat(makespan(fifo, g, 2)).isEqualTo(6);
        assertThat(makespan(hlfet, g, 2)).isEqualTo(4);
    }

    @Test
    void forkJoinWithAChainIsOptimalOnThreeProcessors() throws IOException {
        // 1 forks 2..5 (cost 2 each) and the chain 6 -> 7 -> 8 (cost 2 each); 9 joins. T1 = 16,
        // T∞ = 1 + 6 + 1 = 8, so nothing beats 8 on P = 3. HLFET starts the chain at 1 and
        // finishes at 8; FIFO takes 2, 3, 4 first and the chain ends at 9, the join at 10.
        TaskGraph g = stg("9\n0 0 0\n1 1 1 0\n2 2 1 1\n3 2 1 1\n4 2 1 1\n5 2 1 1\n6 2 1 1\n7 2 1 6\n8 2 1 7\n"
                + "9 1 5 2 3 4 5 8\n10 0 1 9\n");
        assertThat(g.work()).isEqualTo(16);
        assertThat(g.span()).isEqualTo(8);
        assertThat(makespan(hlfet, g, 3)).isEqualTo(8);
        assertThat(makespan(fifo, g, 3)).isEqualTo(10);
    }

    @Test
    void handCheckedStgGraph() {
        // small.stg: levels 7, 7, 3, 4, 1, 0; on P = 2 it runs 1, 2 at 0, then 3, 4 at 3: 7 = T∞.
        TaskGraph g = DagSpecs.load("stg:src/test/resources/stg/small.stg");
        assertThat(makespan(hlfet, g, 2)).isEqualTo(7);
        assertThat(makespan(hlfet, g, 1)).isEqualTo(10);
    }

    /**
     * The list-scheduling discipline, checked on every start of many generated graphs: a node
     * that was ready (every predecessor finished) when another started, and started later, has
     * a lower level, or the same level and a larger index; and every run meets Graham's bound.
     * (Costs are at least 1: a zero-cost node started at t makes its successors ready at t only
     * after the free processors of t have chosen.)
     */
    @Test
    void alwaysStartsTheHighestReadyNode() {
        for (int seed = 1; seed <= 30; seed++) {
            String spec = seed % 2 == 0 ? "layered:layers=6,width=5,p=0.4,cost=1-9,seed=" + seed
                    : "random:n=60,p=0.06,cost=1-9,seed=" + seed;
            TaskGraph g = DagSpecs.load(spec);
            long[] level = TopologicalPass.bottomLevels(g);
            assertThat(max(level)).isEqualTo(g.span());
            for (int procs : new int[] {2, 3, 5}) {
                ScheduleRecord rec = new ScheduleRecord(g.nodeCount());
                long ms = Simulator.run(g, hlfet, new SimConfig(procs, 1, 1), rec).makespan();
                assertThat(Bounds.withinGraham(ms, g.work(), g.span(), procs)).as(spec).isTrue();
                long[] ready = readyTimes(g, rec);
                for (int v = 0; v < g.nodeCount(); v++) {
                    for (int w = 0; w < g.nodeCount(); w++) {
                        boolean waitedWhileVStarted = ready[w] <= rec.start(v) && rec.start(w) > rec.start(v);
                        if (waitedWhileVStarted) {
                            assertThat(level[w] < level[v] || level[w] == level[v] && w > v)
                                    .as("%s P=%d: node %d (level %d) started at %d while node %d (level %d) "
                                            + "waited", spec, procs, v, level[v], rec.start(v), w, level[w])
                                    .isTrue();
                        }
                    }
                }
            }
        }
    }

    private static long[] readyTimes(TaskGraph g, ScheduleRecord rec) {
        long[] ready = new long[g.nodeCount()];
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = g.firstSuccessor(v); i < g.endSuccessor(v); i++) {
                int s = g.successorAt(i);
                ready[s] = Math.max(ready[s], rec.finish(v));
            }
        }
        return ready;
    }

    private static long max(long[] xs) {
        long m = 0;
        for (long x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }
}
