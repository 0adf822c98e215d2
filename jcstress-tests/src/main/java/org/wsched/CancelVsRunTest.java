package org.wsched;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Invariant: a submitted task (claimed = true) that a worker runs ({@code AbstractPool.runTask}:
 * {@code tryClaim()} then {@code execute(true)}) while someone cancels it
 * ({@code Future.cancel} / {@code shutdownNow}: {@link Task#cancelPending()}) either runs once
 * and is not cancelled, or is cancelled and never runs; the final status agrees.
 *
 * <p>r1 = worker's tryClaim won; r2 = cancelPending() returned true; r3 = body runs;
 * r4 = final status (2 NORMAL, 4 CANCELLED).
 */
@JCStressTest
@Description("Submitted task: worker's tryClaim + execute vs cancelPending(); runs once or is cancelled, never both or neither")
@Outcome(id = "1, 0, 1, 2", expect = ACCEPTABLE, desc = "the worker claimed and ran it; cancel came too late")
@Outcome(id = "0, 1, 0, 4", expect = ACCEPTABLE, desc = "cancelled before it started; the worker skipped it")
@Outcome(expect = FORBIDDEN, desc = "run and cancelled, run twice, or neither")
@State
public class CancelVsRunTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final SubmittedTask<Integer> task = new SubmittedTask<>(() -> {
        runs.incrementAndGet();
        return 3;
    }, SubmittedTask.Origin.FUTURE, "jcstress");

    @Actor
    public void worker(IIII_Result r) {
        if (task.claimed && task.tryClaim()) {
            task.execute(true);
            r.r1 = 1;
        }
    }

    @Actor
    public void canceller(IIII_Result r) {
        r.r2 = task.cancel(false) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r3 = runs.get();
        r.r4 = task.laStatus();
    }
}
