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

    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {1, 2})
    void deadEntriesStayBoundedWhileOneLargeRootRuns(int p) {
        long saved = CentralizedPool.pruneAbove;
        CentralizedPool.pruneAbove = 1L << 16; // the default bound (an eighth of the heap) would need a far larger root
        try (CentralizedPool pool = CentralizedPool.builder().parallelism(p).build()) {
            long[] seen = new long[2];
            long r = pool.invoke(() -> {
                long v = ConformanceTest.fib(27); // about 317,000 spawns, nearly all claimed inline by their joiners
                seen[0] = pool.estimatedReadyEntries();
                return v;
            });
            assertThat(r).isEqualTo(196418);
            assertThat(pool.stats().spawns()).isGreaterThan(4 * CentralizedPool.pruneAbove);
            // Without pruning the queue holds about one entry per spawn at this point.
            assertThat(seen[0]).isLessThan(CentralizedPool.pruneAbove + 4096);
        } finally {
            CentralizedPool.pruneAbove = saved;
        }
    }
}
