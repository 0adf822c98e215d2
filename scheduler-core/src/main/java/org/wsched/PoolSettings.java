package org.wsched;

import java.util.Objects;
import java.util.function.Supplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/** Settings both pool builders share, validated once. */
final class PoolSettings {

    /**
     * Default idle strategy: 64 spins, 16 yields, then short parks (1 µs asked, about 50 µs on
     * Linux) until the worker falls asleep, where a publisher can wake it at once.
     */
    static final Supplier<IdleStrategy> DEFAULT_IDLE =
            () -> new BackoffIdleStrategy(64, 16, 1_000L, 1_000L);

    int parallelism = Runtime.getRuntime().availableProcessors();
    String threadNamePrefix;
    Supplier<IdleStrategy> idleStrategy = DEFAULT_IDLE;
    int idleRoundsBeforeSleep = 100;
    long workerStackSize = 0L;
    long seed = System.nanoTime();
    boolean tracing;
    long traceBudgetStrands = 4_000_000L;

    PoolSettings(String defaultPrefix) {
        this.threadNamePrefix = defaultPrefix;
    }

    void parallelism(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + p);
        }
        if (p > 32_767) {
            throw new IllegalArgumentException("parallelism must be <= 32767, was " + p);
        }
        parallelism = p;
    }

    void threadNamePrefix(String prefix) {
        threadNamePrefix = Objects.requireNonNull(prefix, "threadNamePrefix");
    }

    void idleStrategy(Supplier<IdleStrategy> s) {
        idleStrategy = Objects.requireNonNull(s, "idleStrategy");
    }

    void idleRoundsBeforeSleep(int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("idleRoundsBeforeSleep must be >= 0, was " + rounds);
        }
        idleRoundsBeforeSleep = rounds;
    }

    void traceBudget(long strands) {
        if (strands < 1) {
            throw new IllegalArgumentException("traceBudget must be >= 1 strand, was " + strands);
        }
        traceBudgetStrands = strands;
    }

    void workerStackSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("workerStackSize must be >= 0 (0 = the JVM default), was " + bytes);
        }
        workerStackSize = bytes;
    }
}
