package org.wsched.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.policy.Schedulers;

/**
 * Time has no scale in the model: multiplying every node cost and the steal latency by k must
 * multiply every makespan by exactly k, and leave the steal counts and the per-processor
 * assignment unchanged, for every scheduler. This fails if same-tick events are ordered
 * differently depending on how far ahead they were scheduled (the event wheel's window is
 * {@value EventWheel#SLOTS} ticks, so k = 1000 pushes most events past it).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExactDeterminismTest {
    private static final long[] FACTORS = {3, 1000, 4097};
    private static final int[] PROCS = {2, 3, 7, 16};

    static Stream<String> graphs() {
        Stream<String> seeded = IntStream.rangeClosed(1, 24).mapToObj(seed -> switch (seed % 4) {
            case 0 -> "random:n=" + (30 + seed * 4) + ",p=0.05,cost=0-9,seed=" + seed;
            case 1 -> "layered:layers=" + (3 + seed % 5) + ",width=" + (2 + seed % 9) + ",p=0.3,cost=1-9,seed=" + seed;
            case 2 -> "seriesparallel:n=" + (40 + seed * 10) + ",p=0.5,cost=1-10,seed=" + seed;
            default -> "fibtree:" + (5 + seed % 6);
        });
        return Stream.concat(Stream.of("seriesparallel:n=500"), seeded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void scalingCostsAndLatencyScalesEveryRunExactly(String spec) {
        TaskGraph g = DagSpecs.load(spec);
        for (long k : FACTORS) {
            TaskGraph scaled = g.withCostsScaledBy(k);
            for (SchedulerPolicy policy : Schedulers.all()) {
                for (int procs : PROCS) {
                    for (long latency : new long[] {1, 3}) {
                        String where = policy.name() + " P=" + procs + " L=" + latency + " k=" + k + " on " + spec;
                        ScheduleRecord a = new ScheduleRecord(g.nodeCount());
                        ScheduleRecord b = new ScheduleRecord(g.nodeCount());
                        RunStats base = Simulator.run(g, policy, new SimConfig(procs, 11, latency), a);
                        RunStats big = Simulator.run(scaled, policy, new SimConfig(procs, 11, latency * k), b);
                        assertThat(big.makespan()).as("makespan, " + where).isEqualTo(base.makespan() * k);
                        assertThat(big.stealAttempts()).as("steal attempts, " + where).isEqualTo(base.stealAttempts());
                        assertThat(big.steals()).as("steals, " + where).isEqualTo(base.steals());
                        for (int v = 0; v < g.nodeCount(); v++) {
                            assertThat(b.proc(v)).as("processor of node %d, %s", v, where).isEqualTo(a.proc(v));
                            assertThat(b.start(v)).as("start of node %d, %s", v, where).isEqualTo(a.start(v) * k);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theIssuesSeriesParallelExampleScalesByAThousand() {
        TaskGraph g = DagSpecs.load("seriesparallel:n=500");
        SchedulerPolicy greedy = Schedulers.byName("greedy");
        long small = Simulator.run(g, greedy, new SimConfig(3, 1, 1)).makespan();
        long big = Simulator.run(g.withCostsScaledBy(1000), greedy, new SimConfig(3, 1, 1000)).makespan();
        assertThat(big).isEqualTo(1000 * small);
    }
}
