package org.wsched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import org.wsched.internal.VarHandles;

/**
 * The state machine under every {@link Task}: its status word, the stack of threads blocked
 * waiting for it, and the thief hint. {@link Task} holds the body, the outcome and the public
 * API; this class holds what other threads read and write concurrently, each access through an
 * accessor named by the memory-order convention of {@code org.wsched.internal}
 * ({@code la}/{@code lv}/{@code so}/{@code sv}/{@code lo}/{@code sop}/{@code cas}/{@code gas}).
 *
 * <pre>
 *   NEW ──claim (CAS)──▶ RUNNING ──completion──▶ NORMAL | EXCEPTIONAL | CANCELLED
 *    └──cancelPending (CAS to RUNNING, then completion as CANCELLED)──┘
 *   RUNNING ──tryCancelRunning (CAS, submitted tasks only)──▶ CANCELLED
 * </pre>
 * A task taken from its owner's deque (exclusive) skips the claim: NEW stays NEW until the
 * final status is stored. The outcome is written with a plain store before the status store
 * (release or volatile) that publishes it; readers read the outcome only after an acquire load
 * of a final status.
 */
abstract class TaskState {

    // Status values. NEW and RUNNING are pending; the rest are final.
    static final int NEW = 0;
    static final int RUNNING = 1;
    static final int NORMAL = 2;
    static final int EXCEPTIONAL = 3;
    static final int CANCELLED = 4;

    private static final VarHandle STATUS = VarHandles.field(MethodHandles.lookup(), TaskState.class, "status", int.class);
    private static final VarHandle WAITERS = VarHandles.field(MethodHandles.lookup(), TaskState.class, "waiters", WaitNode.class);
    private static final VarHandle THIEF = VarHandles.field(MethodHandles.lookup(), TaskState.class, "thief", Worker.class);


    /** A thread blocked in join/get; a Treiber stack of them hangs off the task. */
    static final class WaitNode {
        final Thread thread;
        WaitNode next;

        WaitNode(Thread thread) {
            this.thread = thread;
        }
    }

    private static final WaitNode DONE_WAITING = new WaitNode(null);

    private int status; // accessed only through STATUS
    private WaitNode waiters; // accessed only through WAITERS
    private Worker thief; // accessed only through THIEF: a hint for leapfrogging

    // ------------------------------------------------------------------ status word

    /** Acquire load of the status; pairs with the release/volatile/CAS stores of completion. */
    final int laStatus() {
        return (int) STATUS.getAcquire(this);
    }

    /** Volatile load of the status; pairs with claims, cancellations and completion stores. */
    final int lvStatus() {
        return (int) STATUS.getVolatile(this);
    }

    /** CAS of the status (claim, cancellation, cancellable completion); pairs with every other status access. */
    final boolean casStatus(int expect, int update) {
        return STATUS.compareAndSet(this, expect, update);
    }

    /**
     * Volatile store of a final status: publishes the outcome and (StoreLoad) makes the status
     * visible before the waiter stack is read; pairs with the CAS in {@link #registerWaiter}.
     */
    final void svStatus(int s) {
        STATUS.setVolatile(this, s);
    }

    /** Release store of a final status: publishes the outcome; pairs with {@link #laStatus()} of joiners. */
    final void soStatus(int s) {
        STATUS.setRelease(this, s);
    }

    // ------------------------------------------------------------------ waiters

    /** Volatile load of the waiter stack, after a final status store; pairs with {@link #registerWaiter}. */
    final boolean lvHasWaiters() {
        return WAITERS.getVolatile(this) != null;
    }

    /**
     * Opaque load of the waiter stack on the fence-free completion path: a waiter registering at
     * that moment may be missed; it re-checks after a bounded park (see {@link #awaitBlocking}).
     */
    final boolean loHasWaiters() {
        return WAITERS.getOpaque(this) != null;
    }

    /** Unparks every registered waiter and closes the stack. */
    final void releaseWaiters() {
        // getAndSet: pairs with the CAS in registerWaiter(); a later registration sees DONE_WAITING.
        WaitNode n = (WaitNode) WAITERS.getAndSet(this, DONE_WAITING);
        while (n != null && n != DONE_WAITING) {
            LockSupport.unpark(n.thread);
            n = n.next;
        }
    }

    /**
     * Adds a waiter that completion will unpark.
     *
     * @return false if the task already completed and released its waiters
     */
    final boolean registerWaiter(WaitNode node) {
        for (;;) {
            WaitNode head = (WaitNode) WAITERS.getVolatile(this); // pairs with the getAndSet in releaseWaiters()
            if (head == DONE_WAITING) {
                return false;
            }
            node.next = head; // plain: published by the CAS below
            if (WAITERS.compareAndSet(this, head, node)) { // pairs with the getAndSet in releaseWaiters()
                return true;
            }
        }
    }

    /**
     * Blocks the calling thread until the task is done, or until {@code deadlineNanos}
     * (System.nanoTime based; 0 = no deadline). For threads that are not workers of the pool;
     * a worker waits in the pool's wait loop ({@link WaitLoop}) and helps meanwhile.
     *
     * @param interruptible throw InterruptedException on interrupt (Future.get); otherwise keep
     *     waiting and restore the interrupt status on return (join)
     * @return true if done, false if the deadline passed
     */
    final boolean awaitBlocking(long deadlineNanos, boolean interruptible) throws InterruptedException {
        // A short yielding spin first: a small task submitted from outside is often done within
        // microseconds, sooner than a park/unpark round trip.
        for (int i = 0; i < 32; i++) {
            if (laStatus() >= NORMAL) {
                return true;
            }
            Thread.yield();
        }
        if (!registerWaiter(new WaitNode(Thread.currentThread()))) {
            return true; // completion already released the waiters
        }
        boolean interrupted = false;
        // Re-check at growing intervals: covers a completion on the fence-free inline path,
        // which may miss a waiter registering at that moment.
        long park = 50_000L;
        try {
            // The CAS in registerWaiter() is a full fence, so this status read is fresh; pairs
            // with the volatile status store of completion.
            while (lvStatus() < NORMAL) {
                long wait = park;
                if (deadlineNanos != 0L) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    wait = Math.min(wait, left);
                }
                LockSupport.parkNanos(this, wait);
                park = Math.min(park * 2, 16_000_000L);
                if (Thread.interrupted()) {
                    if (interruptible) {
                        throw new InterruptedException("interrupted while waiting for " + this);
                    }
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** join() from a thread that is not a worker: wait without helping, ignore interrupts. */
    final void awaitUninterruptibly() {
        try {
            awaitBlocking(0L, false);
        } catch (InterruptedException e) {
            throw new AssertionError("not interruptible", e);
        }
    }

    // ------------------------------------------------------------------ thief hint

    /** Opaque store of the worker that stole this task; pairs with {@link #loThief()} of a joiner; a hint only. */
    final void sopThief(Worker w) {
        THIEF.setOpaque(this, w);
    }

    /** Opaque load of the thief hint; pairs with {@link #sopThief}. */
    final Worker loThief() {
        return (Worker) THIEF.getOpaque(this);
    }
}
