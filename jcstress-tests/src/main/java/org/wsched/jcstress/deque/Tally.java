package org.wsched.jcstress.deque;

import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Who saw which element, for the deque tests. Each actor records into its own array (no data
 * race between actors); the arbiter, which runs after both actors, combines them into one code
 * per element: {@code 100 × (times the owner got it) + 10 × (times the thief got it) + (times
 * the arbiter drained it)}. So 100, 10 and 1 mean "seen exactly once" (by owner, thief or
 * arbiter); 0 means lost; 110, 20, 101, ... mean duplicated.
 *
 * <p>Element values are the Integers 1..n; anything else a steal or take returns (null where an
 * element was expected, a stale value) is counted in slot 0, the "phantom" count.
 *
 * <p>A tally is bound to the deque the test races on: {@link #push}, {@link #ownerTakes},
 * {@link #thiefSteals} and {@link #drain} are the setup and actor steps the deque tests share.
 */
final class Tally {

    /** jcstress id regex for one element seen exactly once. */
    static final String ONCE = "(100|10|1)";

    final WorkStealingDeque<Integer> deque;
    final int[] owner;
    final int[] thief;
    final int[] arbiter;

    Tally(WorkStealingDeque<Integer> deque, int elements) {
        this.deque = deque;
        owner = new int[elements + 1];
        thief = new int[elements + 1];
        arbiter = new int[elements + 1];
    }

    /** Setup (owner role): pushes the elements {@code first..last} in order. */
    Tally push(int first, int last) {
        for (int e = first; e <= last; e++) {
            deque.push(e);
        }
        return this;
    }

    /** Owner: {@code times} take()s, each recorded. */
    void ownerTakes(int times) {
        for (int i = 0; i < times; i++) {
            took(owner, deque.take());
        }
    }

    /** Thief: {@code times} steal()s, each recorded. */
    void thiefSteals(int times) {
        for (int i = 0; i < times; i++) {
            stole(thief, deque.steal());
        }
    }

    /** Arbiter (owner role, after both actors): takes everything left. */
    void drain() {
        drain(deque, arbiter);
    }

    /** Records what a take() returned; null is "nothing" (not a phantom). */
    static void took(int[] who, Object e) {
        if (e != null) {
            who[e instanceof Integer && (Integer) e > 0 && (Integer) e < who.length ? (Integer) e : 0]++;
        }
    }

    /**
     * Records what a steal() returned: EMPTY and RETRY are "nothing", null or a non-element is a
     * phantom.
     *
     * @return true if an element was stolen
     */
    static boolean stole(int[] who, Object r) {
        if (r == WorkStealingDeque.EMPTY || r == WorkStealingDeque.RETRY) {
            return false;
        }
        who[r instanceof Integer && (Integer) r > 0 && (Integer) r < who.length ? (Integer) r : 0]++;
        return true;
    }

    /** Takes everything left in {@code d} into {@code who}. */
    static void drain(WorkStealingDeque<Integer> d, int[] who) {
        Integer e;
        int guard = 0;
        while ((e = d.take()) != null && guard++ < 64) {
            took(who, e);
        }
    }

    /** Outcome code of one take(): 0 for null, else the element. */
    static int takeCode(Integer e) {
        return e == null ? 0 : e;
    }

    /** Outcome code of one steal(): 0 EMPTY, -1 RETRY, -2 a phantom (not an Integer), else the element. */
    static int stealCode(Object o) {
        if (o == WorkStealingDeque.EMPTY) {
            return 0;
        }
        if (o == WorkStealingDeque.RETRY) {
            return -1;
        }
        return o instanceof Integer ? (Integer) o : -2;
    }

    /** The combined code of element {@code i}. */
    int code(int i) {
        return 100 * owner[i] + 10 * thief[i] + arbiter[i];
    }

    /** Phantoms seen by anyone. */
    int phantoms() {
        return owner[0] + thief[0] + arbiter[0];
    }
}
