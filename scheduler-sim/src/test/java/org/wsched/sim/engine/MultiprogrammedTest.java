package org.wsched.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.metrics.Bounds;
import org.wsched.sim.metrics.RunResult;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.policy.Schedulers;

/** Runs where a seeded adversarial kernel grants P_A of the P processors per quantum. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MultiprogrammedTest {
    private static final String[] SPECS = {"fibtree:9", "layered:layers=5,width=6,p=0.3,cost=1-9,seed=4",
        "random:n=60,p=0.05,cost=0-40,seed=9"};

    /** Granted ticks of processor p in [from, to). */
    private static long grantedTicks(Kernel k, int p, long from, long to, long quantum) {
        long n = 0;
        for (long t = from; t < to; t++) {
            n += k.granted(p, t / quantum) ? 1 : 0;
        }
        return n;
    }

    @Test
    void everyNodeRunsForItsCostInGrantedTimeAndAtMostPaRunAtOnce() {
        for (String spec : SPECS) {
            TaskGraph g = DagSpecs.load(spec);
            for (SchedulerPolicy policy : Schedulers.all()) {
                if (!policy.steals()) {
                    continue;
                }
                for (int[] pa : new int[][] {{4, 1}, {8, 3}, {5, 4}}) {
                    SimConfig c = new SimConfig(pa[0], 3, 2, pa[1], 7);
                    Kernel kernel = new Kernel(c);
                    ScheduleRecord rec = new ScheduleRecord(g.nodeCount());
                    RunStats s = Simulator.run(g, policy, c, rec);
                    String where = policy.name() + " P=" + pa[0] + " PA=" + pa[1] + " on " + spec;
                    long[] running = new long[(int) s.makespan() + 1];
                    for (int v = 0; v < g.nodeCount(); v++) {
                        assertThat(rec.starts(v)).as(where).isEqualTo(1);
                        assertThat(grantedTicks(kernel, rec.proc(v), rec.start(v), rec.finish(v), 7))
                                .as("granted ticks of node %d, %s", v, where).isEqualTo(g.cost(v));
                        for (long t = rec.start(v); t < rec.finish(v); t++) {
                            if (kernel.granted(rec.proc(v), t / 7)) {
                                running[(int) t]++;
                            }
                        }
                    }
                    assertThat(Arrays.stream(running).max().orElse(0)).as(where).isLessThanOrEqualTo(pa[1]);
                    assertThat(s.makespan()).as(where)
                            .isGreaterThanOrEqualTo(Bounds.lowerBound(g.work(), g.span(), pa[1]));
                    assertThat(Simulator.run(g, policy, c).makespan()).as("same seed, " + where).isEqualTo(s.makespan());
                }
            }
        }
    }

    @Test
    void theKernelGrantsExactlyPaEveryQuantumAndChangesItsChoice() {
        Kernel k = new Kernel(new SimConfig(16, 5, 1, 6, 10));
        int differ = 0;
        for (long q = 0; q < 200; q++) {
            int n = 0;
            for (int p = 0; p < 16; p++) {
                n += k.granted(p, q) ? 1 : 0;
            }
            assertThat(n).isEqualTo(6);
            differ += k.granted(0, q) != k.granted(0, q + 1) ? 1 : 0;
        }
        assertThat(differ).isPositive();
    }

    @Test
    void fewerGrantedProcessorsTakeLongerAndTheAbpRatioIsReported() {
        TaskGraph g = DagSpecs.load("uts:geo:b0=4,d=6,seed=19");
        SchedulerPolicy ws = Schedulers.byName("ws");
        SimConfig dedicated = new SimConfig(16, 1, 1);
        SimConfig shared = new SimConfig(16, 1, 1, 4, 50);
        RunResult a = RunResult.of("x", "ws", g, dedicated, Simulator.run(g, ws, dedicated));
        RunResult b = RunResult.of("x", "ws", g, shared, Simulator.run(g, ws, shared));
        assertThat(b.makespan()).isGreaterThan(a.makespan());
        assertThat(b.lowerBound()).isEqualTo(Bounds.lowerBound(g.work(), g.span(), 4));
        assertThat(b.abpBound()).isEqualTo((double) g.work() / 4 + g.span() * 16.0 / 4);
        assertThat(a.abpBound()).isEqualTo((double) g.work() / 16 + g.span());
        assertThat(b.toMap()).containsEntry("available", 4).containsEntry("quantum", 50L);
    }

    @Test
    void scalingCostsLatencyAndQuantumScalesTheRun() {
        TaskGraph g = DagSpecs.load(SPECS[1]);
        for (long k : new long[] {3, 1000}) {
            RunStats a = Simulator.run(g, Schedulers.byName("ws-p2c"), new SimConfig(6, 2, 2, 3, 5));
            RunStats b = Simulator.run(g.withCostsScaledBy(k), Schedulers.byName("ws-p2c"),
                    new SimConfig(6, 2, 2 * k, 3, 5 * k));
            assertThat(b.makespan()).isEqualTo(k * a.makespan());
            assertThat(b.stealAttempts()).isEqualTo(a.stealAttempts());
        }
    }

    @Test
    void centralizedSchedulersAreRefused() {
        assertThatThrownBy(() -> Simulator.run(DagSpecs.load("fib:5"), Schedulers.byName("greedy"),
                new SimConfig(4, 1, 1, 2, 10))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a work-stealing scheduler");
    }
}
