package org.wsched.sim.policy;

import org.wsched.sim.util.SplitMix64;

/** How a thief chooses the processor it tries to steal from. */
public enum VictimSelection {
    /** A uniformly random other processor (Blumofe and Leiserson). */
    UNIFORM {
        @Override
        Selector create(int procs, SplitMix64 rng) {
            return (thief, deques) -> randomOther(thief, procs, rng);
        }
    },
    /**
     * Power of two choices: probe two distinct random other processors and pick the one with
     * the longer deque (the first on a tie). With 2 processors there is one candidate.
     */
    TWO_CHOICES {
        @Override
        Selector create(int procs, SplitMix64 rng) {
            return (thief, deques) -> {
                int a = randomOther(thief, procs, rng);
                if (procs < 3) {
                    return a;
                }
                // b: uniform over the procs - 2 processors that are neither thief nor a
                int b = rng.nextInt(procs - 2);
                int lo = Math.min(thief, a);
                int hi = Math.max(thief, a);
                if (b >= lo) {
                    b++;
                }
                if (b >= hi) {
                    b++;
                }
                return deques.size(b) > deques.size(a) ? b : a;
            };
        }
    },
    /** Round robin: each thief tries thief+1, thief+2, … (mod P) in turn, skipping itself. */
    ROUND_ROBIN {
        @Override
        Selector create(int procs, SplitMix64 rng) {
            return new RoundRobin(procs);
        }
    };

    /** Per-run victim choice. */
    interface Selector {
        int victim(int thief, Deques deques);

        default void skipped(int thief, long count) {
        }
    }

    abstract Selector create(int procs, SplitMix64 rng);

    /** A uniform random processor other than {@code thief} among {@code 0..procs-1}. */
    static int randomOther(int thief, int procs, SplitMix64 rng) {
        int v = rng.nextInt(procs - 1);
        return v >= thief ? v + 1 : v;
    }

    private static final class RoundRobin implements Selector {
        private final int procs;
        private final int[] next;

        RoundRobin(int procs) {
            this.procs = procs;
            this.next = new int[procs];
            for (int p = 0; p < procs; p++) {
                next[p] = 1;
            }
        }

        @Override
        public int victim(int thief, Deques deques) {
            int k = next[thief];
            next[thief] = k == procs - 1 ? 1 : k + 1;
            return (thief + k) % procs;
        }

        @Override
        public void skipped(int thief, long count) {
            int k = next[thief] - 1;
            next[thief] = (int) ((k + count) % (procs - 1)) + 1;
        }
    }
}
