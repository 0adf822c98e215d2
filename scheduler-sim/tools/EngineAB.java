// Side-by-side engine comparison in thread CPU time (used for docs/simulator.md, "Simulator throughput").
// Compile and run against each jar, alternating JVMs:
//   javac -cp OLD.jar -d old EngineAB.java && java -Xms2g -Xmx2g -cp old:OLD.jar EngineAB greedy,ws 64,1024
//   javac -cp scheduler-sim/target/wsched-sim.jar -d new EngineAB.java && java -Xms2g -Xmx2g -cp new:scheduler-sim/target/wsched-sim.jar EngineAB greedy,ws 64,1024
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TopologicalPass;
import org.wsched.sim.policy.Schedulers;

public class EngineAB {
    public static void main(String[] a) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        TaskGraph g = DagSpecs.load("uts:T1");
        String[] scheds = a[0].split(",");
        int[] procs = Arrays.stream(a[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int reps = 7;
        for (int w = 0; w < 3; w++) { TopologicalPass.span(g); for (String s : scheds) for (int p : procs) Simulator.run(g, Schedulers.byName(s), new SimConfig(p, w, 1)); }
        double[] topo = new double[reps];
        double[][] sim = new double[scheds.length * procs.length][reps];
        for (int r = 0; r < reps; r++) {
            long t0 = mx.getCurrentThreadCpuTime(); TopologicalPass.span(g); topo[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            int i = 0;
            for (String s : scheds) for (int p : procs) { long t = mx.getCurrentThreadCpuTime(); Simulator.run(g, Schedulers.byName(s), new SimConfig(p, r + 1, 1)); sim[i++][r] = (mx.getCurrentThreadCpuTime() - t) / 1e6; }
        }
        Arrays.sort(topo);
        StringBuilder sb = new StringBuilder(String.format("topo %.0f ms cpu", topo[reps / 2]));
        int i = 0;
        for (String s : scheds) for (int p : procs) { double[] x = sim[i++]; Arrays.sort(x); sb.append(String.format(" | %s P=%d %.0f ms = %.1f Mn/s x%.2f", s, p, x[reps / 2], g.nodeCount() / x[reps / 2] / 1e3, x[reps / 2] / topo[reps / 2])); }
        System.out.println(sb);
    }
}
