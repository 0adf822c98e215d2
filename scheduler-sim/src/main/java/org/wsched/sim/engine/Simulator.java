package org.wsched.sim.engine;

import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.ReadyWork;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.util.SplitMix64;

/**
 * The discrete-event simulation of P processors running a task graph under a
 * {@link SchedulerPolicy}, over integer time (ticks).
 *
 * <h2>Model</h2>
 * A processor is <em>running</em> a node (until start + cost), <em>stealing</em> (one attempt
 * ends every steal-latency ticks), or <em>waiting</em>. When a node finishes, its successors
 * whose predecessors have all finished become ready and are handed to the policy
 * ({@link ReadyWork#enabled}); the processor then asks the policy for its next node
 * ({@link ReadyWork#takeLocal}). If it gets none:
 * <ul>
 *   <li>under a non-stealing (greedy) policy it waits at no cost; the moment a node becomes
 *       ready a waiting processor takes it, at the same tick — so no processor is ever idle
 *       while a node is ready;
 *   <li>under a stealing policy it makes steal attempts, each ending {@code stealLatency} ticks
 *       after it began; at its end the policy picks a victim and the thief either runs what it
 *       took, at once, or begins another attempt.
 * </ul>
 * At time 0 the sources are handed to the policy as if processor 0 had enabled them.
 *
 * <h2>Order within a tick</h2>
 * Events of one tick are processed in the order they were scheduled, whatever their distance
 * ({@link EventWheel}). Under a policy that {@linkplain SchedulerPolicy#choosesPerTick() chooses
 * per tick} (the list scheduler {@code hlfet}) every completion of a tick is processed before
 * any free processor takes work, so it chooses among every node ready at that tick. Otherwise a
 * processor that finishes a node takes its next one at once, as a real worker would, and
 * waiting (greedy) processors take nodes the moment they become ready. Free greedy processors
 * take work most recently freed first, processor 0 first at time 0.
 *
 * <h2>Events</h2>
 * An {@link EventWheel} holds the processors that are running or stealing, keyed by the end of
 * their current activity (events of one tick in the order they were scheduled: runs are
 * deterministic for a seed). Waiting processors sit in a list, not in the wheel, so an event
 * costs O(1) for short activities and O(log P) for long ones, never O(P).
 * A thief whose attempt failed while <em>every</em> deque is empty cannot succeed before some
 * node finishes, so it is parked instead of stepping tick by tick; when ready work appears it
 * is put back at its next attempt time, and the attempts it skipped are counted as failed
 * attempts. This keeps graphs with long nodes (milliseconds as ticks) fast to simulate, and
 * changes only which random victims the skipped — necessarily failed — attempts would have
 * drawn.
 *
 * <h2>Multiprogrammed runs</h2>
 * With {@link SimConfig#available()} P_A &lt; P, a {@link Kernel} grants P_A processors per
 * quantum and an activity (node or steal attempt) ends after as many <em>granted</em> ticks as
 * it lasts; a node's recorded start is its first granted tick. Thieves do not park (each
 * attempt is simulated), and only stealing policies may run this way: a centralized greedy
 * scheduler would hand work to processors the kernel has descheduled.
 */
public final class Simulator {
    private Simulator() {
    }

    /** Runs {@code g} under {@code policy} with {@code config}; no per-node record. */
    public static RunStats run(TaskGraph g, SchedulerPolicy policy, SimConfig config) {
        return run(g, policy, config, null);
    }

    /**
     * Runs {@code g} under {@code policy} with {@code config}, recording every node's start,
     * finish and processor (and every steal attempt) in {@code record} if it is not null.
     */
    public static RunStats run(TaskGraph g, SchedulerPolicy policy, SimConfig config, ScheduleRecord record) {
        if (config.multiprogrammed() && !policy.steals()) {
            throw new IllegalArgumentException("a multiprogrammed run (P_A = " + config.available() + " of P = "
                    + config.procs() + ") needs a work-stealing scheduler; " + policy.name() + " is centralized and "
                    + "would hand work to descheduled processors");
        }
        if (g.nodeCount() == 0) {
            return new RunStats(0, 0, 0, new long[config.procs()]);
        }
        return new Run(g, policy, config, record).execute();
    }

    /** The state of one run. */
    private static final class Run {
        private final TaskGraph g;
        private final SchedulerPolicy policy;
        private final ScheduleRecord record;
        private final int procs;
        private final long latency;
        private final boolean steals;
        /** Non-stealing and choosing only once every completion of the tick is known (hlfet). */
        private final boolean perTick;
        private final ReadyWork work;
        private final int[] preds;
        private final long[] busy;
        private final int[] running;
        private final EventWheel events;
        /** Free processors (non-stealing) or parked thieves (stealing), with their next attempt time. */
        private final int[] waiting;
        private final long[] nextAttempt;
        /** When each thief's current steal attempt began. */
        private final long[] attemptStart;
        /** The kernel of a multiprogrammed run, null for dedicated processors. */
        private final Kernel kernel;
        private int waitingCount;
        /** The nodes a completion made ready, and the kinds of the edges that did. */
        private final int[] buf;
        private final byte[] kinds;
        private long attempts;
        private long stolen;

        Run(TaskGraph g, SchedulerPolicy policy, SimConfig config, ScheduleRecord record) {
            this.g = g;
            this.policy = policy;
            this.record = record;
            this.procs = config.procs();
            this.latency = config.stealLatency();
            this.steals = policy.steals();
            this.perTick = !steals && policy.choosesPerTick();
            this.work = policy.start(g, procs, new SplitMix64(config.seed()));
            this.preds = g.predecessorCounts();
            this.busy = new long[procs];
            this.running = new int[procs];
            this.events = new EventWheel(procs, new long[procs]);
            this.waiting = new int[procs];
            this.nextAttempt = steals ? new long[procs] : null;
            this.attemptStart = steals ? new long[procs] : null;
            this.kernel = config.multiprogrammed() ? new Kernel(config) : null;
            int maxOut = 0;
            int sources = 0;
            for (int v = 0, n = g.nodeCount(); v < n; v++) {
                maxOut = Math.max(maxOut, g.endSuccessor(v) - g.firstSuccessor(v));
                if (preds[v] == 0) {
                    sources++;
                }
            }
            this.buf = new int[Math.max(maxOut, sources)];
            this.kinds = new byte[buf.length];
        }

        RunStats execute() {
            enableSources();
            if (steals) {
                startThieves();
            } else {
                startFree();
            }
            // the hot loop works on locals (steal counters included): fields cost a load and a
            // store per event that the JIT does not always keep in registers
            final EventWheel events = this.events;
            final ReadyWork work = this.work;
            final int[] running = this.running;
            long tried = 0;
            long got = 0;
            int remaining = g.nodeCount();
            while (true) {
                final int p = events.poll();
                if (p < 0) {
                    throw stalled(remaining);
                }
                final long t = events.now();
                final int v = running[p];
                int next;
                if (v >= 0) {
                    if (record != null) {
                        record.finished(v, t);
                    }
                    if (--remaining == 0) {
                        attempts += tried;
                        stolen += got;
                        return finish(t);
                    }
                    enableSuccessors(p, v);
                    if (perTick) {
                        freeUntilTickEnds(p, t);
                        continue;
                    }
                    next = work.takeLocal(p);
                } else {
                    tried++;
                    next = work.steal(p);
                    if (next >= 0) {
                        got++;
                    }
                    if (record != null) {
                        record.stealAttempt(p, attemptStart[p], t, next >= 0);
                    }
                }
                runOrLookForWork(p, next, t);
                if (waitingCount > 0 && work.hasReadyWork()) {
                    wakeWaiting(t);
                }
            }
        }

        /** Stealing, at time 0: each processor runs what the policy gave it, or begins to steal. */
        private void startThieves() {
            for (int p = 0; p < procs; p++) {
                runOrLookForWork(p, work.takeLocal(p), 0);
            }
        }

        /** Non-stealing, at time 0: every processor is free, processor 0 first to take work. */
        private void startFree() {
            for (int p = procs - 1; p >= 0; p--) {
                running[p] = -1;
                waiting[waitingCount++] = p;
            }
            assignFree(0);
        }

        /**
         * Processor p, done at tick t, starts node {@code next}, or if there is none (negative)
         * steals or parks (stealing) or waits (non-stealing).
         */
        private void runOrLookForWork(int p, int next, long t) {
            if (next >= 0) {
                startNode(p, next, t);
            } else {
                running[p] = -1;
                if (steals) {
                    stealOrPark(p, t);
                } else {
                    waiting[waitingCount++] = p;
                }
            }
        }

        /**
         * Per-tick policy: processor p, done at tick t, waits until every completion of the tick
         * is processed; the last one hands out the work.
         */
        private void freeUntilTickEnds(int p, long t) {
            running[p] = -1;
            waiting[waitingCount++] = p;
            if (!events.hasEventNow()) {
                assignFree(t);
            }
        }

        /** Ready work exists at tick t: parked thieves resume, or free processors take it. */
        private void wakeWaiting(long t) {
            if (steals) {
                unparkThieves(t);
            } else {
                assignFree(t);
            }
        }

        private IllegalStateException stalled(int remaining) {
            return new IllegalStateException("simulation stalled with " + remaining + " nodes left and no "
                    + "processor active: policy " + policy.name() + " lost a ready node");
        }

        private void enableSources() {
            int count = 0;
            for (int v = 0, n = g.nodeCount(); v < n; v++) {
                if (preds[v] == 0) {
                    buf[count++] = v;
                }
            }
            work.enabled(0, buf, kinds, count);
        }

        private void enableSuccessors(int p, int v) {
            int count = 0;
            for (int i = g.firstSuccessor(v), end = g.endSuccessor(v); i < end; i++) {
                int s = g.successorAt(i);
                if (--preds[s] == 0) {
                    buf[count] = s;
                    kinds[count] = (byte) g.edgeKindCodeAt(i);
                    count++;
                }
            }
            if (count > 0) {
                work.enabled(p, buf, kinds, count);
            }
        }

        /** Processor p starts node v at tick t. */
        private void startNode(int p, int v, long t) {
            running[p] = v;
            long c = g.cost(v);
            busy[p] += c;
            if (kernel == null) {
                if (record != null) {
                    record.started(v, p, t);
                }
                events.schedule(p, t + c);
                return;
            }
            if (record != null) {
                record.started(v, p, c == 0 ? t : kernel.firstGranted(p, t));
            }
            events.schedule(p, kernel.finish(p, t, c));
        }

        /**
         * Thief p, with nothing to run at tick t, begins a steal attempt, or parks if no deque
         * holds work (never in a multiprogrammed run).
         */
        private void stealOrPark(int p, long t) {
            if (kernel != null) {
                attemptStart[p] = kernel.firstGranted(p, t);
                events.schedule(p, kernel.finish(p, t, latency));
            } else if (work.hasReadyWork()) {
                attemptStart[p] = t;  // only read by the record; cheaper to store than to test
                events.schedule(p, t + latency);
            } else {
                nextAttempt[p] = t + latency;
                waiting[waitingCount++] = p;
            }
        }

        /** Non-stealing: the free processors take ready nodes at tick t, most recently freed first. */
        private void assignFree(long t) {
            while (waitingCount > 0) {
                int q = waiting[waitingCount - 1];
                int w = work.takeLocal(q);
                if (w < 0) {
                    return;
                }
                waitingCount--;
                startNode(q, w, t);
            }
        }

        /** Stealing: every parked thief resumes at its next attempt time at or after t. */
        private void unparkThieves(long t) {
            for (int k = 0; k < waitingCount; k++) {
                int q = waiting[k];
                long a = nextAttempt[q];
                if (a < t) {
                    long skipped = (t - a + latency - 1) / latency;
                    skipAttempts(q, a, skipped);
                    a += skipped * latency;
                }
                attemptStart[q] = a - latency;
                events.schedule(q, a);
            }
            waitingCount = 0;
        }

        /** Thief q's {@code count} attempts ending at from, from + L, … failed while every deque was empty. */
        private void skipAttempts(int q, long from, long count) {
            attempts += count;
            work.skippedAttempts(q, count);
            if (record != null) {
                record.parked(q, from - latency, from + (count - 1) * latency, count);
            }
        }

        private RunStats finish(long makespan) {
            if (steals) {
                for (int k = 0; k < waitingCount; k++) {
                    int q = waiting[k];
                    long a = nextAttempt[q];
                    if (a < makespan) {
                        skipAttempts(q, a, (makespan - a + latency - 1) / latency);
                    }
                }
            }
            return new RunStats(makespan, attempts, stolen, busy);
        }
    }
}
