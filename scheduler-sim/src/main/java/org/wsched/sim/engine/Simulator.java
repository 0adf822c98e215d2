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
     * finish and processor in {@code record} if it is not null.
     */
    public static RunStats run(TaskGraph g, SchedulerPolicy policy, SimConfig config, ScheduleRecord record) {
        final int n = g.nodeCount();
        final int procs = config.procs();
        final long latency = config.stealLatency();
        final long[] busy = new long[procs];
        if (n == 0) {
            return new RunStats(0, 0, 0, busy);
        }
        final ReadyWork work = policy.start(g, procs, new SplitMix64(config.seed()));
        final boolean steals = policy.steals();
        final int[] preds = g.predecessorCounts();
        final long[] time = new long[procs];  // end of each active processor's current activity
        final int[] running = new int[procs];
        final EventWheel events = new EventWheel(procs, time);
        // waiting processors (greedy) or parked thieves (stealing), with their next attempt time
        final int[] waiting = new int[procs];
        final long[] nextAttempt = steals ? new long[procs] : null;
        int waitingCount = 0;

        int maxOut = 0;
        int sources = 0;
        for (int v = 0; v < n; v++) {
            maxOut = Math.max(maxOut, g.endSuccessor(v) - g.firstSuccessor(v));
            if (preds[v] == 0) {
                sources++;
            }
        }
        int[] buf = new int[Math.max(maxOut, sources)];
        byte[] kinds = new byte[buf.length];
        int count = 0;
        for (int v = 0; v < n; v++) {
            if (preds[v] == 0) {
                buf[count++] = v;
            }
        }
        work.enabled(0, buf, kinds, count);
        for (int p = 0; p < procs; p++) {
            int v = work.takeLocal(p);
            if (v >= 0) {
                running[p] = v;
                long c = g.cost(v);
                busy[p] += c;
                if (record != null) {
                    record.started(v, p, 0);
                }
                events.schedule(p, c);
            } else if (steals && work.hasReadyWork()) {
                running[p] = -1;
                events.schedule(p, latency);
            } else {
                running[p] = -1;
                if (steals) {
                    nextAttempt[p] = latency;
                }
                waiting[waitingCount++] = p;
            }
        }

        long attempts = 0;
        long stolen = 0;
        int remaining = n;
        long makespan;
        while (true) {
            final int p = events.poll();
            if (p < 0) {
                throw new IllegalStateException("simulation stalled with " + remaining
                        + " nodes left and no processor active: policy " + policy.name() + " lost a ready node");
            }
            final long t = events.now();
            int next;
            final int v = running[p];
            if (v >= 0) {
                if (record != null) {
                    record.finished(v, t);
                }
                if (--remaining == 0) {
                    makespan = t;
                    break;
                }
                count = 0;
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
                next = work.takeLocal(p);
            } else {
                attempts++;
                next = work.steal(p);
                if (next >= 0) {
                    stolen++;
                }
            }
            if (next >= 0) {
                running[p] = next;
                long c = g.cost(next);
                busy[p] += c;
                if (record != null) {
                    record.started(next, p, t);
                }
                events.schedule(p, t + c);
            } else {
                running[p] = -1;
                if (steals && work.hasReadyWork()) {
                    events.schedule(p, t + latency);
                } else {
                    if (steals) {
                        nextAttempt[p] = t + latency;
                    }
                    waiting[waitingCount++] = p;
                }
            }
            if (waitingCount > 0 && work.hasReadyWork()) {
                if (steals) {
                    // un-park every thief at its next attempt time at or after t
                    for (int k = 0; k < waitingCount; k++) {
                        int q = waiting[k];
                        long a = nextAttempt[q];
                        if (a < t) {
                            long skipped = (t - a + latency - 1) / latency;
                            attempts += skipped;
                            work.skippedAttempts(q, skipped);
                            a += skipped * latency;
                        }
                        events.schedule(q, a);
                    }
                    waitingCount = 0;
                } else {
                    while (waitingCount > 0) {
                        int q = waiting[waitingCount - 1];
                        int w = work.takeLocal(q);
                        if (w < 0) {
                            break;
                        }
                        waitingCount--;
                        running[q] = w;
                        long c = g.cost(w);
                        busy[q] += c;
                        if (record != null) {
                            record.started(w, q, t);
                        }
                        events.schedule(q, t + c);
                    }
                }
            }
        }
        if (steals) {
            for (int k = 0; k < waitingCount; k++) {
                long a = nextAttempt[waiting[k]];
                if (a < makespan) {
                    attempts += (makespan - a + latency - 1) / latency;
                }
            }
        }
        return new RunStats(makespan, attempts, stolen, busy);
    }
}
