package org.wsched.sim.engine;

import java.util.Arrays;

/**
 * Optional per-node record of a run, for tests and for drawing schedules: when and where each
 * node ran, how many times it was started (which must be once), and every steal attempt (a
 * parked thief's skipped attempts, which all failed, as one interval).
 */
public final class ScheduleRecord {
    private final long[] start;
    private final long[] finish;
    private final int[] proc;
    private final int[] starts;
    private int steals;
    private int[] stealProc = new int[16];
    private long[] stealStart = new long[16];
    private long[] stealEnd = new long[16];
    private long[] stealCount = new long[16];
    private boolean[] stealSuccess = new boolean[16];

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

    void stealAttempt(int p, long from, long to, boolean success) {
        addSteal(p, from, to, 1, success);
    }

    void parked(int p, long from, long to, long attempts) {
        addSteal(p, from, to, attempts, false);
    }

    private void addSteal(int p, long from, long to, long count, boolean success) {
        if (steals == stealProc.length) {
            int n = 2 * steals;
            stealProc = Arrays.copyOf(stealProc, n);
            stealStart = Arrays.copyOf(stealStart, n);
            stealEnd = Arrays.copyOf(stealEnd, n);
            stealCount = Arrays.copyOf(stealCount, n);
            stealSuccess = Arrays.copyOf(stealSuccess, n);
        }
        stealProc[steals] = p;
        stealStart[steals] = from;
        stealEnd[steals] = to;
        stealCount[steals] = count;
        stealSuccess[steals] = success;
        steals++;
    }

    /** Number of recorded steal intervals (single attempts, or a parked thief's failed ones). */
    public int stealIntervals() {
        return steals;
    }

    /** Processor of the i-th steal interval. */
    public int stealProc(int i) {
        return stealProc[i];
    }

    /** Start tick of the i-th steal interval. */
    public long stealStart(int i) {
        return stealStart[i];
    }

    /** End tick of the i-th steal interval. */
    public long stealEnd(int i) {
        return stealEnd[i];
    }

    /** Attempts in the i-th steal interval (more than 1 only for a parked thief's skipped attempts). */
    public long stealAttempts(int i) {
        return stealCount[i];
    }

    /** Whether the i-th steal interval is a successful attempt. */
    public boolean stealSucceeded(int i) {
        return stealSuccess[i];
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
