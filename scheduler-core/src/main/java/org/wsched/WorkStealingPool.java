package org.wsched;

import java.util.Objects;
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.internal.jfr.StealEvent;

/**
 * A work-stealing pool: every worker owns a Chase–Lev deque; a task spawns children onto the
 * bottom of its worker's deque and joins them by taking them back from the bottom (running them
 * inline, with no atomic read-modify-write); an idle worker steals the oldest task from the top
 * of a victim's deque, the victim chosen by a {@link VictimSelection} policy.
 *
 * <pre>{@code
 * try (WorkStealingPool pool = WorkStealingPool.builder()
 *         .parallelism(4)
 *         .victimSelection(VictimSelection.powerOfTwoChoices())
 *         .build()) {
 *     long r = pool.invoke(() -> fib(30));
 *     System.out.println(r + ", steals: " + pool.stats().steals());
 * }
 * }</pre>
 *
 * <h2>Implementation overview</h2>
 * <ul>
 *   <li><b>Spawn</b>: allocate the task and push it on the worker's deque: into its private
 *       part with plain stores, or, when nothing is left for thieves or a thief asked, published
 *       with a release store of the split index; only after publishing, and only if the
 *       fence-free sleeper hint shows a sleeping worker, wake one. No shared cache line is written.
 *   <li><b>Join</b>: take from the own deque's bottom until the joined task is done. The task
 *       is usually right there (LIFO) and runs inline. If it was stolen, the joiner
 *       <em>leapfrogs</em>: it steals from the thief, whose deque holds only the stolen task's
 *       descendants, then from anyone; helping nests at most {@value WaitLoop#MAX_HELP_DEPTH}
 *       deep, beyond which the joiner waits, so helping cannot pile up stack frames.
 *   <li><b>Idle worker</b>: its own deque, then the shared queue of submitted tasks (first, once
 *       every 16 turns, and from joins every 64 joins, so submitted tasks are not starved by local spawning), then steal
 *       attempts; then the idle strategy and the sleep protocol of {@link AbstractPool}.
 *   <li><b>Frames</b> ({@link Frames}, {@link #invokeLong}): every worker also has a stack of
 *       reused spawn frames; a thief whose victim's deque is empty claims the victim's oldest
 *       public frame instead (see {@link org.wsched.internal.deque.FrameStack}).
 *   <li><b>Memory ordering</b>: see {@link WorkStealingDeque} (Lê et al., PPoPP 2013) and
 *       {@link org.wsched.internal.idle.SleepController}; {@code docs/architecture.md} has the argument.
 * </ul>
 */
public final class WorkStealingPool extends AbstractPool {

    private final VictimSelection victimSelection;
    private final StealAmount stealAmount;
    private final VictimSelection.Workers view;
    /** The workers' deques, by index: thieves read this array, never the Worker objects. */
    private final WorkStealingDeque<Task<?>>[] deques;
    /** The workers' frames, by index: thieves claim public frames through this array (see Frames). */
    private final Frames[] frames;

    private WorkStealingPool(Builder b) {
        super("work-stealing", b, i -> b.lazyPublication
                ? WorkStealingDeque.<Task<?>>split(64) : WorkStealingDeque.<Task<?>>classic(64));
        this.victimSelection = b.victimSelection;
        this.stealAmount = b.stealAmount;
        @SuppressWarnings({"unchecked", "rawtypes"})
        WorkStealingDeque<Task<?>>[] ds = new WorkStealingDeque[parallelism];
        for (int i = 0; i < parallelism; i++) {
            ds[i] = workers[i].deque;
        }
        this.deques = ds;
        this.frames = new Frames[parallelism];
        for (int i = 0; i < parallelism; i++) {
            frames[i] = workers[i].frames = new Frames(workers[i], this, false);
        }
        this.view = new VictimSelection.Workers() {
            @Override
            public int count() {
                return parallelism;
            }

            @Override
            public int queuedTasks(int i) {
                return deques[i].stealableSize();
            }
        };
    }

    /**
     * A builder with defaults: parallelism = available processors, uniform random victims,
     * steal one, spin → yield → park idling, a seed from {@link System#nanoTime()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void pushChild(Worker w, Task<?> child) {
        if (w.deque.push(child)) {
            signalWorkHint(); // published: fence-free unless a worker sleeps; see SleepController
        }
    }

    @Override
    Task<?> findWork(Worker w) {
        Task<?> t;
        if ((++w.tick & FIND_FAIRNESS_MASK) == 0 && (t = pollShared(w)) != null) {
            return t;
        }
        if ((t = w.deque.take()) != null) {
            return t;
        }
        if ((t = pollShared(w)) != null) {
            return t;
        }
        return steal(w, null, 2 * parallelism);
    }

    /**
     * Up to {@code attempts} steal attempts; {@code preferred} (a thief to leapfrog to) first.
     * With {@link StealAmount#HALF} the extra tasks go onto the thief's own deque.
     */
    private Task<?> steal(Worker w, Worker preferred, int attempts) {
        if (parallelism == 1) {
            return null;
        }
        for (int a = 0; a < attempts; a++) {
            int v;
            if (a == 0 && preferred != null && preferred != w && preferred.pool == this) {
                v = preferred.index;
            } else {
                v = victimSelection.selectVictim(w.index, a, view, w.random);
                if (v == w.index || v < 0 || v >= parallelism) {
                    continue;
                }
            }
            WorkStealingDeque<Task<?>> victim = deques[v];
            w.counters.stealAttempts++;
            Object r = victim.steal();
            if (r == WorkStealingDeque.EMPTY || r == WorkStealingDeque.RETRY) {
                Task<?> ft = frames[v].stealTask(w); // no task: a public frame of the victim, if any
                if (ft != null) {
                    return ft; // a new task: it claims the frame only when it runs
                }
                continue; // RETRY: lost a race; the next attempt may pick this victim again
            }
            Task<?> t = (Task<?>) r;
            // Taken: on the taken stack until it is returned (the calls below could fail on a
            // StackOverflowError deep in a join); the caller guards the call that runs it.
            w.taken[w.takenCount++] = t;
            w.counters.steals++;
            t.sopThief(w);
            int taken = 1;
            if (stealAmount == StealAmount.HALF) {
                taken += stealMore(w, victim);
            }
            StealEvent ev = new StealEvent(); // eliminated by the JIT when JFR does not record it
            if (ev.shouldCommit()) {
                ev.thief = w.index;
                ev.victim = v;
                ev.tasks = taken;
                ev.commit();
            }
            if (sleep.hasSleepersHint() && !victim.isEmpty()) {
                signalWork(); // more work is out there: pass the wake-up on
            }
            w.taken[--w.takenCount] = null; // no call until the caller's guarded run
            return t;
        }
        return null;
    }

    /** Steal-half: up to half of what the victim has left, onto the thief's own deque; returns how many. */
    private int stealMore(Worker w, WorkStealingDeque<Task<?>> victim) {
        int extra = victim.stealableSize() / 2;
        for (int i = 0; i < extra; i++) {
            Object r = victim.steal();
            if (r == WorkStealingDeque.EMPTY || r == WorkStealingDeque.RETRY) {
                return i;
            }
            Task<?> t = (Task<?>) r;
            w.taken[w.takenCount++] = t; // taken: on the taken stack until it is in the own deque
            w.counters.steals++;
            t.sopThief(w);
            w.deque.push(t);
            w.taken[--w.takenCount] = null;
        }
        return extra;
    }

    /**
     * The join fast path: the joined task is usually at the bottom of the own deque (LIFO) and
     * runs inline, with no CAS and no fence. Anything else goes to the one wait loop.
     */
    @Override
    void awaitJoin(Worker w, Task<?> task) {
        // Kept small, so that the JIT inlines it at join sites: the rest is out of line.
        Task<?> t = w.deque.take();
        if (t == task) {
            try {
                WorkerLoop.executeInline(w, t); // the inline fast path: no CAS, no fence
            } catch (Throwable e) {
                w.taken[w.takenCount++] = t; // not started: keep it for a shallower frame (see Worker.taken)
                throw e;
            }
            return;
        }
        awaitJoinSlow(w, task, t);
    }

    /** The joined task was not at the bottom of the own deque: run what was, then the wait loop. */
    private void awaitJoinSlow(Worker w, Task<?> task, Task<?> taken) {
        if (taken != null) {
            WorkerLoop.runTaken(w, taken, task); // spawned after the joined task: must run anyway
        }
        WaitLoop.awaitDoneUninterruptibly(w, task);
    }

    /**
     * Own deque first (the task itself, or tasks spawned after it, which must run anyway); then,
     * the task having been stolen, help: preferably the thief (leapfrogging), then anyone, then
     * the shared queue when the task is a submission, depth-bounded.
     */
    @Override
    boolean helpOnce(Worker w, Task<?> task) {
        Task<?> t = w.deque.take();
        if (t != null) {
            WorkerLoop.runTaken(w, t, task);
            return true;
        }
        if (task.claimed() && task.laStatus() == Task.NEW && task.claim()) {
            WorkerLoop.runTaken(w, task, task); // a submitted task nobody started yet: run it here
            return true;
        }
        if (task.isDone() || w.helpDepth >= WaitLoop.MAX_HELP_DEPTH) {
            return false;
        }
        t = stealToHelp(w, task.loThief());
        if (t == null && task.claimed()) {
            t = pollShared(w); // waiting for a submitted task: it may still be in the shared queue
        }
        if (t == null) {
            return false;
        }
        WorkerLoop.helpRun(w, t);
        return true;
    }

    /**
     * A task to help with while waiting for work a thief took (a stolen task or frame): from the
     * thief first (leapfrogging; a thief of another pool is ignored), now and then from anyone.
     */
    Task<?> stealToHelp(Worker w, Worker thief) {
        Task<?> t = steal(w, thief, 2);
        if (t == null && (w.tick++ & 7) == 0) {
            t = steal(w, null, parallelism);
        }
        return t;
    }

    /**
     * Asks every worker's frames for attention: a frames computation learns at its next spawn
     * that submissions wait (J25). A read per worker when the bit is already set, an atomic OR
     * when not; the raise happened before (volatile), so a worker that clears its bit at the same
     * time sees the flag raised and sets it again (Dekker, FrameStack.requestAttention).
     */
    @Override
    void submissionsRaised() {
        for (Frames f : frames) {
            f.requestAttention();
        }
    }

    @Override
    boolean hasVisibleWork() {
        if (!sharedQueue.isEmpty()) {
            return true;
        }
        for (WorkStealingDeque<Task<?>> d : deques) {
            if (!d.isEmpty()) {
                return true;
            }
        }
        for (Frames f : frames) {
            if (f.hasPublicFrames()) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean shouldSplit(Worker w) {
        return parallelism > 1 && w.deque.stealableSize() == 0;
    }

    /**
     * Builds a {@link WorkStealingPool}. Every setter validates its argument at once; the
     * settings both pools share are inherited.
     */
    public static final class Builder extends PoolBuilder<Builder> {
        VictimSelection victimSelection = VictimSelection.uniformRandom();
        StealAmount stealAmount = StealAmount.ONE;
        boolean lazyPublication = true;

        private Builder() {
            super("wsched-ws-");
        }

        /**
         * Which worker a thief tries to steal from.
         *
         * @param policy e.g. {@link VictimSelection#uniformRandom()} (default) or
         *     {@link VictimSelection#powerOfTwoChoices()}
         * @return this builder
         */
        public Builder victimSelection(VictimSelection policy) {
            this.victimSelection = Objects.requireNonNull(policy, "victimSelection");
            return this;
        }

        /**
         * How many tasks one successful steal takes.
         *
         * @param amount {@link StealAmount#ONE} (default) or {@link StealAmount#HALF}
         * @return this builder
         */
        public Builder stealAmount(StealAmount amount) {
            this.stealAmount = Objects.requireNonNull(amount, "stealAmount");
            return this;
        }

        /**
         * Whether a worker's spawns stay private until thieves need them (a split deque: the
         * owner takes private tasks back with no fence; default) or are stealable at once (a
         * classic Chase–Lev deque: every take fences). See {@code WorkStealingDeque}.
         *
         * @param lazy true for the split deque (default), false for classic Chase–Lev
         * @return this builder
         */
        public Builder lazyPublication(boolean lazy) {
            this.lazyPublication = lazy;
            return this;
        }

        /**
         * Seeds the workers' random generators (victim selection), for reproducible policies.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Starts the pool's worker threads.
         *
         * @return the running pool
         */
        public WorkStealingPool build() {
            WorkStealingPool pool = new WorkStealingPool(this);
            pool.start();
            return pool;
        }
    }
}
