package org.wsched;

import java.util.random.RandomGenerator;

/**
 * Policy: which worker an idle worker tries to steal from. The work-stealing pool calls it once
 * per steal attempt and does not know which policy is plugged in.
 *
 * <pre>{@code
 * WorkStealingPool.builder().victimSelection(VictimSelection.powerOfTwoChoices()).build();
 * }</pre>
 */
@FunctionalInterface
public interface VictimSelection {

    /**
     * What a policy may look at: the number of workers and an estimate of each one's deque length.
     */
    interface Workers {
        /**
         * The number of workers.
         *
         * @return at least 1
         */
        int count();

        /**
         * Estimated number of tasks in worker {@code i}'s deque (racy, never negative).
         *
         * @param i worker index
         * @return the estimate
         */
        int queuedTasks(int i);
    }

    /**
     * Chooses a victim for {@code thief}.
     *
     * @param thief the stealing worker's index
     * @param attempt the number of attempts this idle worker has made so far in this search (0, 1, ...)
     * @param workers the workers
     * @param random this thief's own random generator (seeded from the pool's seed)
     * @return a worker index in {@code [0, workers.count())}, preferably not {@code thief}
     */
    int selectVictim(int thief, int attempt, Workers workers, RandomGenerator random);

    /**
     * Uniformly random victim among the other workers (Blumofe and Leiserson).
     *
     * @return the policy
     */
    static VictimSelection uniformRandom() {
        return (thief, attempt, workers, random) -> {
            int n = checkedCount(thief, workers);
            if (n == 1) {
                return thief;
            }
            int v = random.nextInt(n - 1);
            return v >= thief ? v + 1 : v;
        };
    }

    /**
     * Power of two choices: probe two random other workers and pick the one with the longer deque.
     *
     * @return the policy
     */
    static VictimSelection powerOfTwoChoices() {
        VictimSelection uniform = uniformRandom();
        return (thief, attempt, workers, random) -> {
            int a = uniform.selectVictim(thief, attempt, workers, random);
            int b = uniform.selectVictim(thief, attempt, workers, random);
            return workers.queuedTasks(b) > workers.queuedTasks(a) ? b : a;
        };
    }

    /**
     * Round robin: the next worker after the thief, then the one after, and so on.
     *
     * @return the policy
     */
    static VictimSelection roundRobin() {
        return (thief, attempt, workers, random) -> {
            int n = checkedCount(thief, workers);
            if (attempt < 0) {
                throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
            }
            return n == 1 ? thief : (thief + 1 + attempt % (n - 1)) % n;
        };
    }

    /**
     * The number of workers, after checking the arguments every built-in policy relies on.
     *
     * @param thief the stealing worker's index
     * @param workers the workers
     * @return {@code workers.count()}
     * @throws IllegalArgumentException if there are no workers or {@code thief} is not one of them
     */
    private static int checkedCount(int thief, Workers workers) {
        int n = workers.count();
        if (n < 1 || thief < 0 || thief >= n) {
            throw new IllegalArgumentException("thief " + thief + " is not a worker index in [0, " + n + "): "
                    + "pass the index of the stealing worker and a Workers view with at least one worker");
        }
        return n;
    }
}
