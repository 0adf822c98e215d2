package org.wsched.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.workloads.Fib;

/**
 * The floor of the plain spawn/join API shape, an experiment for docs/benchmarks.md (issue 12):
 * fib(30) with no cutoff where every spawn does what a plain {@code Task.spawn}/{@code join}
 * cannot avoid — allocate a 40-byte task and a capturing lambda (and box values above 127), push
 * it on the real {@link WorkStealingDeque}, take it back with {@code takeIfBottom}, run the body
 * and publish the outcome with an acquire/release status word — and nothing else: no pool, no
 * worker lookup, no counters, no waiters. Timed on the main thread against ForkJoinPool
 * (parallelism 1) and serial fib, in alternating rounds of one JVM.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp jmh-benchmarks/target/benchmarks.jar org.wsched.bench.SpawnFloor [rounds=40]
 * </pre>
 */
public final class SpawnFloor {

    private static final int N = 30;
    private static final VarHandle STATUS;

    static {
        try {
            STATUS = MethodHandles.lookup().findVarHandle(FloorTask.class, "status", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** As large as wsched's {@code Task}: status, two references of state, body, outcome, an int and two bytes. */
    @SuppressWarnings("unused")
    private static final class FloorTask {
        int status;
        Object waiters;
        Object thief;
        Object body;
        Object outcome;
        int traceId;
        boolean claimed;
        byte stash;

        FloorTask(Object body) {
            this.body = body;
        }
    }

    /** The floor's deque; its owner is the main thread. */
    private static final WorkStealingDeque<Object> DEQUE = WorkStealingDeque.split(64);

    private SpawnFloor() {
    }

    @SuppressWarnings("unchecked")
    private static long fib(int n) {
        if (n < 2) {
            return n;
        }
        Callable<Long> c = () -> fib(n - 1);
        FloorTask t = new FloorTask(c);
        DEQUE.push(t);
        long b = fib(n - 2);
        if ((int) STATUS.getAcquire(t) < 2 && (DEQUE.takeIfBottom(t) || DEQUE.take() == t)) {
            Callable<Long> body = (Callable<Long>) t.body;
            t.body = null;
            try {
                t.outcome = body.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            STATUS.setRelease(t, 2);
        }
        return (Long) t.outcome + b;
    }

    private static void check(long v) {
        if (v != Fib.serial(N)) {
            throw new AssertionError("fib(" + N + ") = " + v);
        }
    }

    /**
     * Entry point.
     *
     * @param args optional number of rounds (default 40; the first third is warm-up)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        if (rounds < 3) {
            throw new IllegalArgumentException("rounds must be at least 3 (a third is warm-up), was " + rounds);
        }
        ForkJoinPool fjp = new ForkJoinPool(1);
        long[] fjpNanos = new long[rounds];
        long[] floorNanos = new long[rounds];
        long[] serialNanos = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            check(fjp.invoke(new Fib.FjpFib(N)));
            long t1 = System.nanoTime();
            check(fib(N));
            long t2 = System.nanoTime();
            check(Fib.serial(N));
            serialNanos[r] = System.nanoTime() - t2;
            floorNanos[r] = t2 - t1;
            fjpNanos[r] = t1 - t0;
        }
        fjp.shutdown();
        int from = rounds / 3;
        double f = median(fjpNanos, from);
        double fl = median(floorNanos, from);
        double se = median(serialNanos, from);
        System.out.printf("fib(%d), median of rounds %d..%d: ForkJoinPool(1) %.2f ms, floor %.2f ms, serial %.2f ms;"
                + " FJP/floor %.2fx, floor/serial %.2fx%n", N, from, rounds - 1, f / 1e6, fl / 1e6, se / 1e6, f / fl, fl / se);
    }

    private static double median(long[] a, int from) {
        long[] s = Arrays.copyOfRange(a, from, a.length);
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
