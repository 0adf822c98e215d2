package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tracing records the real spawn/sync graph of a run. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TraceTest {

    static Scheduler tracing(Pools kind, int p) {
        switch (kind) {
            case CENTRALIZED:
                return CentralizedPool.builder().parallelism(p).tracing(true).build();
            default:
                return WorkStealingPool.builder().parallelism(p).tracing(true).build();
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void fibTraceHasTheProgramsStrandsSpawnsAndSyncs(Pools kind, int p) {
        int n = 18;
        long spawns = ConformanceTest.serialFib(n + 1) - 1; // one per call with n >= 2
        try (Scheduler pool = tracing(kind, p)) {
            assertThat(pool.invoke(() -> ConformanceTest.fib(n))).isEqualTo(ConformanceTest.serialFib(n));
            TraceProfile prof = pool.trace().profile();
            // every task: 1 strand + 1 per spawn + 1 per join it makes; tasks = spawns + the root
            assertThat(prof.strands()).isEqualTo(3 * spawns + 1);
            assertThat(prof.spawns()).isEqualTo(spawns);
            assertThat(prof.syncs()).isEqualTo(spawns);
            assertThat(prof.spanNanos()).isPositive().isLessThanOrEqualTo(prof.workNanos());
            assertThat(prof.burdenedSpanNanos()).isGreaterThanOrEqualTo(prof.spanNanos());
            // Work is the time spent inside strands, which are disjoint pieces of the workers'
            // top-level task executions: structurally at most the summed busy time. (How close
            // it comes is a timing, measured in docs/profiling.md, not asserted here.)
            long busy = pool.stats().busyNanos();
            assertThat(prof.workNanos()).isLessThanOrEqualTo(busy + busy / 10);
        }
    }

    static void mergeSort(int[] a, int[] tmp, int lo, int hi, int cutoff) {
        if (hi - lo <= cutoff) {
            Arrays.sort(a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        Task.scope(s -> {
            s.spawn(() -> mergeSort(a, tmp, lo, mid, cutoff));
            s.spawn(() -> mergeSort(a, tmp, mid, hi, cutoff));
        });
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            a[k] = j >= hi || (i < mid && tmp[i] <= tmp[j]) ? tmp[i++] : tmp[j++];
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void mergesortTraceHasTheProgramsStrandsAndIsAcyclic(Pools kind, int p) {
        int cutoff = 1024;
        int[] a = new SplittableRandom(1).ints(64 * cutoff).toArray();
        int[] expected = a.clone();
        Arrays.sort(expected);
        try (Scheduler pool = tracing(kind, p)) {
            pool.invoke(() -> mergeSort(a, new int[a.length], 0, a.length, cutoff));
            assertThat(a).isEqualTo(expected);
            Trace trace = pool.trace();
            TraceProfile prof = trace.profile(0);
            int internal = 63; // 64 leaves
            assertThat(prof.strands()).isEqualTo(1 + 6L * internal);
            assertThat(prof.spawns()).isEqualTo(2L * internal);
            assertThat(prof.syncs()).isEqualTo(2L * internal);
            assertThat(prof.burdenedSpanNanos()).isEqualTo(prof.spanNanos()); // no burden
            assertThat(prof.parallelism()).isGreaterThan(1.0);
        }
    }

    @Test
    void theDagFileIsTheSimulatorsFormat(@TempDir Path dir) throws Exception {
        try (Scheduler pool = tracing(Pools.WORK_STEALING, 2)) {
            pool.invoke(() -> ConformanceTest.fib(10));
            Trace trace = pool.trace();
            Path file = dir.resolve("fib.dag");
            trace.writeDag(file);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).isEqualTo("wsched-dag 1");
            assertThat(lines).contains("unit ns", "nodes " + trace.strands());
            assertThat(lines.get(lines.size() - 1)).isEqualTo("end");
            assertThat(lines.stream().filter(l -> l.startsWith("n "))).hasSize(trace.strands());
            assertThat(lines.stream().filter(l -> l.startsWith("e "))).hasSize(trace.edges());
            assertThat(lines.stream().filter(l -> l.endsWith(" spawn")).count()).isEqualTo(trace.profile().spawns());
            Path gz = dir.resolve("fib.dag.gz");
            trace.writeDag(gz);
            assertThat(Files.size(gz)).isPositive().isLessThan(Files.size(file));
        }
    }

    @Test
    void theTracersOverheadIsTakenOffEachWorkersStrandsWithoutGoingNegative() {
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(2).tracing(true).build()) {
            pool.invoke(() -> ConformanceTest.fib(18));
            pool.trace(); // waits until the workers published their records
            WorkerTrace[] traces = {pool.workers[0].trace, pool.workers[1].trace};
            Trace raw = Trace.of("test", 2, traces, 0.0, 1L);
            double overhead = 3.7;
            Trace corrected = Trace.of("test", 2, traces, overhead, 1L);
            assertThat(corrected.strands()).isEqualTo(raw.strands());
            assertThat(corrected.tracerOverheadNanos()).isEqualTo(overhead);
            long rawWork = 0;
            long work = 0;
            for (int v = 0; v < raw.strands(); v++) {
                assertThat(corrected.costOf(v)).isBetween(0L, raw.costOf(v));
                rawWork += raw.costOf(v);
                work += corrected.costOf(v);
            }
            assertThat(work).isEqualTo(corrected.profile().workNanos());
            // each worker gives up exactly strands x overhead (its total is far larger), up to
            // the rounding of its last strand
            assertThat((double) work).isCloseTo(rawWork - overhead * raw.strands(), org.assertj.core.data.Offset.offset(2.0));
            Trace all = Trace.of("test", 2, traces, 1e12, 1L);
            assertThat(all.profile().workNanos()).isZero();
        }
    }

    @Test
    void theCalibratedOverheadIsAPlausibleClockReadingCostAndOnlyEverShrinks() {
        double ns = TracerCalibration.calibrate();
        assertThat(ns).isGreaterThan(0.0).isLessThan(10_000.0);
        assertThat(TracerCalibration.current()).isEqualTo(ns);
        // every later tracing pool refines it: the smallest round mean seen so far
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(1).tracing(true).build()) {
            pool.invoke(() -> 1);
            double after = TracerCalibration.current();
            assertThat(after).isGreaterThan(0.0).isLessThanOrEqualTo(ns);
            assertThat(pool.trace().tracerOverheadNanos()).isEqualTo(after);
        }
    }

    @Test
    void tracingOffOrOverBudgetIsAClearError() {
        try (Scheduler pool = WorkStealingPool.builder().parallelism(1).build()) {
            assertThatThrownBy(pool::trace).isInstanceOf(IllegalStateException.class).hasMessageContaining("tracing(true)");
        }
        try (Scheduler pool = WorkStealingPool.builder().parallelism(1).tracing(true).traceBudget(100).build()) {
            pool.invoke(() -> ConformanceTest.fib(15));
            assertThatThrownBy(pool::trace).isInstanceOf(IllegalStateException.class).hasMessageContaining("traceBudget");
        }
        assertThatThrownBy(() -> WorkStealingPool.builder().traceBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
