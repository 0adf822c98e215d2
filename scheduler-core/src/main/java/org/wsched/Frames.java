package org.wsched;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.wsched.internal.deque.FrameStack;
import org.wsched.internal.idle.SubmissionFlag;

/**
 * The calling worker's stack of spawn frames: fork/join that allocates nothing per spawn. A
 * {@link LongJob} gets its worker's {@code Frames} as first argument; {@link #spawn} writes a
 * reused frame record (job, context, argument) and returns, {@link #sync} takes back the most
 * recent spawn and runs it here, or, if an idle worker stole it meanwhile, waits for that
 * worker's result (helping with other work). Start a computation with
 * {@link Scheduler#invokeLong}.
 *
 * <pre>{@code
 * static long fib(Frames f, Object ctx, long n) {
 *     if (n < 2) return n;
 *     f.spawn(Fib::fib, ctx, n - 1);           // writes a frame; nothing is allocated
 *     long b = fib(f, ctx, n - 2);
 *     return f.sync() + b;                     // or: f.tryUnspawn() ? fib(f, ctx, n - 1) : f.syncStolen()
 * }
 *
 * try (Scheduler pool = WorkStealingPool.builder().parallelism(4).build()) {
 *     long r = pool.invokeLong(Fib::fib, null, 30);
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Frames are strictly LIFO: every {@code sync()} (or {@code tryUnspawn()}, then
 *       {@code syncStolen()} if it returned false) pairs with the most recent unsynced
 *       {@code spawn} of the running job. A sync with nothing spawned by the running job, and a
 *       {@code syncStolen()} not preceded by a failed {@code tryUnspawn()}, throw
 *       {@link IllegalStateException}.</li>
 *   <li>A job must sync everything it spawned before it returns. If it does not, the frames it
 *       left are still run (none is lost), and then {@link IllegalStateException} names how
 *       many were left; it is thrown where the job was run ({@code sync}, or
 *       {@code invokeLong}).</li>
 *   <li>An exception thrown by a job, run here or by a thief, is rethrown by the {@code sync}
 *       or {@code syncStolen} of its spawn, with the rules of {@link Task#join}: a
 *       {@link RuntimeException} or {@link Error} as is, a checked exception wrapped in
 *       {@link CompletionException}.</li>
 *   <li>{@code tryUnspawn()} (Cilk's "fast clone"): true if the most recent spawn was not
 *       stolen; it is dropped and the caller runs it directly, which skips even the call
 *       through the {@link LongJob}. False if another worker runs it; then call
 *       {@code syncStolen()}, and nothing else on this {@code Frames}, to get its result.</li>
 *   <li>A {@code Frames} belongs to one worker and is valid only inside the job it was passed
 *       to, on that job's thread. Handing it to another thread, keeping it after the job
 *       returned, or using it from a {@link Task} body is not checked (the check would cost as
 *       much as a spawn) and corrupts the worker's frames. A task body that wants frames calls
 *       {@code pool.invokeLong(...)}, which runs the job nested, on the worker's own frames.</li>
 *   <li>Jobs may spawn and join {@link Task}s and call {@code invokeLong} again (nested); a job
 *       stolen from a frame runs on the thief's own frames.</li>
 *   <li>Frames are never cancelled: {@code shutdown()} lets a running {@code invokeLong}
 *       finish, and after {@code shutdownNow()} every spawned frame still runs (its worker sees
 *       the interrupt). A record keeps its last job and context reachable until reused.</li>
 * </ul>
 *
 * <h2>Policies</h2>
 * In a {@link WorkStealingPool}, frames are Lace-style split-deque frames (see
 * {@link FrameStack} for the protocol and its memory ordering): spawns stay private, and are
 * published to thieves when nothing of the worker is public or a thief asked; idle workers claim
 * the oldest public frame of a victim, like a task. In a {@link CentralizedPool} (the greedy
 * reference) each spawn becomes a task in the global queue and {@code sync} joins the most
 * recent one: same semantics, one allocation per spawn.
 */
public final class Frames extends FrameStack {

    private final Worker worker;
    private final AbstractPool pool;
    /** Centralized (greedy) mode: spawns become tasks in the global queue. */
    private final boolean greedy;
    /** The pool's "submissions are waiting" flag (fairness, J25), read while attention is asked (see onAttention). */
    private final SubmissionFlag submissionsWaiting;
    /** The flag's volatile read, for {@link FrameStack#clearAttention}'s second look (made once). */
    private final BooleanSupplier raisedNow;

    Frames(Worker worker, AbstractPool pool, boolean greedy) {
        super(64);
        this.worker = worker;
        this.pool = pool;
        this.greedy = greedy;
        this.submissionsWaiting = pool.sharedQueue.waiting;
        this.raisedNow = submissionsWaiting::isRaisedVolatile;
        if (greedy) {
            split = Integer.MAX_VALUE; // no frame is ever "private": every sync takes the greedy path
        } else {
            requestAttention(); // the first spawn looks at the flag: it may have been raised before these frames existed
        }
    }

    // ------------------------------------------------------------------ API

    /**
     * Spawns {@code job.run(worker's frames, ctx, arg)}: records it in the next frame and returns.
     * Allocates nothing (in a work-stealing pool); an idle worker may steal it.
     *
     * @param job the job, ideally a non-capturing method reference such as {@code Fib::fib}
     * @param ctx passed to the job as is (may be null)
     * @param arg passed to the job
     * @throws NullPointerException if {@code job} is null
     * @throws IllegalStateException if the last {@code tryUnspawn()} returned false and
     *     {@code syncStolen()} was not called yet
     */
    public void spawn(LongJob job, Object ctx, long arg) {
        if (job == null) {
            throw new NullPointerException("job is null: spawn needs the function to run, e.g. Fib::fib");
        }
        push(job, ctx, arg);
    }

    /**
     * Syncs the most recent unsynced spawn: runs it here if no other worker took it, otherwise
     * waits for the worker that did (helping with other work meanwhile) and returns its result.
     *
     * @return the job's value
     * @throws IllegalStateException if the running job has no unsynced spawn, or if the spawn
     *     left frames unsynced (they were run)
     * @throws RuntimeException or {@link Error} thrown by the job, as is; a checked exception
     *     wrapped in {@link CompletionException}
     */
    public long sync() {
        int h = head - 1;
        if (h >= split) {
            return runInline(h); // private: nobody else can see it
        }
        return syncSlow(h);
    }

    /**
     * J25: a long frames computation runs waiting submissions too (as the join fast path does).
     * Called at every spawn while the attention bit is set: the pool sets it on every worker's
     * frames when it raises the "submissions waiting" flag ({@code submissionsRaised}), and it
     * stays set while the flag is up, so each spawn counts a tick as each join does; once the
     * flag is down, the first spawn clears the bit, with the second look of the Dekker pair
     * ({@link FrameStack#requestAttention()}). So neither spawn nor sync reads the flag on the
     * fast path.
     */
    @Override
    protected void onAttention() {
        if (submissionsWaiting.isRaised()) { // plain: a stale "raised" only costs a look at the queue
            WaitLoop.fairnessTickRaised(worker);
        } else {
            clearAttention(raisedNow); // then a volatile look at the flag; pairs with raise() + requestAttention()
        }
    }

    /**
     * Cilk's fast clone: drops the most recent unsynced spawn if no other worker took it, so the
     * caller runs it directly ({@code f.tryUnspawn() ? fib(f, ctx, n - 1) : f.syncStolen()}).
     *
     * @return true if the spawn was dropped (the caller must run it); false if another worker
     *     runs it: call {@link #syncStolen()} next
     * @throws IllegalStateException if the running job has no unsynced spawn, or if the previous
     *     {@code tryUnspawn()} returned false and was not followed by {@code syncStolen()}
     */
    public boolean tryUnspawn() {
        int h = head - 1;
        if (h >= split) {
            head = h;
            return true;
        }
        return tryUnspawnSlow(h);
    }

    /**
     * After {@link #tryUnspawn()} returned false: waits for the worker that runs the spawn
     * (helping meanwhile) and returns its result.
     *
     * @return the job's value
     * @throws IllegalStateException if not directly preceded by a {@code tryUnspawn()} that
     *     returned false for the most recent spawn
     * @throws RuntimeException or {@link Error} thrown by the job, as is; a checked exception
     *     wrapped in {@link CompletionException}
     */
    public long syncStolen() {
        int h = head - 1;
        if (h < base || h != stolenAt) {
            throw new IllegalStateException("syncStolen() without a failed tryUnspawn(): call it only right after "
                    + "tryUnspawn() returned false for the most recent spawn; use sync() otherwise");
        }
        stolenAt = -1;
        return greedy ? joinGreedy(h) : awaitStolen(h);
    }

    @Override
    public String toString() {
        return "Frames[" + worker.getName() + ", " + (head - base) + " unsynced in the running job]";
    }

    // ------------------------------------------------------------------ owner internals

    /** Runs the private (or taken back) frame {@code h} on this thread. */
    private long runInline(int h) {
        FrameStack.Frame f = stack[h];
        LongJob j = f.job;
        Object c = f.ctx;
        long a = f.arg;
        head = h;
        long r;
        try {
            r = j.run(this, c, a);
        } catch (Throwable x) {
            throw rethrown(x);
        }
        if (head != h) {
            throw rethrown(drain(h, null));
        }
        return r;
    }

    private long syncSlow(int h) {
        if (h < base) {
            throw nothingSpawned("sync()");
        }
        if (h == stolenAt) {
            stolenAt = -1; // sync() after a failed tryUnspawn(): the same as syncStolen()
            return greedy ? joinGreedy(h) : awaitStolen(h);
        }
        if (greedy) {
            return joinGreedy(h);
        }
        if (takeBack(h)) {
            return runInline(h);
        }
        return awaitStolen(h);
    }

    private boolean tryUnspawnSlow(int h) {
        if (h < base) {
            throw nothingSpawned("tryUnspawn()");
        }
        if (h == stolenAt) {
            throw new IllegalStateException("tryUnspawn() already returned false for this spawn: call syncStolen() "
                    + "to get the result of the worker that runs it");
        }
        if (greedy) {
            FrameStack.Frame f = stack[h];
            if (((Task<?>) f.task).tryClaim()) { // nobody started it: the copy in the queue is skipped
                f.task = null;
                head = h;
                return true;
            }
            stolenAt = h;
            return false;
        }
        if (takeBack(h)) {
            return true;
        }
        stolenAt = h;
        return false;
    }

    private IllegalStateException nothingSpawned(String what) {
        return new IllegalStateException(what + " with nothing spawned: the running job has no unsynced "
                + "spawn; call it exactly once per spawn, in reverse order of the spawns");
    }

    @Override
    protected void publish() {
        if (stolenAt >= 0) {
            head--; // undo the push: the frame is not spawned
            throw new IllegalStateException("spawn() after tryUnspawn() returned false: call syncStolen() first "
                    + "(frames are LIFO; the stolen spawn must be synced before the next one)");
        }
        if (greedy) {
            spawnGreedy(head - 1);
            return;
        }
        publishAll();
        pool.signalWorkHint(); // published: fence-free unless a worker sleeps, as Task pushes do
    }

    /** Waits for the thief of frame {@code h}, then reports its outcome and frees the record. */
    private long awaitStolen(int h) {
        FrameStack.Frame f = stack[h];
        if (!f.laDone()) { // pairs with completeStolen() of the thief
            awaitThief(f);
        }
        long r = f.result; // plain: after the acquire of DONE
        Throwable x = f.failure;
        finishStolen(h);
        if (x != null) {
            throw rethrown(x);
        }
        return r;
    }

    /**
     * Helps (steals, preferably from the thief) while the thief runs {@code f}, nested at most
     * {@link WaitLoop#MAX_HELP_DEPTH} deep; otherwise spins, yields, then parks for at most a
     * millisecond at a time. The interrupt flag is cleared around the park (so an interrupted
     * worker parks instead of spinning) and restored on return.
     */
    private void awaitThief(FrameStack.Frame f) {
        Worker w = worker;
        WorkStealingPool p = (WorkStealingPool) pool;
        boolean interrupted = false;
        int spins = 0;
        while (!f.laDone()) { // pairs with completeStolen() of the thief
            if (w.helpDepth < WaitLoop.MAX_HELP_DEPTH) {
                Task<?> t = p.stealToHelp(w, f.loThief() instanceof Worker ? (Worker) f.loThief() : null);
                if (t != null) {
                    WorkerLoop.helpRun(w, t);
                    spins = 0;
                    continue;
                }
            }
            if (spins < 256) {
                Thread.onSpinWait();
            } else if (spins < 512) {
                Thread.yield();
            } else {
                svWaiting(true); // Dekker: the flag is visible before DONE is read; pairs with lvWaiting()
                if (!f.lvDone()) {
                    interrupted |= Thread.interrupted(); // a set flag would make parkNanos return at once
                    LockSupport.parkNanos(this, 1_000_000L);
                }
                svWaiting(false);
            }
            spins = Math.min(spins + 1, 1024);
        }
        if (interrupted) {
            w.thread().interrupt();
        }
    }

    /**
     * Runs {@code job} as a new level on these frames (invokeLong, a stolen frame, a greedy
     * task): syncs below the current head are the enclosing job's; leftovers are run, then reported.
     */
    long runLevel(LongJob job, Object ctx, long arg) {
        int h = head;
        int savedBase = base;
        int savedStolen = stolenAt;
        if (split < h) {
            publishAll(); // so that a sync below the level's base cannot take the private fast path
            pool.signalWorkHint();
        }
        base = h;
        stolenAt = -1;
        long r = 0L;
        Throwable failure = null;
        try {
            r = job.run(this, ctx, arg);
        } catch (Throwable x) {
            failure = x;
        }
        if (head != h) {
            failure = drain(h, failure);
        }
        base = savedBase;
        stolenAt = savedStolen;
        if (failure != null) {
            throw rethrown(failure);
        }
        return r;
    }

    /** Syncs the frames a job left above {@code h}; returns the failure to report. */
    private Throwable drain(int h, Throwable failure) {
        int left = head - h;
        IllegalStateException leak = new IllegalStateException("a LongJob returned with " + left
                + " spawn(s) it did not sync; they were run now. Sync every spawn (sync(), or tryUnspawn() "
                + "then syncStolen()) before the job returns");
        int savedBase = base;
        base = h;
        while (head > h) {
            try {
                sync();
            } catch (Throwable x) {
                leak.addSuppressed(x);
            }
        }
        base = savedBase;
        if (failure != null) {
            failure.addSuppressed(leak);
            return failure;
        }
        return leak;
    }

    static RuntimeException rethrown(Throwable x) {
        if (x instanceof RuntimeException) {
            throw (RuntimeException) x;
        }
        if (x instanceof Error) {
            throw (Error) x;
        }
        throw new CompletionException(x);
    }

    // ------------------------------------------------------------------ greedy (centralized pool)

    private void spawnGreedy(int h) {
        FrameStack.Frame f = stack[h];
        LongJob j = f.job;
        Object c = f.ctx;
        long a = f.arg;
        f.task = pool.spawn(worker, new LongTask(() -> current().runLevel(j, c, a), true));
    }

    private long joinGreedy(int h) {
        FrameStack.Frame f = stack[h];
        LongTask t = (LongTask) f.task;
        LongJob j = f.job;
        Object c = f.ctx;
        long a = f.arg;
        f.task = null;
        head = h;
        int s;
        try {
            s = t.awaitDone();
        } catch (java.util.concurrent.CancellationException stopped) {
            // shutdownNow ends a task join with this; a frame is never cancelled: take it back if
            // nobody started it, else wait (without helping) for the worker running it.
            if (!t.cancelPending()) {
                t.awaitUninterruptibly();
            }
            s = t.laStatus();
        }
        if (s == Task.CANCELLED) {
            return runLevel(j, c, a); // cancelled by shutdownNow before it ran: frames are never lost
        }
        return t.joinLong();
    }

    private static Frames current() {
        return Worker.current().frames;
    }

    // ------------------------------------------------------------------ pool hooks

    /**
     * Thief side, for {@link WorkStealingPool#steal}: a task that claims and runs this worker's
     * oldest public frame, or null if none is public (then a publication was requested). The
     * claim happens when the task runs, so a task cancelled by shutdownNow claims nothing.
     */
    Task<?> stealTask(Worker thief) {
        if (!hasPublic()) {
            requestPublication();
            return null;
        }
        return Task.create(() -> {
            runStolen(thief);
            return null;
        }, false);
    }

    /** Whether a frame of this worker is public (the sleep protocol's re-check). */
    boolean hasPublicFrames() {
        return hasPublic();
    }

    private void runStolen(Worker thief) {
        FrameStack.Frame f = claim();
        if (f == null || f == LOST) {
            return;
        }
        LongJob j = f.job; // plain: after the successful CAS in claim()
        Object c = f.ctx;
        long a = f.arg;
        f.sopThief(thief);
        thief.counters.steals++;
        if (hasPublic()) {
            pool.signalWorkHint(); // more is public: pass the wake-up on
        }
        long r = 0L;
        Throwable x = null;
        try {
            r = thief.frames.runLevel(j, c, a);
        } catch (Throwable e) {
            x = e;
        }
        completeStolen(f, r, x); // the last access to f by this thread
        if (lvWaiting()) { // after the volatile DONE store: Dekker with svWaiting() of the owner
            LockSupport.unpark(worker.thread());
        }
    }

    /** invokeLong for both pools: nested on a worker of {@code pool}, else as a submitted task. */
    static long invoke(AbstractPool pool, LongJob job, Object ctx, long arg) {
        Objects.requireNonNull(job, "job");
        Worker w = Worker.current();
        if (w != null && w.pool == pool) {
            return w.frames.runLevel(job, ctx, arg);
        }
        Long r = pool.invoke(() -> current().runLevel(job, ctx, arg));
        return r;
    }
}
