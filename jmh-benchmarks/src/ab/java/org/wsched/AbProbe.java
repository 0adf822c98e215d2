package org.wsched;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.wsched.workloads.Fib;
import org.wsched.workloads.Integrate;
import org.wsched.workloads.MatMul;
import org.wsched.workloads.MergeSort;
import org.wsched.workloads.NQueens;
import org.wsched.workloads.Uts;
import org.wsched.workloads.UtsTree;

/**
 * One run of a program per call, on a pool of the wsched build that loaded this class (or on a
 * {@link ForkJoinPool}, the same program's FJP form); returns nanoseconds, after checking the
 * result. The programs are the benchmarks' own ({@code org.wsched.workloads}), loaded with this
 * class by the build's class loader; they use the public API only, so they run on any build.
 * Compiled by {@code jmh-benchmarks/same-jvm-ab}, loaded by {@code org.wsched.bench.SameJvmAB}
 * once per build and once for FJP.
 *
 * <p>Programs (inputs sized for rounds of 10–200 ms on one core): {@code plain}, {@code long},
 * {@code frames}: fib(30) with {@code Task.spawn}, {@code spawnLong}, {@code Frames};
 * {@code nqueens}: 12 queens, spawning the first 4 rows; {@code mergesort},
 * {@code mergesort-frames}: 1,000,000 ints, serial below 8,192; {@code matmul}: 256×256, leaves
 * of 32; {@code integrate}, {@code integrate-frames}: adaptive quadrature on [0, 10,000],
 * ε = 10⁻³; {@code uts}, {@code uts-frames}: a geometric tree shaped as T1 but 8 levels deep
 * instead of 10 (T1 itself takes about a second a round), its node count checked against a serial count.
 *
 * <p>As an {@link IntConsumer}, {@code accept(n)} runs {@code n} invokes of an empty root on the
 * probe's pool (a warm-up: the path of an invoke then gets compiled, which a few rounds never do).
 */
public final class AbProbe implements LongSupplier, IntConsumer {

    /** The program names, in the order of the class comment. */
    public static final String PROGRAMS = "plain long frames nqueens mergesort mergesort-frames matmul integrate "
            + "integrate-frames uts uts-frames";

    private static final int QUEENS = 12;
    private static final int QUEENS_SPAWN_DEPTH = 4;
    private static final int SORT_SIZE = 1_000_000;
    private static final int SORT_CUTOFF = 8192;
    private static final int MATRIX = 256;
    private static final int MATRIX_LEAF = 32;
    private static final double UPPER = 10_000;
    private static final double EPS = 1e-3;

    private final WorkStealingPool pool;
    private final ForkJoinPool fjp;
    private final String program;
    private int[] input;
    private int[] a;
    private int[] tmp;
    private MatMul.Problem matrix;
    private double expected;
    private UtsTree tree;

    /**
     * @param onFjp run the program's ForkJoinPool form instead of the wsched one
     */
    public AbProbe(int parallelism, String program, boolean onFjp) {
        if (!(" " + PROGRAMS + " ").contains(" " + program + " ")) {
            throw new IllegalArgumentException("no program '" + program + "'; the programs are: " + PROGRAMS);
        }
        this.program = program;
        this.pool = onFjp ? null : WorkStealingPool.builder().parallelism(parallelism).build();
        this.fjp = onFjp ? new ForkJoinPool(parallelism) : null;
        switch (program) {
            case "mergesort", "mergesort-frames" -> {
                input = new SplittableRandom(42).ints(SORT_SIZE).toArray();
                a = new int[SORT_SIZE];
                tmp = new int[SORT_SIZE];
            }
            case "matmul" -> {
                matrix = new MatMul.Problem(MATRIX, MATRIX_LEAF, 1234);
                expected = MatMul.serial(matrix);
            }
            case "integrate", "integrate-frames" -> expected = Integrate.serial(0, Integrate.f(0), UPPER, Integrate.f(UPPER), 0, EPS);
            case "uts", "uts-frames" -> {
                tree = UtsTree.geometric(UtsTree.T1.b0(), 8, UtsTree.T1.seed());
                expected = Uts.serial(tree, tree.root(), 0);
            }
            default -> { }
        }
    }

    @Override
    public void accept(int warmupInvokes) {
        for (int i = 0; i < warmupInvokes; i++) {
            long v = fjp != null ? fjp.invoke(new RecursiveTask<Long>() {
                @Override
                protected Long compute() {
                    return 1L;
                }
            }) : pool.invoke(() -> 1L);
            if (v != 1L) {
                throw new IllegalStateException("warm-up invoke returned " + v);
            }
        }
    }

    @Override
    public long getAsLong() {
        if (a != null) {
            System.arraycopy(input, 0, a, 0, a.length); // outside the timed part
        }
        long t0 = System.nanoTime();
        double v = fjp != null ? runFjp() : runWsched();
        long t = System.nanoTime() - t0;
        check(v);
        return t;
    }

    private double runWsched() {
        int all = (1 << QUEENS) - 1;
        return switch (program) {
            case "long" -> pool.invoke(() -> Fib.wschedLong(30));
            case "frames" -> pool.invokeLong(Fib::frames, null, 30);
            case "nqueens" -> pool.invoke(() -> NQueens.wsched(all, 0, 0, 0, 0, QUEENS_SPAWN_DEPTH));
            case "mergesort" -> pool.invoke(() -> {
                MergeSort.wsched(a, tmp, 0, a.length, SORT_CUTOFF);
                return 0L;
            });
            case "mergesort-frames" -> pool.invokeLong(MergeSort::frames, new MergeSort.Arrays2(a, tmp, SORT_CUTOFF), a.length);
            case "matmul" -> pool.invoke(() -> MatMul.wsched(matrix));
            case "integrate" -> pool.invoke(() -> Integrate.wsched(0, 0, UPPER, Integrate.f(UPPER), 0, EPS));
            case "integrate-frames" -> Double.longBitsToDouble(
                    pool.invokeLong(Integrate::frames, new Integrate.Params(UPPER, EPS), 0L));
            case "uts" -> pool.invoke(() -> Uts.wschedNode(tree, tree.root(), 0));
            case "uts-frames" -> pool.invokeLong((f, ctx, x) -> Uts.framesNode(f, new Uts.FramesNode(tree, tree.root()), 0),
                    null, 0L);
            default -> pool.invoke(() -> Fib.wsched(30));
        };
    }

    /** The FJP form of the program; the wsched variants (long, frames, *-frames) share their plain program's. */
    private double runFjp() {
        int all = (1 << QUEENS) - 1;
        return switch (program.replace("-frames", "")) {
            case "nqueens" -> fjp.invoke(new NQueens.FjpQueens(all, 0, 0, 0, 0, QUEENS_SPAWN_DEPTH));
            case "mergesort" -> {
                fjp.invoke(new MergeSort.FjpSort(a, tmp, 0, a.length, SORT_CUTOFF));
                yield 0L;
            }
            case "matmul" -> {
                matrix.clear();
                fjp.invoke(new MatMul.FjpMatMul(matrix, 0, 0, 0, matrix.n()));
                yield matrix.checksum();
            }
            case "integrate" -> fjp.invoke(new Integrate.FjpIntegrate(0, 0, UPPER, Integrate.f(UPPER), 0, EPS));
            case "uts" -> fjp.invoke(new Uts.FjpUts(tree, null, 0, 0));
            default -> fjp.invoke(new Fib.FjpFib(30));
        };
    }

    private void check(double v) {
        boolean ok = switch (program) {
            case "nqueens" -> v == NQueens.SOLUTIONS[QUEENS];
            case "mergesort", "mergesort-frames" -> MergeSort.isSorted(a);
            case "matmul" -> v == expected;
            // Same additions in the same tree shape, but the join order may differ: allow rounding.
            case "integrate", "integrate-frames" -> Math.abs(v - expected) <= 1e-9 * Math.abs(expected);
            case "uts", "uts-frames" -> v == expected;
            default -> v == 832040;
        };
        if (!ok) {
            throw new IllegalStateException("WRONG RESULT: " + program + " gave " + v + " on "
                    + (fjp != null ? "FJP" : "wsched"));
        }
    }
}
