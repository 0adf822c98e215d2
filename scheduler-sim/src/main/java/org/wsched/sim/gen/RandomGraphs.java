package org.wsched.sim.gen;

import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TaskGraphBuilder;
import org.wsched.sim.util.SplitMix64;

/**
 * Random task graphs from a seed; the same parameters and seed give the same graph on every JDK.
 *
 * <ul>
 *   <li>{@link #layered layered}: {@code layers} layers of {@code width} nodes; each node has an
 *       edge from each node of the previous layer with probability {@code p}, and at least one.
 *   <li>{@link #seriesParallel seriesparallel}: {@code n} task nodes combined pairwise at
 *       random, in series (an edge from one's exit to the other's entry) or, with probability
 *       {@code p}, in parallel (a new fork node before both and a new join node after both,
 *       each of cost 1), until one block remains: a two-terminal series-parallel graph.
 *   <li>{@link #random random}: {@code n} nodes in a random order; an edge from each earlier to
 *       each later node with probability {@code p}: any DAG shape, several sources and sinks.
 * </ul>
 * Task costs are uniform in [costLow, costHigh].
 */
public final class RandomGraphs {
    private RandomGraphs() {
    }

    /** A layered random graph. */
    public static TaskGraph layered(int layers, int width, double p, long costLow, long costHigh, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        TaskGraphBuilder b = new TaskGraphBuilder(layers * width, (int) Math.min(Integer.MAX_VALUE - 16L,
                (long) layers * width * Math.max(1, (long) Math.ceil(p * width))));
        int prevFirst = -1;
        for (int l = 0; l < layers; l++) {
            int first = b.nodeCount();
            for (int j = 0; j < width; j++) {
                int v = b.addNode(rng.nextLong(costLow, costHigh));
                if (prevFirst < 0) {
                    continue;
                }
                boolean any = false;
                for (int k = 0; k < width; k++) {
                    if (rng.nextDouble() < p) {
                        b.addEdge(prevFirst + k, v);
                        any = true;
                    }
                }
                if (!any) {
                    b.addEdge(prevFirst + rng.nextInt(width), v);
                }
            }
            prevFirst = first;
        }
        return b.build();
    }

    /** A random two-terminal series-parallel graph over {@code n} tasks. */
    public static TaskGraph seriesParallel(int n, double p, long costLow, long costHigh, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        TaskGraphBuilder b = new TaskGraphBuilder(2 * n, 3 * n);
        int[] entry = new int[n];
        int[] exit = new int[n];
        for (int i = 0; i < n; i++) {
            entry[i] = exit[i] = b.addNode(rng.nextLong(costLow, costHigh));
        }
        int count = n;
        while (count > 1) {
            int i = rng.nextInt(count);
            int j = rng.nextInt(count - 1);
            if (j >= i) {
                j++;
            }
            if (rng.nextDouble() < p) {
                int fork = b.addNode(1);
                int join = b.addNode(1);
                b.addEdge(fork, entry[i]);
                b.addEdge(fork, entry[j]);
                b.addEdge(exit[i], join);
                b.addEdge(exit[j], join);
                entry[i] = fork;
                exit[i] = join;
            } else {
                b.addEdge(exit[i], entry[j]);
                exit[i] = exit[j];
            }
            count--;
            entry[j] = entry[count];
            exit[j] = exit[count];
        }
        return b.build();
    }

    /** A random DAG: nodes in a random order, each forward pair joined with probability p. */
    public static TaskGraph random(int n, double p, long costLow, long costHigh, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        TaskGraphBuilder b = new TaskGraphBuilder(n, (int) Math.min(Integer.MAX_VALUE - 16L, (long) (p * n * n / 2) + 16));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            b.addNode(rng.nextLong(costLow, costHigh));
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rng.nextDouble() < p) {
                    b.addEdge(order[i], order[j]);
                }
            }
        }
        return b.build();
    }
}
