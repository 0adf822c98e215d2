package org.wsched.jcstress.pool;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.wsched.CentralizedPool;
import org.wsched.WorkStealingPool;

/**
 * Invariant: an external submission racing {@code shutdown()} is either rejected
 * ({@link RejectedExecutionException}) or run; never accepted and lost. And the pool, once shut
 * down, terminates (every accepted task has run by then).
 *
 * <p>Against a real pool of parallelism 1, one per sample. This uses jcstress's Termination mode
 * on purpose: it builds one state per sample, sequentially, whereas the default Continuous mode
 * builds states in large batches, and a pool (one worker thread) per state would be far too
 * heavy. The submitter submits, then waits for termination (which the concurrent
 * {@code shutdown()} signal allows), then checks that an accepted task ran; a task accepted and
 * lost throws (jcstress reports an ERROR, a failure); a pool that never terminates is STALE.
 * The submission/shutdown protocol (the INFLIGHT counter and the state CAS) lives in
 * AbstractPool and is the same for both pools; {@link WorkStealing} and {@link Centralized} run it
 * through each. The pools sleep at once when idle ({@code idleRoundsBeforeSleep(0)}): a worker
 * spinning through its idle rounds would notice a shutdown only after up to ~50 ms, which leaves
 * few samples; sleeping at once also puts the sleep/wake and quiescence paths into the race.
 */
public class SubmitVsShutdownTest {

    static void submitAndAwait(java.util.concurrent.ExecutorService pool, boolean[] ran) {
        Future<?> f;
        try {
            f = pool.submit(() -> {
                ran[0] = true; // published to the submitter by thread termination / the future
            });
        } catch (RejectedExecutionException e) {
            f = null;
        }
        boolean interrupted = false;
        for (;;) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (f != null && !(f.isDone() && !f.isCancelled() && ran[0])) {
            throw new IllegalStateException("ACCEPTED AND LOST: the pool terminated without running an accepted task");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("WorkStealingPool(1): submit() vs shutdown(): rejected or run, never accepted and lost; the pool terminates")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "rejected, or accepted and run; the pool terminated")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the pool never terminated after shutdown()")
    @State
    public static class WorkStealing {
        final WorkStealingPool pool = WorkStealingPool.builder().parallelism(1).idleRoundsBeforeSleep(0)
                .threadNamePrefix("jcs-ws-").build();
        final boolean[] ran = new boolean[1];

        @Actor
        public void submitter() {
            submitAndAwait(pool, ran);
        }

        @Signal
        public void shutdown() {
            pool.shutdown();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(WorkStealing.class)
    @Description("CentralizedPool(1): submit() vs shutdown(): rejected or run, never accepted and lost; the pool terminates")
    @State
    public static class Centralized {
        final CentralizedPool pool = CentralizedPool.builder().parallelism(1).idleRoundsBeforeSleep(0)
                .threadNamePrefix("jcs-c-").build();
        final boolean[] ran = new boolean[1];

        @Actor
        public void submitter() {
            submitAndAwait(pool, ran);
        }

        @Signal
        public void shutdown() {
            pool.shutdown();
        }
    }
}
