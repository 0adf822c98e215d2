package org.wsched.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsched.CentralizedPool;
import org.wsched.Scheduler;
import org.wsched.WorkStealingPool;

/**
 * Every form of every workload computes what its serial form computes, on both wsched pools and
 * on a ForkJoinPool, with one worker and with two.
 */
@Timeout(60)
class WorkloadsTest {

    private Scheduler pool;
    private ForkJoinPool fjp;

    static Stream<Arguments> pools() {
        return Stream.of(Arguments.of("WorkStealingPool", 1), Arguments.of("WorkStealingPool", 2),
                Arguments.of("CentralizedPool", 1), Arguments.of("CentralizedPool", 2));
    }

    private void open(String kind, int parallelism) {
        pool = kind.equals("WorkStealingPool") ? WorkStealingPool.builder().parallelism(parallelism).build()
                : CentralizedPool.builder().parallelism(parallelism).build();
        fjp = new ForkJoinPool(parallelism);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (pool != null) {
            pool.close();
        }
        if (fjp != null) {
            fjp.shutdown();
            assertTrue(fjp.awaitTermination(1, TimeUnit.MINUTES), "ForkJoinPool did not terminate");
        }
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("pools")
    void fib(String kind, int parallelism) {
        open(kind, parallelism);
        int n = 20;
        long expected = Fib.serial(n);
        assertEquals(6765, expected);
        assertEquals(expected, (long) pool.invoke(() -> Fib.wsched(n)), "wsched");
        assertEquals(expected, (long) pool.invoke(() -> Fib.wschedLong(n)), "wschedLong");
        assertEquals(expected, (long) pool.invoke(() -> Fib.wschedCutoff(n, 8)), "wschedCutoff");
        assertEquals(expected, pool.invokeLong(Fib::frames, null, n), "frames");
        assertEquals(expected, pool.invokeLong(Fib::framesFastClone, null, n), "framesFastClone");
        assertEquals(expected, (long) fjp.invoke(new Fib.FjpFib(n)), "fjp");
        Fib.FjpFibLong unboxed = new Fib.FjpFibLong(n);
        fjp.invoke(unboxed);
        assertEquals(expected, unboxed.result, "fjp unboxed");
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("pools")
    void mergeSort(String kind, int parallelism) {
        open(kind, parallelism);
        int[] input = new SplittableRandom(3).ints(100_000).toArray();
        int cutoff = 1000;
        int[] expected = input.clone();
        MergeSort.serial(expected, new int[expected.length], 0, expected.length, cutoff);
        int[] sorted = input.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, expected, "serial");
        assertFalse(MergeSort.isSorted(input), "the input is not sorted to begin with");
        assertTrue(MergeSort.isSorted(expected));

        int[] a = input.clone();
        pool.invoke(() -> {
            MergeSort.wsched(a, new int[a.length], 0, a.length, cutoff);
            return null;
        });
        assertArrayEquals(expected, a, "wsched");
        int[] b = input.clone();
        pool.invokeLong(MergeSort::frames, new MergeSort.Arrays2(b, new int[b.length], cutoff), b.length);
        assertArrayEquals(expected, b, "frames");
        int[] c = input.clone();
        fjp.invoke(new MergeSort.FjpSort(c, new int[c.length], 0, c.length, cutoff));
        assertArrayEquals(expected, c, "fjp");
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("pools")
    void nqueens(String kind, int parallelism) {
        open(kind, parallelism);
        int n = 9;
        int all = (1 << n) - 1;
        long expected = NQueens.serial(all, 0, 0, 0);
        assertEquals(NQueens.SOLUTIONS[n], expected, "serial");
        assertEquals(expected, (long) pool.invoke(() -> NQueens.wsched(all, 0, 0, 0, 0, 3)), "wsched");
        assertEquals(expected, (long) fjp.invoke(new NQueens.FjpQueens(all, 0, 0, 0, 0, 3)), "fjp");
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("pools")
    void uts(String kind, int parallelism) {
        open(kind, parallelism);
        for (UtsTree t : new UtsTree[] {UtsTree.geometric(4, 6, 19), UtsTree.binomial(20, 0.124875, 8, 42)}) {
            long expected = Uts.serial(t, t.root(), 0);
            assertTrue(expected > 1000, t.name() + " is big enough to spawn: " + expected);
            assertEquals(expected, (long) pool.invoke(() -> Uts.wschedNode(t, t.root(), 0)), "wsched " + t.name());
            assertEquals(expected, pool.invokeLong((f, ctx, arg) -> Uts.framesNode(f, new Uts.FramesNode(t, t.root()), 0),
                    null, 0), "frames " + t.name());
            assertEquals(expected, (long) fjp.invoke(new Uts.FjpUts(t, null, 0, 0)), "fjp " + t.name());
        }
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("pools")
    void integrate(String kind, int parallelism) {
        open(kind, parallelism);
        double upper = 100;
        double eps = 1e-6;
        double y2 = Integrate.f(upper);
        double expected = Integrate.serial(0, 0, upper, y2, 0, eps);
        assertEquals(Integrate.exact(upper), expected, 1e-3 * Integrate.exact(upper), "serial");
        assertEquals(expected, (double) pool.invoke(() -> Integrate.wsched(0, 0, upper, y2, 0, eps)), "wsched");
        assertEquals(expected, Double.longBitsToDouble(pool.invokeLong(Integrate::frames,
                new Integrate.Params(upper, eps), 0L)), "frames");
        assertEquals(expected, (double) fjp.invoke(new Integrate.FjpIntegrate(0, 0, upper, y2, 0, eps)), "fjp");
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("pools")
    void matMul(String kind, int parallelism) {
        open(kind, parallelism);
        MatMul.Problem p = new MatMul.Problem(64, 8, 1);
        double expected = MatMul.serial(p);
        assertEquals(expected, (double) pool.invoke(() -> MatMul.wsched(p)), "wsched");
        p.clear();
        fjp.invoke(new MatMul.FjpMatMul(p, 0, 0, 0, p.n()));
        assertEquals(expected, p.checksum(), "fjp");
    }

    @Test
    void matMulSerialAgreesWithTheNaiveProduct() {
        int n = 64;
        MatMul.Problem p = new MatMul.Problem(n, 8, 1);
        double naive = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    naive += p.a(i, k) * p.b(k, j);
                }
            }
        }
        assertTrue(naive != 0, "a zero checksum would not tell a wrong product");
        assertEquals(naive, MatMul.serial(p));
    }
}
