package org.wsched.sim.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TopologicalPass;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.policy.Schedulers;

/**
 * The simulator's throughput benchmark (a measurement, not a test): simulated nodes per second
 * for each scheduler and processor count, the ratio of a run's time to one topological pass
 * over the same graph (the least any simulation must do), and memory per node. Medians of
 * several repetitions after warm-up, measured side by side in one JVM, in wall time and in the
 * thread's CPU time (which other processes on a shared machine disturb much less).
 *
 * <p>Run it as {@code java -jar wsched-sim.jar bench} (defaults: uts:T1, greedy and ws,
 * P = 64 and 1024) or through {@link #main}.
 */
public final class SimThroughput {
    private SimThroughput() {
    }

    /** {@code SimThroughput [SPEC [SCHEDULERS [PROCS [REPS]]]]}, e.g. {@code uts:T1 greedy,ws 64,1024 7}. */
    public static void main(String[] args) {
        String dag = args.length > 0 ? args[0] : "uts:T1";
        List<String> scheds = List.of((args.length > 1 ? args[1] : "greedy,ws").split(","));
        int[] procs = Arrays.stream((args.length > 2 ? args[2] : "64,1024").split(",")).mapToInt(Integer::parseInt).toArray();
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        run(out, dag, scheds.stream().map(Schedulers::byName).toList(), procs, reps, 3);
    }

    /** Runs the benchmark and prints a Markdown table to {@code out}. */
    public static void run(PrintWriter out, String dag, List<SchedulerPolicy> schedulers, int[] procs, int reps,
                           int warmup) {
        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        TaskGraph g = DagSpecs.load(dag);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        long heapAfter = usedHeapAfterGc();
        int n = g.nodeCount();
        out.printf(Locale.ROOT, "# wsched-sim bench: %s%n", dag);
        out.printf(Locale.ROOT, "date %s, JDK %s (%s), %d cores, max heap %d MiB%n", LocalDate.now(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "graph: %,d nodes, %,d edges, work %,d, span %,d; generated/read in %.0f ms%n", n,
                g.edgeCount(), g.work(), g.span(), loadMs);
        out.printf(Locale.ROOT, "memory per node: %.1f B in the graph's arrays, %.1f B measured on the heap "
                + "(used after GC, before vs after loading); a run adds %d B/node (predecessor counters%s)%n",
                (double) g.memoryBytes() / n, (double) (heapAfter - heapBefore) / n, 8,
                " + ready queue or deques");
        out.printf(Locale.ROOT, "medians of %d repetitions after %d warm-up rounds%n%n", reps, warmup);
        for (int w = 0; w < warmup; w++) {
            TopologicalPass.span(g);
            for (SchedulerPolicy s : schedulers) {
                for (int p : procs) {
                    Simulator.run(g, s, new SimConfig(p, w, 1));
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] topo = new double[reps];
        double[] topoCpu = new double[reps];
        double[][][] sim = new double[schedulers.size()][procs.length][reps];
        double[][][] simCpu = new double[schedulers.size()][procs.length][reps];
        RunStats[][] last = new RunStats[schedulers.size()][procs.length];
        for (int r = 0; r < reps; r++) {
            long a = System.nanoTime();
            long ac = threads.getCurrentThreadCpuTime();
            TopologicalPass.span(g);
            topoCpu[r] = (threads.getCurrentThreadCpuTime() - ac) / 1e6;
            topo[r] = (System.nanoTime() - a) / 1e6;
            for (int i = 0; i < schedulers.size(); i++) {
                for (int j = 0; j < procs.length; j++) {
                    long b = System.nanoTime();
                    long bc = threads.getCurrentThreadCpuTime();
                    last[i][j] = Simulator.run(g, schedulers.get(i), new SimConfig(procs[j], r + 1, 1));
                    simCpu[i][j][r] = (threads.getCurrentThreadCpuTime() - bc) / 1e6;
                    sim[i][j][r] = (System.nanoTime() - b) / 1e6;
                }
            }
        }
        double topoMs = median(topo);
        double topoCpuMs = median(topoCpu);
        out.printf(Locale.ROOT, "one topological pass (work/span): %.1f ms = %.1f M nodes/s (CPU time %.1f ms = "
                + "%.1f M nodes/s)%n%n", topoMs, n / topoMs / 1e3, topoCpuMs, n / topoCpuMs / 1e3);
        out.println("| scheduler | P | median ms | M nodes/s | x topological pass | CPU ms | M nodes/s (CPU) "
                + "| x topological pass (CPU) | makespan | steal attempts |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < schedulers.size(); i++) {
            for (int j = 0; j < procs.length; j++) {
                double ms = median(sim[i][j]);
                double cpu = median(simCpu[i][j]);
                out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %,d | %,d |%n",
                        schedulers.get(i).name(), procs[j], ms, n / ms / 1e3, ms / topoMs, cpu, n / cpu / 1e3,
                        cpu / topoCpuMs, last[i][j].makespan(), last[i][j].stealAttempts());
            }
        }
        out.flush();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
