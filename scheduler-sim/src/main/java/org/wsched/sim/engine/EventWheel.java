package org.wsched.sim.engine;

import java.util.Arrays;

/**
 * The simulator's event queue: for each active processor, the tick at which its current
 * activity (running a node or one steal attempt) ends. Each processor has at most one pending
 * event.
 *
 * <p>A timing wheel (Varghese and Lauck, 1987) over integer time: {@value #SLOTS} slots hold
 * the events of the next {@value #SLOTS} ticks, one FIFO list per tick, with a bitmap of
 * non-empty slots to skip empty ticks 64 at a time; events further ahead wait in a
 * {@link ProcHeap} until the window reaches them. Scheduling and taking an event cost O(1) for
 * the usual short costs, O(log P) for far ones, never O(P).
 *
 * <p><b>Order of same-tick events.</b> Events of the same tick come out in the order they were
 * scheduled, whatever their distance: a slot is a FIFO list; every event that goes to the far
 * heap takes the next sequence number and the heap breaks ties by it, so far events of one tick
 * leave it in the order they were scheduled; and they enter their slot before any near event of
 * the same tick can (a near event for tick t is only scheduled once t is inside the window, and
 * the window's advance pulls the far events first), which were all scheduled later. So scaling
 * every time by a constant leaves the order, and the whole run, unchanged.
 */
final class EventWheel {
    static final int SLOTS = 1 << 12;
    private static final int MASK = SLOTS - 1;
    private static final int WORDS = SLOTS >>> 6;

    private final long[] time;
    private final long[] seq;
    private long scheduled;
    private final int[] next;
    private final int[] head = new int[SLOTS];
    private final int[] tail = new int[SLOTS];
    private final long[] nonEmpty = new long[WORDS];
    private final ProcHeap far;
    private long now;
    private int inWheel;

    /** A wheel for processors 0..procs-1; {@code time[p]} is p's event time, set by {@link #schedule}. */
    EventWheel(int procs, long[] time) {
        this.time = time;
        this.next = new int[procs];
        this.seq = new long[procs];
        this.far = new ProcHeap(procs, time, seq);
        Arrays.fill(head, -1);
    }

    /** The time of the last event taken. */
    long now() {
        return now;
    }

    /** Schedules processor p's next event at tick {@code t} ≥ {@link #now()}. */
    void schedule(int p, long t) {
        time[p] = t;
        if (t - now < SLOTS) {
            append(p, (int) t & MASK);
        } else {
            seq[p] = scheduled++;
            far.push(p);
        }
    }

    /** Whether an event is pending at tick {@link #now()} (e.g. a zero-cost node started at it). */
    boolean hasEventNow() {
        int s = (int) now & MASK;
        return (nonEmpty[s >>> 6] & (1L << s)) != 0;
    }

    /** Takes the earliest event and returns its processor (its time is then {@link #now()}), or −1 if none. */
    int poll() {
        if (inWheel == 0) {
            if (far.isEmpty()) {
                return -1;
            }
            now = time[far.top()];
            pullFar();
        }
        int s = (int) now & MASK;
        int found = nextNonEmpty(s);
        if (found != s) {
            now += (found - s) & MASK;
            pullFar();
        }
        int p = head[found];
        int after = next[p];
        head[found] = after;
        if (after < 0) {
            nonEmpty[found >>> 6] &= ~(1L << found);
        }
        inWheel--;
        return p;
    }

    private void append(int p, int slot) {
        next[p] = -1;
        if (head[slot] < 0) {
            head[slot] = p;
            nonEmpty[slot >>> 6] |= 1L << slot;
        } else {
            next[tail[slot]] = p;
        }
        tail[slot] = p;
        inWheel++;
    }

    /** Moves far events that now fall inside the window into their slots. */
    private void pullFar() {
        while (!far.isEmpty()) {
            int p = far.top();
            if (time[p] - now >= SLOTS) {
                return;
            }
            far.pop();
            append(p, (int) time[p] & MASK);
        }
    }

    /** The first non-empty slot at or after {@code s}, cyclically; the wheel must not be empty. */
    private int nextNonEmpty(int s) {
        int w = s >>> 6;
        long word = nonEmpty[w] & (-1L << s);
        for (int k = 0; k <= WORDS; k++) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            w = (w + 1) & (WORDS - 1);
            word = nonEmpty[w];
        }
        throw new IllegalStateException("event wheel has " + inWheel + " events but no non-empty slot");
    }
}
