package org.wsched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One worker's trace recorder: splits each task it runs into strands at every spawn and every
 * join, with {@link System#nanoTime()} durations, and records the edges between strands. Written
 * only by its worker (no locks, no shared writes); read by {@link Trace#of} once the pool is
 * quiescent.
 *
 * <p>Records are two longs each: a header {@code type | strandIndex << 2 | taskId << 32} and one
 * payload (a duration, or another task's id). Task ids are assigned by the spawning worker,
 * {@code seq * parallelism + workerIndex + 1}, so they are dense and need no coordination.
 */
final class WorkerTrace {

    static final int STRAND_AFTER_SPAWN = 0; // payload: duration; the next strand continues after a spawn
    static final int STRAND_OTHER = 1; // payload: duration; ended by a join or by the task's end
    static final int SPAWN = 2; // payload: child task id; edge from this strand to the child's first
    static final int JOIN = 3; // payload: child task id; edge from the child's last strand to this strand

    private static final VarHandle BUSY;

    static {
        try {
            BUSY = MethodHandles.lookup().findVarHandle(WorkerTrace.class, "busy", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int workerIndex;
    private final int parallelism;
    private final long budgetRecords;
    private int nextSeq;
    private long[] records = new long[1024];
    private int size; // number of longs used
    private boolean truncated;
    // What the worker published when it last became idle (depth 0): read by Trace.of.
    long[] publishedRecords = records;
    int publishedSize;
    boolean publishedTruncated;
    private boolean busy; // accessed only through BUSY

    // Stack of the tasks running on this worker (nested by inline joins and helping).
    private int[] taskIds = new int[16];
    private int[] strandIdx = new int[16];
    private long[] strandStart = new long[16];
    private int depth;

    WorkerTrace(int workerIndex, int parallelism, long budgetRecords) {
        this.workerIndex = workerIndex;
        this.parallelism = parallelism;
        this.budgetRecords = budgetRecords;
    }

    private int newTaskId() {
        long id = (long) nextSeq++ * parallelism + workerIndex + 1;
        if (id > Integer.MAX_VALUE) {
            truncated = true;
            return 0;
        }
        return (int) id;
    }

    /**
     * Whether this worker is inside a task; false means the published records are complete.
     *
     * @return true while running a task
     */
    boolean isBusy() {
        return (boolean) BUSY.getAcquire(this); // pairs with the release store in onEnd()
    }

    void onStart(Task<?> t) {
        if (depth == 0) {
            BUSY.setOpaque(this, true); // pairs with isBusy(); a hint that records are changing
        }
        if (t.traceId == 0) {
            t.traceId = newTaskId(); // a root task: submitted, not spawned
        }
        if (depth == taskIds.length) {
            taskIds = Arrays.copyOf(taskIds, depth * 2);
            strandIdx = Arrays.copyOf(strandIdx, depth * 2);
            strandStart = Arrays.copyOf(strandStart, depth * 2);
        }
        taskIds[depth] = t.traceId;
        strandIdx[depth] = 0;
        strandStart[depth] = System.nanoTime();
        depth++;
    }

    void onEnd() {
        if (depth == 0) {
            return;
        }
        int d = --depth;
        record(STRAND_OTHER, taskIds[d], strandIdx[d], System.nanoTime() - strandStart[d]);
        if (d == 0) {
            publishedRecords = records; // plain: published by the release store below
            publishedSize = size;
            publishedTruncated = truncated;
            BUSY.setRelease(this, false); // pairs with isBusy() in Scheduler.trace(): records visible
        }
    }

    void onSpawn(Task<?> child) {
        child.traceId = newTaskId();
        if (depth == 0) {
            return; // not inside a traced task (cannot happen for spawns; kept defensive)
        }
        int d = depth - 1;
        long now = System.nanoTime();
        record(STRAND_AFTER_SPAWN, taskIds[d], strandIdx[d], now - strandStart[d]);
        record(SPAWN, taskIds[d], strandIdx[d], child.traceId);
        strandIdx[d]++;
        strandStart[d] = now;
    }

    void onJoinEnter() {
        if (depth == 0) {
            return;
        }
        int d = depth - 1;
        record(STRAND_OTHER, taskIds[d], strandIdx[d], System.nanoTime() - strandStart[d]);
        strandIdx[d]++;
    }

    void onJoinExit(Task<?> child) {
        if (depth == 0) {
            return;
        }
        int d = depth - 1;
        if (child.traceId != 0) {
            record(JOIN, taskIds[d], strandIdx[d], child.traceId);
        }
        strandStart[d] = System.nanoTime();
    }

    private void record(int type, int taskId, int strand, long payload) {
        if (truncated || taskId == 0) {
            truncated = true;
            return;
        }
        if (size + 2 > records.length) {
            if (size / 2 >= budgetRecords) {
                truncated = true;
                return;
            }
            records = Arrays.copyOf(records, (int) Math.min((long) records.length * 2, Integer.MAX_VALUE - 8));
        }
        records[size++] = type | ((long) strand << 2) | ((long) taskId << 32);
        records[size++] = payload;
    }

    static int type(long header) {
        return (int) (header & 3);
    }

    static int strand(long header) {
        return (int) ((header >>> 2) & 0x3FFF_FFFFL);
    }

    static int task(long header) {
        return (int) (header >>> 32);
    }
}
