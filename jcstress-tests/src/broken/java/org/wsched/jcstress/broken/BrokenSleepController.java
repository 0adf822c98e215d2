package org.wsched.jcstress.broken;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.wsched.internal.idle.SleepController;

/**
 * A copy of {@link SleepController}'s announce/cancel/wakeOne with the sleep flag and the
 * sleeper count accessed with release/acquire instead of sequentially consistent operations:
 * announceSleep() stores the flag with setRelease and bumps the count with a release store (no
 * getAndAdd, so no full fence), and wakeOne() reads the count with getAcquire and no fullFence.
 * Release/acquire does not order a store before a later load of another variable, so the Dekker
 * pair breaks. Single worker only (the count update is not atomic). Never use outside the
 * broken-variant tests.
 */
public final class BrokenSleepController {

    private static final int AWAKE = 0;
    private static final int SLEEPING = 1;
    private static final VarHandle SLEEPERS;
    private static final VarHandle STATE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SLEEPERS = l.findVarHandle(BrokenSleepController.class, "sleepers", int.class);
            STATE = l.findVarHandle(BrokenSleepController.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
    private int state;
    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;
    private int sleepers;

    public int announceSleep() {
        STATE.setRelease(this, SLEEPING); // FLAW: release, not volatile
        int n = (int) SLEEPERS.getAcquire(this) + 1;
        SLEEPERS.setRelease(this, n); // FLAW: release store, not getAndAdd (no full fence)
        return n;
    }

    public boolean cancelSleep() {
        if (STATE.compareAndSet(this, SLEEPING, AWAKE)) {
            SLEEPERS.getAndAdd(this, -1);
            return true;
        }
        return false;
    }

    public int wakeOne() {
        // FLAW: no VarHandle.fullFence() here, and an acquire (not volatile) read
        if ((int) SLEEPERS.getAcquire(this) == 0) {
            return -1;
        }
        if ((int) STATE.getAcquire(this) == SLEEPING && STATE.compareAndSet(this, SLEEPING, AWAKE)) {
            SLEEPERS.getAndAdd(this, -1);
            return 0;
        }
        return -1;
    }

    public int sleepers() {
        return (int) SLEEPERS.getVolatile(this);
    }

    public boolean isSleeping() {
        return (int) STATE.getVolatile(this) == SLEEPING;
    }
}
