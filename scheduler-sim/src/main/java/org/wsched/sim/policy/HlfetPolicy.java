package org.wsched.sim.policy;

import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TopologicalPass;
import org.wsched.sim.util.SplitMix64;

/**
 * HLFET, "highest level first with estimated times" (Adam, Chandy and Dickson, CACM 1974): an
 * offline list scheduler. Every node's priority is its static bottom level (its cost plus the
 * heaviest path below it), computed from the whole graph before the run; whenever processors
 * are free, the ready nodes of highest level run first, ties by smaller node index. It is
 * greedy (never idle while a node is ready), so Graham's bound T_P ≤ T1/P + (1 − 1/P)·T∞ holds
 * for every run, and on the STG sets it lands close to the published optima: the baseline a work
 * stealer, which knows nothing ahead, is compared with.
 */
public final class HlfetPolicy implements SchedulerPolicy {
    @Override
    public String name() {
        return "hlfet";
    }

    @Override
    public String description() {
        return "offline list scheduler: highest static bottom level first, ties by node index (HLFET)";
    }

    @Override
    public boolean choosesPerTick() {
        return true;
    }

    @Override
    public boolean offline() {
        return true;
    }

    @Override
    public ReadyWork start(TaskGraph graph, int procs, SplitMix64 rng) {
        return new ReadyHeap(TopologicalPass.bottomLevels(graph), graph.nodeCount());
    }

    /** A binary max-heap of ready nodes by (bottom level, then smaller index). */
    private static final class ReadyHeap implements ReadyWork {
        private final long[] level;
        private final int[] heap;
        private int size;

        ReadyHeap(long[] level, int nodes) {
            this.level = level;
            this.heap = new int[Math.max(1, nodes)];
        }

        @Override
        public void enabled(int proc, int[] nodes, byte[] edgeKinds, int count) {
            for (int k = 0; k < count; k++) {
                int v = nodes[k];
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!before(v, heap[parent])) {
                        break;
                    }
                    heap[i] = heap[parent];
                    i = parent;
                }
                heap[i] = v;
            }
        }

        @Override
        public int takeLocal(int proc) {
            if (size == 0) {
                return -1;
            }
            int top = heap[0];
            int last = heap[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                if (c + 1 < size && before(heap[c + 1], heap[c])) {
                    c++;
                }
                if (!before(heap[c], last)) {
                    break;
                }
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = last;
            return top;
        }

        private boolean before(int a, int b) {
            return level[a] > level[b] || (level[a] == level[b] && a < b);
        }

        @Override
        public boolean hasReadyWork() {
            return size > 0;
        }
    }
}
