package org.wsched.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.wsched.CentralizedPool;
import org.wsched.Scheduler;
import org.wsched.WorkStealingPool;

/**
 * The pool of one implementation under test, built from its {@code impl} name: the one place the
 * benchmarks ({@link PoolState}) and the {@link IdleHarness} create and close pools.
 * {@link #sched} is set for the wsched kinds, {@link #fjp} for fjp, neither for serial.
 */
final class ImplPool implements AutoCloseable {
    final Impl kind;
    final Scheduler sched;
    final ForkJoinPool fjp;

    private ImplPool(Impl kind, Scheduler sched, ForkJoinPool fjp) {
        this.kind = kind;
        this.sched = sched;
        this.fjp = fjp;
    }

    /** Builds the pool of {@code impl} (see {@link Impl#parse}) with {@code parallelism} workers. */
    static ImplPool open(String impl, int parallelism) {
        Impl kind = Impl.parse(impl);
        return switch (kind) {
            case WSCHED, FRAMES, FRAMES_FC -> new ImplPool(kind, WorkStealingPool.builder().parallelism(parallelism).build(), null);
            case CENTRALIZED -> new ImplPool(kind, CentralizedPool.builder().parallelism(parallelism).build(), null);
            case FJP -> new ImplPool(kind, null, new ForkJoinPool(parallelism));
            case SERIAL -> new ImplPool(kind, null, null);
        };
    }

    /** The pool as an executor: the scheduler or the ForkJoinPool; null for serial. */
    ExecutorService executor() {
        return sched != null ? sched : fjp;
    }

    /** Closes the scheduler, or shuts the ForkJoinPool down and waits up to a minute for it. */
    @Override
    public void close() throws InterruptedException {
        if (sched != null) {
            sched.close();
        }
        if (fjp != null) {
            fjp.shutdown();
            fjp.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
