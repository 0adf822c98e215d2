package org.wsched.internal.idle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import org.wsched.internal.VarHandles;

/**
 * Padding before the sleeper count of a {@link SleepController}. HotSpot fills the 4-byte gap
 * after a compressed header with any int-sized field of the class or of a subclass; {@code p0h}
 * takes it, so the count cannot land there, next to the previous object.
 */
abstract class SleepControllerPad0 {
    @SuppressWarnings("unused")
    private int p0h;
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

/** The sleeper count, on its own line (a class of its own: HotSpot reorders one class's fields). */
abstract class SleepControllerCount extends SleepControllerPad0 {
    /** Accessed only through {@code SleepController.SLEEPERS}. */
    int sleepers;
    @SuppressWarnings("unused")
    private int p1h; // takes the rest of the 8 bytes: no field of a subclass is placed next to the count
}

/** Padding after the sleeper count. */
abstract class SleepControllerPad1 extends SleepControllerCount {
    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;
}

/**
 * The sleep/wake protocol of a pool's workers: an idle worker falls asleep only after it has
 * announced itself and looked for work once more, and a thread that publishes work wakes a
 * sleeper only after the work is visible. This is the Dekker pattern, and both sides use a
 * sequentially consistent operation between their store and their load:
 *
 * <pre>
 *   worker getting sleepy               publisher
 *   ---------------------               ---------
 *   announceSleep(w)   // CAS, gaa      publish work (queue offer / deque push)
 *   look for work again                 wakeOne()  // full fence, then read sleepers
 *   if none: sleep(w)
 * </pre>
 *
 * Either the worker's second look sees the work, or the publisher sees the announced sleeper
 * and wakes it: the outcome where both miss each other is impossible (jcstress test
 * {@code SleepWakeDekkerTest}). A wake-up claims one specific sleeper by CAS of its state from
 * {@code SLEEPING} to {@code AWAKE}, so two publishers never spend two wake-ups on one worker
 * and a worker whose sleep was cancelled is not counted twice.
 *
 * <p>Publishers on the hot path (a worker pushing to its own deque) may first test
 * {@link #hasSleepersHint()}, an opaque read with no fence; it may miss a worker that is
 * announcing itself at that very moment. The worker covers that window by napping, not
 * sleeping, right after its announcement (see the pool's idle loop): the nap is short and the
 * announcement is visible to every later hint read.
 *
 * <h2>The races of the sleep protocol</h2>
 * Named here once; the code that handles each cites its name.
 * <ul>
 *   <li><b>R1, lost wake-up</b>: a publisher reads "no sleeper" while a worker announcing sleep
 *       reads "no work". Impossible by the Dekker pair above ({@link #announceSleep},
 *       {@link #wakeOne}; the worker's second look in {@code org.wsched.IdleCycle.idle}).
 *       jcstress {@code SleepWakeDekkerTest}.</li>
 *   <li><b>R2, missed hint</b>: a hot-path publisher's fence-free {@link #hasSleepersHint()}
 *       misses a worker announcing at that instant. Not prevented: the worker naps
 *       ({@code IdleCycle.NAP_NANOS}) and looks again before it sleeps for real
 *       ({@code IdleCycle.sleepUntilWoken}). jcstress {@code SleepLivenessTest}.</li>
 *   <li><b>R3, double claim</b>: two wakers pick the same sleeper, or a waker races with the
 *       sleeper cancelling its own announcement. The CAS SLEEPING→AWAKE on the worker's state
 *       ({@link #wakeOne}, {@link #cancelSleep}) lets exactly one of them win, and the sleeper
 *       count is updated once. {@code SleepControllerTest}.</li>
 *   <li><b>R4, wake-up lost in a failing waker</b>: an error (a {@code StackOverflowError}) between
 *       a waker's claim of a sleeper and its {@code unpark}. The sleeper gives up after
 *       {@code IdleCycle.DEEP_SLEEP_NANOS} and looks by itself ({@code IdleCycle.sleepUntilWoken});
 *       the sleeper count may stay high, so quiescence is decided from per-worker states
 *       ({@link #allSleeping()}). {@code FaultTest} item 2.</li>
 *   <li><b>R5, shutdown quiescence vs submission</b>: the last worker to get sleepy in a SHUTDOWN
 *       pool sees every worker asleep and no work, while a submitter offers a task.
 *       {@code shutdown()} wrote SHUTDOWN (CAS) before that look; the submitter offers, fences,
 *       re-reads the state and withdraws its task if the pool is no longer RUNNING: either the
 *       look sees the task or the submitter sees SHUTDOWN ({@code IdleCycle.terminateIfQuiescent},
 *       {@code AbstractPool.submitExternal}). jcstress {@code SubmitVsShutdownTest}.</li>
 * </ul>
 *
 * <p>Every non-plain access goes through an accessor named by its memory order (see the
 * {@linkplain org.wsched.internal convention}). The four steps of the Dekker pair
 * ({@code svState}, {@code gaaSleepers}, {@code wakeFence}, {@code lvSleepers}) are
 * package-private and overridable, and the class is not final, only so that the jcstress broken
 * variant can weaken them; no subclass exists in the runtime, so the JIT inlines them.
 */
public class SleepController extends SleepControllerPad1 {

    private static final int AWAKE = 0;
    private static final int SLEEPING = 1;

    private static final VarHandle SLEEPERS = VarHandles.field(MethodHandles.lookup(), SleepControllerCount.class, "sleepers", int.class);
    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(int[].class);


    // State per worker, one cache line (16 ints) apart to avoid false sharing.
    private static final int STRIDE = 16;

    private final int[] states;
    private final Thread[] threads;
    private final int workers;

    /**
     * Creates the protocol state for a fixed number of workers.
     *
     * @param workers number of workers, at least 1
     */
    public SleepController(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        this.workers = workers;
        this.states = new int[workers * STRIDE];
        this.threads = new Thread[workers];
    }

    /**
     * Registers the thread of worker {@code w}; must happen before that worker sleeps. The
     * thread is published to wakers by the CAS in {@link #announceSleep}.
     *
     * @param w worker index
     * @param thread its thread
     */
    public void register(int w, Thread thread) {
        threads[w] = thread; // plain: published by gaaSleepers() in announceSleep()
    }

    /**
     * Worker {@code w} announces it is about to sleep. The caller must then look for work once
     * more and either {@link #cancelSleep} (work found) or {@link #sleep}.
     *
     * @param w worker index
     * @return the number of sleepers including this one
     */
    public int announceSleep(int w) {
        svState(w, SLEEPING); // pairs with lvState()/casState() in wakeOne()/wakeAll()
        // Full fence: the announcement is visible before the caller looks for work again;
        // pairs with the wakeFence() in wakeOne() after the publisher made its work visible.
        return gaaSleepers(1) + 1;
    }

    /**
     * Worker {@code w} withdraws its announcement because it found work (or its nap ended).
     *
     * @param w worker index
     * @return true if the worker withdrew itself; false if a waker claimed it first (the waker
     *     then already removed it from the count)
     */
    public boolean cancelSleep(int w) {
        if (casState(w, SLEEPING, AWAKE)) { // pairs with casState() in wakeOne(): one of us wins
            gaaSleepers(-1); // pairs with lvSleepers() in wakeOne() and sleepers()
            return true;
        }
        return false;
    }

    /**
     * Worker {@code w} parks until a waker claims it, or until {@code timeoutNanos} pass
     * ({@code <= 0}: no timeout). Spurious returns are absorbed here.
     *
     * @param w worker index
     * @param timeoutNanos the longest time to sleep, or {@code <= 0} to sleep until woken
     * @return true if woken by {@link #wakeOne}/{@link #wakeAll}; false if the timeout passed,
     *     in which case the worker is still announced and must {@link #cancelSleep}
     */
    public boolean sleep(int w, long timeoutNanos) {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0L;
        while (lvState(w) == SLEEPING) { // pairs with casState() in wakeOne() before its unpark
            if (timeoutNanos > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
            Thread.interrupted(); // an interrupt must not turn sleep into a busy loop
        }
        return true;
    }

    /**
     * Publisher side: after work was made visible, wakes one sleeping worker if there is one.
     *
     * @return the index of the worker woken, or -1 if none was sleeping
     */
    public int wakeOne() {
        wakeFence();
        return wakeOneAfterFence();
    }

    /**
     * {@link #wakeOne} for a publisher that has already executed a full fence
     * ({@code VarHandle.fullFence()}) after making its work visible, and nothing since that
     * could matter: the fence is the StoreLoad step of the Dekker pair, shared with whatever
     * else the caller needed it for (the pool's external submission shares it with its
     * shutdown check).
     *
     * @return the index of the worker woken, or -1 if none was sleeping
     */
    public int wakeOneAfterFence() {
        if (lvSleepers() == 0) { // pairs with gaaSleepers() in announceSleep(), after the caller's fence
            return -1;
        }
        int start = (int) (Thread.currentThread().getId() % workers);
        for (int k = 0; k < workers; k++) {
            int w = start + k < workers ? start + k : start + k - workers;
            if (lvState(w) == SLEEPING && casState(w, SLEEPING, AWAKE)) { // pairs with cancelSleep()
                gaaSleepers(-1); // pairs with lvSleepers() in wakeOne() and sleepers()
                LockSupport.unpark(threads[w]); // the thread was published by announceSleep()'s gaa
                return w;
            }
        }
        return -1;
    }

    /**
     * Wakes every sleeping worker (shutdown, termination).
     *
     * @return the number of workers woken
     */
    public int wakeAll() {
        VarHandle.fullFence(); // as wakeFence() in wakeOne(): pairs with gaaSleepers() in announceSleep()
        int woken = 0;
        for (int w = 0; w < workers; w++) {
            if (lvState(w) == SLEEPING && casState(w, SLEEPING, AWAKE)) { // pairs with cancelSleep()
                gaaSleepers(-1); // pairs with lvSleepers() in wakeOne() and sleepers()
                LockSupport.unpark(threads[w]);
                woken++;
            }
        }
        return woken;
    }

    /**
     * A fence-free hint for hot paths: whether some worker may be sleeping. It can miss an
     * announcement made at this very moment (see the class comment); it never misses one made
     * before the caller's last full fence.
     *
     * @return true if a sleeper may exist
     */
    public boolean hasSleepersHint() {
        return loSleepers() != 0; // pairs with gaaSleepers() in announceSleep()
    }

    /**
     * The number of announced sleepers (sequentially consistent read).
     *
     * @return sleepers now
     */
    public int sleepers() {
        return lvSleepers(); // pairs with gaaSleepers() in announceSleep()/cancelSleep()/wakeOne()
    }

    /**
     * Whether every worker is announced as sleeping, read from the per-worker states. The
     * sleeper count can only run high, never low (a waker or canceller that failed between its
     * state CAS and its decrement, e.g. on a StackOverflowError at the edge of its stack, leaves
     * it one too high), so "count ≥ workers and every state SLEEPING" is the robust test.
     *
     * @return true if all workers are announced sleepers
     */
    public boolean allSleeping() {
        for (int w = 0; w < workers; w++) {
            if (lvState(w) != SLEEPING) { // pairs with the state stores and CASes of announce/wake/cancel
                return false;
            }
        }
        return true;
    }

    /**
     * Whether worker {@code w} is announced as sleeping (diagnostics and tests).
     *
     * @param w worker index
     * @return true if sleeping
     */
    public boolean isSleeping(int w) {
        return lvState(w) == SLEEPING;
    }

    // ---- the Dekker pair's steps: overridable by the jcstress broken variant only (see class comment)

    /** Worker: its state, sequentially consistent (the store half of the worker's Dekker side). */
    void svState(int w, int v) {
        STATE.setVolatile(states, w * STRIDE, v);
    }

    /** Adds to the sleeper count (a full fence: the load half of the worker's side follows it). */
    int gaaSleepers(int delta) {
        return (int) SLEEPERS.getAndAdd(this, delta);
    }

    /**
     * Publisher: StoreLoad between making work visible and reading the sleeper count; pairs with
     * gaaSleepers() in announceSleep(). Without it a wake-up can be lost.
     */
    void wakeFence() {
        VarHandle.fullFence(); // StoreLoad: the caller's published work is visible before sleepers is read
    }

    /** The sleeper count, sequentially consistent. */
    int lvSleepers() {
        return (int) SLEEPERS.getVolatile(this);
    }

    // ---- accessors named by memory order (see the convention in org.wsched.internal)

    /** Acquire load of the count (the jcstress broken variant's weakened steps only). */
    final int laSleepers() {
        return (int) SLEEPERS.getAcquire(this);
    }

    /** Ordered (release) store of the count (the jcstress broken variant's non-atomic update only). */
    final void soSleepers(int v) {
        SLEEPERS.setRelease(this, v);
    }

    /** Ordered (release) store of a state (the jcstress broken variant's announcement only). */
    final void soState(int w, int v) {
        STATE.setRelease(states, w * STRIDE, v);
    }

    private int loSleepers() {
        return (int) SLEEPERS.getOpaque(this);
    }

    private int lvState(int w) {
        return (int) STATE.getVolatile(states, w * STRIDE);
    }

    private boolean casState(int w, int expect, int update) {
        return STATE.compareAndSet(states, w * STRIDE, expect, update);
    }
}
