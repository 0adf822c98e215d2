package org.wsched.sim.policy;

import java.util.Arrays;

/**
 * One double-ended queue of node ids per simulated processor, in primitive arrays. The owner
 * pushes and pops at the bottom; thieves take from the top (the oldest nodes). Each deque is a
 * power-of-two ring that doubles when full. Also keeps the total size over all deques.
 */
final class Deques {
    private final int[][] ring;
    private final int[] top;
    private final int[] bottom;
    private long total;

    Deques(int procs) {
        ring = new int[procs][];
        top = new int[procs];
        bottom = new int[procs];
        for (int p = 0; p < procs; p++) {
            ring[p] = new int[16];
        }
    }

    int size(int p) {
        return bottom[p] - top[p];
    }

    long total() {
        return total;
    }

    void pushBottom(int p, int node) {
        int[] r = ring[p];
        int b = bottom[p];
        if (b - top[p] == r.length) {
            r = grow(p);
            b = bottom[p];
        }
        r[b & (r.length - 1)] = node;
        bottom[p] = b + 1;
        total++;
    }

    /** Pops the newest node of deque p, or returns −1 if it is empty. */
    int popBottom(int p) {
        int b = bottom[p] - 1;
        int t = top[p];
        if (b < t) {
            return -1;
        }
        int[] r = ring[p];
        int node = r[b & (r.length - 1)];
        total--;
        if (b == t) {
            top[p] = 0; // empty again: restart the indices so they never overflow
            bottom[p] = 0;
        } else {
            bottom[p] = b;
        }
        return node;
    }

    /** Takes the oldest node of deque p, or returns −1 if it is empty. */
    int popTop(int p) {
        int t = top[p];
        int b = bottom[p];
        if (t >= b) {
            return -1;
        }
        int[] r = ring[p];
        int node = r[t & (r.length - 1)];
        total--;
        if (t + 1 == b) {
            top[p] = 0;
            bottom[p] = 0;
        } else {
            top[p] = t + 1;
        }
        return node;
    }

    private int[] grow(int p) {
        int[] old = ring[p];
        int[] r = new int[old.length * 2];
        int t = top[p];
        int n = bottom[p] - t;
        for (int i = 0; i < n; i++) {
            r[i] = old[(t + i) & (old.length - 1)];
        }
        ring[p] = r;
        top[p] = 0;
        bottom[p] = n;
        return r;
    }

    @Override
    public String toString() {
        return "Deques[total=" + total + ", sizes=" + Arrays.toString(sizes()) + "]";
    }

    private int[] sizes() {
        int[] s = new int[top.length];
        for (int p = 0; p < s.length; p++) {
            s[p] = size(p);
        }
        return s;
    }
}
