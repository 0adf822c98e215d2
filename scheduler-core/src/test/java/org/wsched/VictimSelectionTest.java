package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in {@link VictimSelection} policies: every answer is a worker index, never the thief
 * itself (when another worker exists), and over enough attempts every other worker is chosen.
 */
class VictimSelectionTest {

    static Stream<Arguments> builtIns() {
        return Stream.of(
                Arguments.of("uniformRandom", VictimSelection.uniformRandom()),
                Arguments.of("powerOfTwoChoices", VictimSelection.powerOfTwoChoices()),
                Arguments.of("roundRobin", VictimSelection.roundRobin()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void neverPicksTheThiefAndCoversEveryOtherWorker(String name, VictimSelection policy) {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 2; n <= 9; n++) {
            VictimSelection.Workers workers = queued(new int[n]);
            for (int thief = 0; thief < n; thief++) {
                BitSet chosen = new BitSet(n);
                for (int attempt = 0; attempt < 64 * n; attempt++) {
                    int v = policy.selectVictim(thief, attempt, workers, random);
                    assertThat(v).as("%s, n=%d, thief %d, attempt %d", name, n, thief, attempt)
                            .isBetween(0, n - 1).isNotEqualTo(thief);
                    chosen.set(v);
                }
                assertThat(chosen.cardinality()).as("%s, n=%d, thief %d: every other worker chosen", name, n, thief)
                        .isEqualTo(n - 1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void aSingleWorkerCanOnlyBeItsOwnVictim(String name, VictimSelection policy) {
        assertThat(policy.selectVictim(0, 0, queued(new int[1]), new SplittableRandom(1))).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void badArgumentsAreRejectedNamingTheProblem(String name, VictimSelection policy) {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] bad : new int[][] {{3, 3}, {-1, 3}, {0, 0}}) {
            VictimSelection.Workers workers = queued(new int[bad[1]]);
            assertThatThrownBy(() -> policy.selectVictim(bad[0], 0, workers, random))
                    .as("%s: thief %d of %d workers", name, bad[0], bad[1])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("thief " + bad[0] + " is not a worker index in [0, " + bad[1] + ")");
        }
    }

    @Test
    void roundRobinRejectsANegativeAttempt() {
        assertThatThrownBy(() -> VictimSelection.roundRobin().selectVictim(0, -1, queued(new int[2]), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt must be >= 0, was -1");
    }

    @Test
    void roundRobinVisitsTheOthersInOrderStartingAfterTheThief() {
        VictimSelection.Workers workers = queued(new int[4]);
        SplittableRandom random = new SplittableRandom(1);
        int[] order = new int[6];
        for (int attempt = 0; attempt < order.length; attempt++) {
            order[attempt] = VictimSelection.roundRobin().selectVictim(2, attempt, workers, random);
        }
        assertThat(order).containsExactly(3, 0, 1, 3, 0, 1);
    }

    @Test
    void powerOfTwoChoicesPrefersTheLongerOfItsTwoProbes() {
        // Worker 3 holds work, the others none: with two probes it is chosen more often than the
        // 1/3 of uniform choice (5/9 in expectation), and never a worker is chosen over it when probed.
        VictimSelection.Workers workers = queued(new int[] {0, 0, 0, 5});
        SplittableRandom random = new SplittableRandom(7);
        int loaded = 0;
        int attempts = 9_000;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (VictimSelection.powerOfTwoChoices().selectVictim(0, attempt, workers, random) == 3) {
                loaded++;
            }
        }
        assertThat(loaded).isBetween(attempts / 2 - 500, attempts / 2 + 1_000);
    }

    private static VictimSelection.Workers queued(int[] lengths) {
        return new VictimSelection.Workers() {
            @Override
            public int count() {
                return lengths.length;
            }

            @Override
            public int queuedTasks(int i) {
                return lengths[i];
            }
        };
    }
}
