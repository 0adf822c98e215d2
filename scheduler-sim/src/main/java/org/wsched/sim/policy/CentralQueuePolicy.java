package org.wsched.sim.policy;

import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.util.SplitMix64;

/**
 * Centralized online greedy scheduling: one global ready queue, first-in first-out (or
 * last-in first-out), shared by all processors. An idle processor takes a ready node the moment
 * there is one, so no processor is ever idle while a node is ready and Graham's bound
 * T_P ≤ T1/P + (1 − 1/P)·T∞ holds for every run.
 */
public final class CentralQueuePolicy implements SchedulerPolicy {
    private final boolean lifo;

    /** A greedy policy with a FIFO queue, or a LIFO stack if {@code lifo}. */
    public CentralQueuePolicy(boolean lifo) {
        this.lifo = lifo;
    }

    @Override
    public String name() {
        return lifo ? "greedy-lifo" : "greedy";
    }

    @Override
    public String description() {
        return lifo ? "centralized greedy, one global LIFO stack of ready nodes"
                : "centralized greedy, one global FIFO queue of ready nodes";
    }

    @Override
    public ReadyWork start(TaskGraph graph, int procs, SplitMix64 rng) {
        // every node is enqueued exactly once, so an array of n never overflows or wraps
        int[] queue = new int[Math.max(1, graph.nodeCount())];
        return lifo ? new Stack(queue) : new Fifo(queue);
    }

    /** The ready nodes in an array of n, appended in the order they become ready. */
    private abstract static class Queue implements ReadyWork {
        final int[] nodes;
        /** One past the last appended node. */
        int end;

        Queue(int[] nodes) {
            this.nodes = nodes;
        }

        @Override
        public void enabled(int proc, int[] ready, byte[] edgeKinds, int count) {
            System.arraycopy(ready, 0, nodes, end, count);
            end += count;
        }
    }

    /** First in, first out: takes from the front. */
    private static final class Fifo extends Queue {
        private int head;

        Fifo(int[] nodes) {
            super(nodes);
        }

        @Override
        public int takeLocal(int proc) {
            return head < end ? nodes[head++] : -1;
        }

        @Override
        public boolean hasReadyWork() {
            return head < end;
        }
    }

    /** Last in, first out: takes from the end. */
    private static final class Stack extends Queue {
        Stack(int[] nodes) {
            super(nodes);
        }

        @Override
        public int takeLocal(int proc) {
            return end > 0 ? nodes[--end] : -1;
        }

        @Override
        public boolean hasReadyWork() {
            return end > 0;
        }
    }
}
