package org.wsched;

import java.util.SplittableRandom;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.IdleStrategy;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * A worker thread of a pool. Its mutable fields are written only by the worker itself; other
 * threads do not read this object on hot paths (thieves reach deques through the pool's array).
 */
final class Worker extends Thread {

    final AbstractPool pool;
    final int index;
    /** This worker's deque (work-stealing pool); null in the centralized pool. */
    final WorkStealingDeque<Task<?>> deque;
    final SplittableRandom random;
    final IdleStrategy idle;
    final SingleWriterRecorder latency = new SingleWriterRecorder(3);

    // Owner-only state.
    int helpDepth;
    int tick;
    int idleRounds;
    /** This worker's trace recorder, or null when the pool does not trace (the usual case). */
    final WorkerTrace trace;
    /** The task this worker is registered as a waiter on (see AbstractPool.waitFor), or null. */
    Task<?> waitingOn;
    /** This worker's spawn frames (see Frames); set by the pool before the worker starts. */
    Frames frames;

    /** Single-writer counters, on their own padded cache lines (see WorkerCounters). */
    final WorkerCounters counters = new WorkerCounters();

    Worker(AbstractPool pool, int index, String name, long stackSize, WorkStealingDeque<Task<?>> deque,
           SplittableRandom random, IdleStrategy idle, WorkerTrace trace) {
        super(null, null, name, stackSize);
        this.pool = pool;
        this.index = index;
        this.deque = deque;
        this.random = random;
        this.idle = idle;
        this.trace = trace;
        setDaemon(true);
    }

    @Override
    public void run() {
        pool.runWorker(this);
    }
}
