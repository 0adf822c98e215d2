package org.wsched.sim.engine;

import org.wsched.sim.util.SplitMix64;

/**
 * The kernel of a multiprogrammed run, as in Arora, Blumofe and Plaxton (SPAA 1998, TOCS 2001):
 * time is cut into quanta of Q ticks, and in each quantum an adversary grants P_A of the P
 * processes a processor; the others make no progress. Here the adversary is seeded and
 * oblivious: in quantum k it grants the P_A processors p with (p − o_k) mod P &lt; P_A, where
 * the offset o_k is the k-th output of SplitMix64 seeded with the run's seed (mixed with a
 * constant so it differs from the victims' stream), modulo P. So the grants are fixed by the
 * seed and can be evaluated for any quantum in O(1), and an activity's end is computed when it
 * starts: nothing has to be removed from the event queue when a processor is descheduled.
 *
 * <p>A descheduled processor keeps what it holds (the node it runs, its deque), and its deque
 * stays open to thieves (the non-blocking deque of the paper). Work stealing then has
 * E[T_P] = O(T1/P_A + T∞·P/P_A); the simulator reports the ratio of T_P to T1/P_A + T∞·P/P_A.
 */
public final class Kernel {
    private static final long STREAM = 0x6B65726E656CL; // "kernel": a stream apart from the victims'
    private final int procs;
    private final int available;
    private final long quantum;
    private final long seed;

    /** The kernel of a multiprogrammed configuration ({@link SimConfig#multiprogrammed()}). */
    public Kernel(SimConfig c) {
        if (!c.multiprogrammed()) {
            throw new IllegalArgumentException("a kernel needs P_A < P; " + c + " is dedicated");
        }
        this.procs = c.procs();
        this.available = c.available();
        this.quantum = c.quantum();
        this.seed = c.seed() ^ STREAM;
    }

    /** Ticks per quantum. */
    public long quantum() {
        return quantum;
    }

    /** Whether processor p runs in quantum k. */
    public boolean granted(int p, long k) {
        long offset = Math.floorMod(SplitMix64.nth(seed, k), (long) procs);
        return Math.floorMod(p - offset, (long) procs) < available;
    }

    /** The first tick ≥ t at which p runs. */
    long firstGranted(int p, long t) {
        long k = t / quantum;
        while (!granted(p, k)) {
            k++;
        }
        return Math.max(t, k * quantum);
    }

    /** When an activity of d ticks that p begins at tick t ends: after d ticks of p's granted time. */
    long finish(int p, long t, long d) {
        long at = t;
        long left = d;
        while (left > 0) {
            long k = at / quantum;
            long end = (k + 1) * quantum;
            if (granted(p, k)) {
                long run = Math.min(left, end - at);
                at += run;
                left -= run;
            } else {
                at = end;
            }
        }
        return at;
    }
}
