package org.wsched;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The implementations every conformance test runs on: one test source, every pool.
 */
enum Pools {
    WORK_STEALING((p, sleepy) -> workStealing(p, sleepy).seed(1).build()),
    WORK_STEALING_P2C_HALF((p, sleepy) -> workStealing(p, sleepy).seed(2)
            .victimSelection(VictimSelection.powerOfTwoChoices()).stealAmount(StealAmount.HALF).build()),
    WORK_STEALING_ROUND_ROBIN((p, sleepy) -> workStealing(p, sleepy).seed(3)
            .victimSelection(VictimSelection.roundRobin()).build()),
    WORK_STEALING_CLASSIC_DEQUE((p, sleepy) -> workStealing(p, sleepy).seed(4)
            .lazyPublication(false).build()),
    CENTRALIZED((p, sleepy) -> sleepy
            ? CentralizedPool.builder().parallelism(p).idleRoundsBeforeSleep(0).build()
            : CentralizedPool.builder().parallelism(p).build());

    /** Builds one variant: at a parallelism, with workers that sleep at once when idle or not. */
    @FunctionalInterface
    private interface Factory {
        Scheduler create(int parallelism, boolean sleepy);
    }

    private final Factory factory;

    Pools(Factory factory) {
        this.factory = factory;
    }

    Scheduler create(int parallelism) {
        return factory.create(parallelism, false);
    }

    /** This variant with workers that fall asleep at once when idle: stresses the sleep/wake protocol. */
    Scheduler createSleepy(int parallelism) {
        return factory.create(parallelism, true);
    }

    private static WorkStealingPool.Builder workStealing(int parallelism, boolean sleepy) {
        WorkStealingPool.Builder b = WorkStealingPool.builder().parallelism(parallelism);
        return sleepy ? b.idleRoundsBeforeSleep(0) : b;
    }

    /** Every pool at parallelism 1, 2 and 8. */
    static Stream<Arguments> everyPoolAndParallelism() {
        return Stream.of(values()).flatMap(k -> Stream.of(1, 2, 8).map(p -> Arguments.of(k, p)));
    }

    /** One work-stealing and the centralized pool at parallelism 1, 2 and 8. */
    static Stream<Arguments> bothRuntimes() {
        return Stream.of(WORK_STEALING, CENTRALIZED).flatMap(k -> Stream.of(1, 2, 8).map(p -> Arguments.of(k, p)));
    }

    /** Every pool at parallelism 2. */
    static Stream<Arguments> everyPool() {
        return Stream.of(values()).map(k -> Arguments.of(k, 2));
    }
}
