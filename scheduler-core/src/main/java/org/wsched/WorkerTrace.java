package org.wsched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.wsched.internal.VarHandles;

/**
 * One worker's trace recorder: splits each task it runs into strands at every spawn and every
 * join, with {@link System#nanoTime()} durations, and records the edges between strands. Written
 * only by its worker (no locks, no shared writes); read by {@link Trace#of} once the pool is
 * quiescent.
 *
 * <p><b>Contiguous strands.</b> The worker reads the clock once per strand, at its end, and the
 * next strand starts at that same reading whenever the worker went on with work of its own: the
 * next strand of the same task after a spawn, a child it took from its own deque (or claimed)
 * inside a join, the parent's strand after a join whose child ran here. So the runtime's own
 * bookkeeping on those paths (push, pop, the join fast path) is charged to the strands, as it is
 * in an untraced run, and a run on one worker is covered by its strands without gaps. The clock
 * is read afresh (the time between is in no strand) where the worker may have searched or
 * waited: a task it starts from its scheduling loop, a task it stole or took from the shared
 * queue while helping in a join, the parent's strand after a join that helped or waited, and
 * after the recorder allocated a new chunk of records.
 *
 * <p>Each strand therefore contains one clock reading and one or two records: the tracer's own
 * cost per strand, measured by {@link TracerCalibration} and subtracted when the trace is built
 * ({@link Trace#of}).
 *
 * <p>Records are two longs each, kept in fixed-size chunks (never copied): a header
 * {@code type | strandIndex << 2 | taskId << 32} and one payload (a duration, or another task's
 * id). Task ids are assigned by the spawning worker, {@code seq * parallelism + workerIndex + 1},
 * so they are dense and need no coordination.
 */
final class WorkerTrace {

    static final int STRAND_AFTER_SPAWN = 0; // payload: duration; the next strand continues after a spawn
    static final int STRAND_OTHER = 1; // payload: duration; ended by a join or by the task's end
    static final int SPAWN = 2; // payload: child task id; edge from this strand to the child's first
    static final int JOIN = 3; // payload: child task id; edge from the child's last strand to this strand

    static final int CHUNK_SHIFT = 15;
    static final int CHUNK_LONGS = 1 << CHUNK_SHIFT; // 256 KiB per chunk, an even number of longs
    static final int CHUNK_MASK = CHUNK_LONGS - 1;

    private static final VarHandle BUSY = VarHandles.field(MethodHandles.lookup(), WorkerTrace.class, "busy", boolean.class);


    private final int workerIndex;
    private final int parallelism;
    /** The pool's records still unclaimed: every worker reserves its chunks from it (one budget per pool). */
    private final java.util.concurrent.atomic.AtomicLong budgetRecords;
    /** Strands that could not be recorded after the budget ran out (so the error can say what was needed). */
    private long droppedStrands;
    private int nextSeq;
    private long[][] chunks = new long[8][];
    private long[] chunk; // chunks[chunkCount - 1], or null before the first record
    private int chunkCount;
    private int pos; // next free long in chunk
    private int limit; // pos may grow up to here in this chunk: CHUNK_LONGS, less where the budget ends
    private boolean truncated;
    // What the worker published when it last became idle (depth 0): read by Trace.of.
    long[][] publishedChunks = chunks;
    long publishedSize;
    boolean publishedTruncated;
    /** Whether this worker ran out of task ids (more than {@link Task#MAX_TRACE_ID} in the pool). */
    boolean publishedIdsExhausted;
    private boolean idsExhausted;
    long publishedDroppedStrands;
    private boolean busy; // accessed only through BUSY

    // Stack of the tasks running on this worker (nested by inline joins and helping).
    private int[] taskIds = new int[16];
    private int[] strandIdx = new int[16];
    private int depth;
    /** When the open strand began: the clock reading that ended the previous strand, or a fresh one. */
    private long stamp;
    /** The task whose last strand ended at {@link #stamp}, if nothing was recorded since; else 0. */
    private int endedAtStamp;

    WorkerTrace(int workerIndex, int parallelism, java.util.concurrent.atomic.AtomicLong budgetRecords) {
        this.workerIndex = workerIndex;
        this.parallelism = parallelism;
        this.budgetRecords = budgetRecords;
    }

    private int newTaskId() {
        long id = (long) nextSeq++ * parallelism + workerIndex + 1;
        if (id > Task.MAX_TRACE_ID) { // a task holds ids up to 2^27 - 1 (see Task.meta)
            truncated = true;
            idsExhausted = true;
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
        return laBusy(); // pairs with the release store in onEnd()
    }

    /**
     * A task starts on this worker.
     *
     * @param t the task
     * @param ownWork true if the worker took it from its own deque or claimed it inside a join
     *     (its first strand starts where the joining strand ended); false if it comes from the
     *     scheduling loop, a steal or the shared queue (the clock is read afresh)
     */
    void onStart(Task<?> t, boolean ownWork) {
        if (depth == 0) {
            sopBusy(true); // pairs with isBusy(); a hint that records are changing
            ownWork = false;
        }
        if (t.traceId() == 0) {
            t.traceId(newTaskId()); // a root task: submitted, not spawned
        }
        if (depth == taskIds.length) {
            taskIds = Arrays.copyOf(taskIds, depth * 2);
            strandIdx = Arrays.copyOf(strandIdx, depth * 2);
        }
        taskIds[depth] = t.traceId();
        strandIdx[depth] = 0;
        depth++;
        if (!ownWork) {
            stamp = System.nanoTime();
        }
        endedAtStamp = 0;
    }

    void onEnd() {
        if (depth == 0) {
            return;
        }
        int d = --depth;
        long now = System.nanoTime();
        boolean grew = record(STRAND_OTHER, taskIds[d], strandIdx[d], now - stamp);
        stamp = grew ? System.nanoTime() : now;
        endedAtStamp = grew ? 0 : taskIds[d];
        if (d == 0) {
            publishedChunks = chunks; // plain: published by the release store below
            publishedSize = size();
            publishedTruncated = truncated;
            publishedIdsExhausted = idsExhausted;
            publishedDroppedStrands = droppedStrands;
            soBusy(false); // pairs with isBusy() in Scheduler.trace(): records visible
        }
    }

    void onSpawn(Task<?> child) {
        child.traceId(newTaskId());
        if (depth == 0) {
            return; // not inside a traced task (cannot happen for spawns; kept defensive)
        }
        int d = depth - 1;
        long now = System.nanoTime();
        boolean grew = record2(STRAND_AFTER_SPAWN, now - stamp, SPAWN, child.traceId(), taskIds[d], strandIdx[d]);
        strandIdx[d]++;
        stamp = grew ? System.nanoTime() : now;
        endedAtStamp = 0;
    }

    void onJoinEnter() {
        if (depth == 0) {
            return;
        }
        int d = depth - 1;
        long now = System.nanoTime();
        boolean grew = record(STRAND_OTHER, taskIds[d], strandIdx[d], now - stamp);
        strandIdx[d]++;
        stamp = grew ? System.nanoTime() : now;
        endedAtStamp = 0;
    }

    void onJoinExit(Task<?> child) {
        if (depth == 0) {
            return;
        }
        int d = depth - 1;
        // Contiguous only if the child's end on this worker was the last thing recorded: it ran
        // inline. Otherwise the worker stole, helped or waited since, and that is not this strand.
        boolean contiguous = child.traceId() != 0 && endedAtStamp == child.traceId();
        boolean grew = child.traceId() != 0 && record(JOIN, taskIds[d], strandIdx[d], child.traceId());
        if (!contiguous || grew) {
            stamp = System.nanoTime();
        }
        endedAtStamp = 0;
    }

    /** Longs recorded so far. */
    private long size() {
        return chunkCount == 0 ? 0 : (long) (chunkCount - 1) * CHUNK_LONGS + pos;
    }

    /** Appends one record; returns true if it had to allocate a chunk (the caller re-reads the clock). */
    private boolean record(int type, int taskId, int strand, long payload) {
        int p = pos;
        if (p == limit || taskId == 0) {
            return recordSlow(type, taskId, strand, payload);
        }
        long[] c = chunk;
        c[p] = header(type, taskId, strand);
        c[p + 1] = payload;
        pos = p + 2;
        return false;
    }

    /** Appends two records of the same strand (a strand ended by a spawn, and the spawn). */
    private boolean record2(int type1, long payload1, int type2, long payload2, int taskId, int strand) {
        int p = pos;
        if (p > limit - 4 || taskId == 0) {
            return recordSlow(type1, taskId, strand, payload1) | recordSlow(type2, taskId, strand, payload2);
        }
        long[] c = chunk;
        c[p] = header(type1, taskId, strand);
        c[p + 1] = payload1;
        c[p + 2] = header(type2, taskId, strand);
        c[p + 3] = payload2;
        pos = p + 4;
        return false;
    }

    private static long header(int type, int taskId, int strand) {
        return type | ((long) strand << 2) | ((long) taskId << 32);
    }

    /** Out of the hot path: a new chunk, the budget (reserved from the pool's), truncation. */
    private boolean recordSlow(int type, int taskId, int strand, long payload) {
        if (truncated || taskId == 0) {
            truncate();
            if (isStrand(type)) {
                droppedStrands++;
            }
            return false;
        }
        boolean grew = false;
        if (pos == limit) {
            // Chunks stay full except the last (publishedAt() indexes by chunk): fill this one first.
            boolean roomHere = chunk != null && limit < CHUNK_LONGS;
            long reserved = reserve(roomHere ? (CHUNK_LONGS - limit) / 2 : CHUNK_LONGS / 2);
            if (reserved == 0) {
                truncate(); // the pool's budget ends here
                if (isStrand(type)) {
                    droppedStrands++;
                }
                return false;
            }
            if (roomHere) {
                limit += (int) (2 * reserved);
                chunk[pos] = header(type, taskId, strand);
                chunk[pos + 1] = payload;
                pos += 2;
                return false;
            }
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            chunk = new long[CHUNK_LONGS];
            chunks[chunkCount++] = chunk;
            pos = 0;
            limit = (int) (2 * reserved);
            grew = true;
        }
        chunk[pos] = header(type, taskId, strand);
        chunk[pos + 1] = payload;
        pos += 2;
        return grew;
    }

    /** Takes up to {@code records} records from the pool's budget; returns how many it got. */
    private long reserve(long records) {
        for (;;) {
            long left = budgetRecords.get(); // pairs with other workers' CAS below
            if (left <= 0) {
                return 0;
            }
            long take = Math.min(left, records);
            if (budgetRecords.compareAndSet(left, left - take)) { // pairs with other workers' reservations
                return take;
            }
        }
    }

    /** Stops recording: every later record takes the slow path and is dropped; trace() will throw. */
    private void truncate() {
        truncated = true;
        limit = pos;
    }

    /**
     * The long at {@code index} of the published records.
     *
     * @param index a long index below {@link #publishedSize}, even for a header
     * @return the long
     */
    long publishedAt(long index) {
        return publishedChunks[(int) (index >>> CHUNK_SHIFT)][(int) (index & CHUNK_MASK)];
    }

    /** Whether a record of this type is a strand (its payload a duration). */
    static boolean isStrand(int type) {
        return type == STRAND_AFTER_SPAWN || type == STRAND_OTHER;
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

    // ------------------------------------------------------------------ accessors (memory-order names: org.wsched.internal)

    private boolean laBusy() {
        return (boolean) BUSY.getAcquire(this);
    }

    private void sopBusy(boolean v) {
        BUSY.setOpaque(this, v);
    }

    private void soBusy(boolean v) {
        BUSY.setRelease(this, v);
    }
}
