package org.wsched.sim.engine;

/**
 * The parameters of one simulated run.
 *
 * @param procs        number of processors P (1 … 1,048,576)
 * @param seed         seed of the run's random choices (victims); same seed, same run
 * @param stealLatency ticks one steal attempt takes, successful or not (≥ 1)
 */
public record SimConfig(int procs, long seed, long stealLatency) {
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
    }
}
