package org.wsched.sim.engine;

/**
 * What one simulated run measured.
 *
 * @param makespan      time at which the last node finished, in ticks
 * @param stealAttempts steal attempts made (each cost the steal latency)
 * @param steals        successful steal attempts
 * @param busy          ticks each processor spent running nodes
 */
public record RunStats(long makespan, long stealAttempts, long steals, long[] busy) {
}
