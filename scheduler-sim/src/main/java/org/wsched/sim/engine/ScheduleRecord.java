package org.wsched.sim.engine;

import java.util.Arrays;

/**
 * Optional per-node record of a run, for tests and for drawing schedules: when and where each
 * node ran, and how many times it was started (which must be once).
 */
public final class ScheduleRecord {
    private final long[] start;
    private final long[] finish;
    private final int[] proc;
    private final int[] starts;

    /** An empty record for a graph of {@code nodes} nodes. */
    public ScheduleRecord(int nodes) {
        start = new long[nodes];
        finish = new long[nodes];
        proc = new int[nodes];
        starts = new int[nodes];
        Arrays.fill(start, -1);
        Arrays.fill(finish, -1);
        Arrays.fill(proc, -1);
    }

    void started(int node, int p, long t) {
        start[node] = t;
        proc[node] = p;
        starts[node]++;
    }

    void finished(int node, long t) {
        finish[node] = t;
    }

    /** Time node v started, −1 if never. */
    public long start(int v) {
        return start[v];
    }

    /** Time node v finished, −1 if never. */
    public long finish(int v) {
        return finish[v];
    }

    /** Processor that ran node v, −1 if none. */
    public int proc(int v) {
        return proc[v];
    }

    /** How many times node v was started. */
    public int starts(int v) {
        return starts[v];
    }
}
