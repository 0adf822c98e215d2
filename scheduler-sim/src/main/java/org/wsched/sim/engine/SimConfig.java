package org.wsched.sim.engine;

/**
 * The parameters of one simulated run.
 *
 * @param procs        number of processors P (1 … 1,048,576)
 * @param seed         seed of the run's random choices (victims, and the kernel's grants); same seed, same run
 * @param stealLatency ticks one steal attempt takes, successful or not (≥ 1)
 * @param available    P_A: processors the kernel grants in each quantum (1 … P); P means dedicated
 *                     processors, fewer a multiprogrammed run ({@link Kernel})
 * @param quantum      ticks per scheduling quantum of the kernel (≥ 1 when multiprogrammed; 0 when
 *                     dedicated)
 */
public record SimConfig(int procs, long seed, long stealLatency, int available, long quantum) {
    /** Largest processor count accepted. */
    public static final int MAX_PROCS = 1 << 20;

    /** Validates the parameters. */
    public SimConfig {
        if (procs < 1 || procs > MAX_PROCS) {
            throw new IllegalArgumentException("procs must be in 1.." + MAX_PROCS + ", was " + procs);
        }
        if (stealLatency < 1) {
            throw new IllegalArgumentException("steal latency must be >= 1 tick, was " + stealLatency
                    + " (a zero-cost steal would let idle processors retry forever within one tick)");
        }
        if (available < 1 || available > procs) {
            throw new IllegalArgumentException("available processors P_A must be in 1..P (" + procs + "), was "
                    + available);
        }
        if (available < procs && quantum < 1) {
            throw new IllegalArgumentException("a multiprogrammed run (P_A = " + available + " < P = " + procs
                    + ") needs a quantum >= 1 tick, was " + quantum);
        }
    }

    /** P dedicated processors. */
    public SimConfig(int procs, long seed, long stealLatency) {
        this(procs, seed, stealLatency, procs, 0);
    }

    /**
     * P processors of which a kernel grants {@code available} per quantum of {@code quantum}
     * ticks; dedicated processors when {@code available} is 0 or at least P.
     */
    public static SimConfig of(int procs, long seed, long stealLatency, int available, long quantum) {
        return available > 0 && available < procs ? new SimConfig(procs, seed, stealLatency, available, quantum)
                : new SimConfig(procs, seed, stealLatency);
    }

    /** Whether the kernel grants fewer than P processors (Arora, Blumofe and Plaxton's model). */
    public boolean multiprogrammed() {
        return available < procs;
    }
}
