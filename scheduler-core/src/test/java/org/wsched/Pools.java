package org.wsched;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The implementations every conformance test runs on: one test source, every pool.
 */
enum Pools {
    WORK_STEALING(p -> WorkStealingPool.builder().parallelism(p).seed(1).build()),
    WORK_STEALING_P2C_HALF(p -> WorkStealingPool.builder().parallelism(p).seed(2)
            .victimSelection(VictimSelection.powerOfTwoChoices()).stealAmount(StealAmount.HALF).build()),
    WORK_STEALING_ROUND_ROBIN(p -> WorkStealingPool.builder().parallelism(p).seed(3)
            .victimSelection(VictimSelection.roundRobin()).build()),
    WORK_STEALING_CLASSIC_DEQUE(p -> WorkStealingPool.builder().parallelism(p).seed(4)
            .lazyPublication(false).build()),
    CENTRALIZED(p -> CentralizedPool.builder().parallelism(p).build());

    private final IntFunction<Scheduler> factory;

    Pools(IntFunction<Scheduler> factory) {
        this.factory = factory;
    }

    Scheduler create(int parallelism) {
        return factory.apply(parallelism);
    }

    /** Pools whose workers fall asleep at once when idle: stresses the sleep/wake protocol. */
    Scheduler createSleepy(int parallelism) {
        switch (this) {
            case CENTRALIZED:
                return CentralizedPool.builder().parallelism(parallelism).idleRoundsBeforeSleep(0).build();
            default:
                return WorkStealingPool.builder().parallelism(parallelism).idleRoundsBeforeSleep(0).build();
        }
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
