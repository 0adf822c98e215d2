package org.wsched;

import org.wsched.internal.jfr.WorkerSleepEvent;

/**
 * The idle cycle of a worker that found no work: it idles through the pool's
 * {@link org.agrona.concurrent.IdleStrategy} (spin, yield, short parks) for
 * {@code idleRoundsBeforeSleep} rounds, then gets sleepy: it announces itself in the
 * {@link org.wsched.internal.idle.SleepController}, looks for work once more, naps briefly
 * (covering publishers that tested the fence-free sleeper hint at that moment), and then sleeps
 * until woken, or for at most {@link #DEEP_SLEEP_NANOS} before it looks by itself. So a pool
 * with no work uses no CPU once its workers sleep. The races this cycle handles are named in
 * {@link org.wsched.internal.idle.SleepController}'s class comment (R1–R5) and cited here.
 *
 * <p>It also ends a SHUTDOWN pool: the last worker to get sleepy that finds every worker asleep
 * and no work visible stops the pool — no worker is running a task then, so none can create
 * more, and a submission racing with that look is either seen or withdraws itself (R5).
 */
final class IdleCycle {

    /** The first, timed part of falling asleep (see class comment). */
    static final long NAP_NANOS = 2_000_000L;
    /** The longest a sleeping worker sleeps before it looks for work by itself (see sleepUntilWoken). */
    static final long DEEP_SLEEP_NANOS = 1_000_000_000L;

    private IdleCycle() {
    }

    /**
     * One idle step of {@code w}.
     *
     * @return false if the worker must exit
     */
    static boolean idle(Worker w) {
        AbstractPool p = w.pool;
        int st = p.lvState();
        if (st >= AbstractPool.STOP) {
            return false;
        }
        if (w.idleRounds < p.idleRoundsBeforeSleep && st == AbstractPool.RUNNING) { // shutting down: go to sleep at once
            w.idleRounds++;
            w.idle.idle();
            return true;
        }
        w.idle.reset();
        int sleepers = p.sleep.announceSleep(w.index);
        // R1: second look, after the announcement (Dekker; pairs with publishers' wakeOne()).
        if (p.hasVisibleWork()) {
            p.sleep.cancelSleep(w.index);
            w.idleRounds = 0;
            return true;
        }
        st = p.lvState(); // pairs with the CAS in shutdown(); read after the announcement
        if (st >= AbstractPool.STOP) {
            p.sleep.cancelSleep(w.index);
            return false;
        }
        if (terminateIfQuiescent(p, w, st, sleepers)) {
            return false;
        }
        w.counters.parks++;
        WorkerSleepEvent ev = new WorkerSleepEvent(); // eliminated by the JIT when JFR does not record it
        ev.begin();
        boolean keepRunning = sleepUntilWoken(p, w);
        ev.end();
        if (ev.shouldCommit()) {
            ev.worker = w.index;
            ev.commit();
        }
        return keepRunning;
    }

    /**
     * Nap, look once more, then sleep until woken (see the class comment).
     *
     * @return false if this worker found the pool quiescent, stopped it and must exit
     */
    private static boolean sleepUntilWoken(AbstractPool p, Worker w) {
        if (!p.sleep.sleep(w.index, NAP_NANOS)) {
            // R2: the nap ended with nobody waking us (a hot-path publisher may have missed our
            // announcement): look once more, then sleep for real.
            int st = p.lvState();
            if (p.hasVisibleWork() || st >= AbstractPool.STOP) {
                p.sleep.cancelSleep(w.index);
                w.idleRounds = 0;
                return true;
            }
            if (terminateIfQuiescent(p, w, st, p.sleep.sleepers())) {
                return false;
            }
            if (!p.sleep.sleep(w.index, DEEP_SLEEP_NANOS)) {
                // R4: not woken for a whole deep sleep: withdraw and look once more. Covers a wake-up
                // lost to an error inside a waker (a StackOverflowError in a deep execute() can
                // hit between its claim of this sleeper and its unpark); costs one look per
                // second per idle worker. idleRounds stays: the next idle step sleeps at once.
                if (!p.sleep.cancelSleep(w.index)) {
                    w.idleRounds = 0; // R3: a waker claimed this worker just now
                }
                return true;
            }
        }
        w.idleRounds = 0;
        return true;
    }

    /**
     * Called by an announced sleeper that read state {@code st} and {@code sleepers} announced
     * sleepers: in a SHUTDOWN pool whose every worker is asleep, if no work is visible, nothing
     * can create work any more, so the pool stops and every worker exits. R5: the look at the
     * work comes after every worker announced sleep and after the state became SHUTDOWN; a
     * submitter that offered before it is seen here, one that offers after it reads SHUTDOWN and
     * withdraws its task (see AbstractPool.submitExternal).
     *
     * @return true if this worker stopped the pool and must exit
     */
    private static boolean terminateIfQuiescent(AbstractPool p, Worker w, int st, int sleepers) {
        if (st != AbstractPool.SHUTDOWN || sleepers < p.parallelism || !p.sleep.allSleeping()
                || p.hasVisibleWork()) {
            return false;
        }
        p.sleep.cancelSleep(w.index);
        p.casState(AbstractPool.SHUTDOWN, AbstractPool.STOP);
        p.counters.wakeUps.add(p.sleep.wakeAll());
        return true;
    }
}
