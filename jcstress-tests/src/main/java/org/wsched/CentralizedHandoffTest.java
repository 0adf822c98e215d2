package org.wsched;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Invariant (centralized pool): a child spawned into the global queue runs exactly once, whether
 * its parent's join claims it first ({@code CentralizedPool.awaitJoin}: {@code tryClaim()} then
 * {@code execute(false)}) or a worker polls and claims it first ({@code WorkerLoop.runTask}:
 * {@code tryClaim()} then {@code execute(true)}); the loser skips it, and a worker that polls
 * the task sees its body (safe publication through the queue).
 *
 * <p>Real: {@link Task} (claimed = true, as {@code CentralizedPool.spawn} creates it) and the
 * queue class the pool uses ({@code ConcurrentLinkedQueue}, see {@code SharedQueues}). Restated:
 * the few lines of spawn / awaitJoin / pollShared + runTask, which need a pool Worker thread. The
 * parent spins briefly between spawn and join (its own work) and the worker polls a bounded
 * number of times, so that both claimants win often.
 *
 * <p>r1 = the parent's join() value (5; -1 = null); r2 = runs of the child; r3 = who ran it
 * (1 parent inline, 2 worker, 3 both).
 */
@JCStressTest
@Description("CentralizedPool hand-off: spawn into the global queue + join's tryClaim vs a worker's poll + tryClaim; the child runs exactly once")
@Outcome(id = "5, 1, 1", expect = ACCEPTABLE, desc = "the parent's join claimed it and ran it inline")
@Outcome(id = "5, 1, 2", expect = ACCEPTABLE, desc = "a worker polled, claimed and ran it")
@Outcome(expect = FORBIDDEN, desc = "run twice, never, or the result not visible")
@State
public class CentralizedHandoffTest {

    private final ConcurrentLinkedQueue<Task<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger runs = new AtomicInteger();
    private int parentRan; // parent actor only
    private int workerRan; // worker actor only

    @Actor
    public void parent(III_Result r) {
        // CentralizedPool.spawn
        Task<Integer> t = Task.create(() -> {
            runs.incrementAndGet();
            return 5;
        }, true);
        queue.offer(t);
        continuation();
        // CentralizedPool.awaitJoin: claim it if nobody started it, else wait for it
        if (t.tryClaim()) {
            t.execute(false);
            parentRan = 1;
        } else {
            while (!t.isDone()) {
                Thread.onSpinWait();
            }
        }
        Integer v = t.join();
        r.r1 = v == null ? -1 : v;
    }

    /** The parent's own work between spawn and join (a few spins), so that workers get a chance. */
    static void continuation() {
        for (int i = 0; i < 16; i++) {
            Thread.onSpinWait();
        }
    }

    @Actor
    public void worker() {
        // An idle worker's findWork loop: AbstractPool.pollShared + runTask, a bounded number of times
        for (int attempt = 0; attempt < 32; attempt++) {
            if (!queue.isEmpty()) {
                Task<?> t = queue.poll();
                if (t != null) {
                    if (t.claimed() && t.tryClaim()) {
                        t.execute(true);
                        workerRan = 2;
                    }
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = runs.get();
        r.r3 = parentRan + workerRan;
    }
}
