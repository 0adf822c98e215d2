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

    private static final class Fifo implements ReadyWork {
        private final int[] queue;
        private int head;
        private int tail;

        Fifo(int[] queue) {
            this.queue = queue;
        }

        @Override
        public void enabled(int proc, int[] nodes, byte[] edgeKinds, int count) {
            System.arraycopy(nodes, 0, queue, tail, count);
            tail += count;
        }

        @Override
        public int takeLocal(int proc) {
            return head < tail ? queue[head++] : -1;
        }

        @Override
        public boolean hasReadyWork() {
            return head < tail;
        }
    }

    private static final class Stack implements ReadyWork {
        private final int[] stack;
        private int size;

        Stack(int[] stack) {
            this.stack = stack;
        }

        @Override
        public void enabled(int proc, int[] nodes, byte[] edgeKinds, int count) {
            System.arraycopy(nodes, 0, stack, size, count);
            size += count;
        }

        @Override
        public int takeLocal(int proc) {
            return size > 0 ? stack[--size] : -1;
        }

        @Override
        public boolean hasReadyWork() {
            return size > 0;
        }
    }
}
