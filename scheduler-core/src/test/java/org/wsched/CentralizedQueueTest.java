package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The centralized pool's ready queue does not keep one dead entry per child its joiner ran
 * inline (#13 item 3: 8.4 M dead entries, 370 MB, after one 1.7·10⁷-task root).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CentralizedQueueTest {

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        Task<Long> a = Task.spawn(() -> fib(n - 1));
        long b = fib(n - 2);
        return a.join() + b;
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {1, 2})
    void deadEntriesStayBoundedWhileOneLargeRootRuns(int p) {
        try (CentralizedPool pool = CentralizedPool.builder().parallelism(p).build()) {
            long[] seen = new long[2];
            long r = pool.invoke(() -> {
                long v = fib(27); // about 317,000 spawns, nearly all claimed inline by their joiners
                seen[0] = pool.estimatedReadyEntries();
                return v;
            });
            assertThat(r).isEqualTo(196418);
            assertThat(pool.stats().spawns()).isGreaterThan(4 * CentralizedPool.PRUNE_ABOVE);
            // Without pruning the queue holds about one entry per spawn at this point.
            assertThat(seen[0]).isLessThan(CentralizedPool.PRUNE_ABOVE + 4096);
        }
    }
}
