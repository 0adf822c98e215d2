package org.wsched.sim.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --available} and {@code --quantum} options of {@code run} and {@code compare}. */
final class Multiprogramming {
    @Option(names = "--available", paramLabel = "PA",
            description = "Multiprogrammed run (Arora, Blumofe, Plaxton): in each quantum a seeded adversary grants "
                    + "PA of the P processors; the others stand still. Work-stealing schedulers only; needs --quantum.")
    Integer available;

    @Option(names = "--quantum", paramLabel = "Q", description = "Ticks per kernel quantum, with --available.")
    Long quantum;

    /** Checks the pair: both or neither, PA ≥ 1, Q ≥ 1. */
    void check(CommandSpec spec) {
        Args.check(spec, (available == null) == (quantum == null),
                "--available and --quantum go together: give both (e.g. --available 4 --quantum 100) or neither");
        if (available != null) {
            Args.check(spec, available >= 1, "Invalid value for option '--available': must be >= 1, was " + available);
            Args.check(spec, quantum >= 1, "Invalid value for option '--quantum': must be >= 1 tick, was " + quantum);
        }
    }

    /** PA, or 0 when dedicated. */
    int availableOrZero() {
        return available == null ? 0 : available;
    }

    /** Q, or 0 when dedicated. */
    long quantumOrZero() {
        return quantum == null ? 0 : quantum;
    }
}
