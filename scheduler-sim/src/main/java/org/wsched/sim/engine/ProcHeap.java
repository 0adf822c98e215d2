package org.wsched.sim.engine;

/**
 * A binary min-heap of processor ids ordered by the time their current activity ends, ties by
 * the sequence number of the call that scheduled it (earlier first), the same order the
 * {@link EventWheel}'s slots keep: so an event's distance never changes the order of same-tick
 * events. Idle processors are not in it: each event costs O(log busy processors), never O(P).
 */
final class ProcHeap {
    private final int[] heap;
    private final long[] time;
    private final long[] seq;
    private int size;

    /**
     * A heap over processors 0..procs-1 keyed by {@code time[p]}, then {@code seq[p]}, which the
     * caller updates.
     */
    ProcHeap(int procs, long[] time, long[] seq) {
        this.heap = new int[procs];
        this.time = time;
        this.seq = seq;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The processor whose activity ends first. */
    int top() {
        return heap[0];
    }

    /** Adds processor p with its current {@code time[p]}. */
    void push(int p) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int q = heap[parent];
            if (!less(p, q)) {
                break;
            }
            heap[i] = q;
            i = parent;
        }
        heap[i] = p;
    }

    /** Restores the order after the caller increased {@code time[top()]}. */
    void topIncreased() {
        siftDown(heap[0]);
    }

    /** Removes the top processor. */
    void pop() {
        int last = heap[--size];
        if (size > 0) {
            siftDown(last);
        }
    }

    private void siftDown(int p) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int child = heap[c];
            int r = c + 1;
            if (r < size && less(heap[r], child)) {
                c = r;
                child = heap[r];
            }
            if (!less(child, p)) {
                break;
            }
            heap[i] = child;
            i = c;
        }
        heap[i] = p;
    }

    private boolean less(int a, int b) {
        long ta = time[a];
        long tb = time[b];
        return ta < tb || (ta == tb && seq[a] < seq[b]);
    }
}
