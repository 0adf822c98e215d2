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
 * Invariant: a submitted task (claimed = true) that a worker runs ({@code WorkerLoop.runTask}:
 * {@code claim()} then {@code execute(true)}) while someone cancels it ({@code Future.cancel},
 * FutureTask semantics) ends in exactly one way that agrees with what each side saw: cancelled
 * before it started (the body never runs), cancelled while it ran (cancel returns true, the
 * status is CANCELLED at once and the runner's later completion does not overwrite it), or done
 * normally with cancel returning false. Never run twice, never lost.
 *
 * <p>r1 = worker's claim won; r2 = cancel() returned true; r3 = body runs;
 * r4 = final status (2 NORMAL, 4 CANCELLED).
 */
@JCStressTest
@Description("Submitted task: worker's claim + execute vs cancel(); the final status agrees with both sides")
@Outcome(id = "1, 0, 1, 2", expect = ACCEPTABLE, desc = "the worker claimed and ran it; cancel came too late")
@Outcome(id = "0, 1, 0, 4", expect = ACCEPTABLE, desc = "cancelled before it started; the worker skipped it")
@Outcome(id = "1, 1, 1, 4", expect = ACCEPTABLE, desc = "cancelled while it ran: the result is dropped, the status stays CANCELLED")
@Outcome(expect = FORBIDDEN, desc = "cancel true but NORMAL, run twice, or neither")
@State
public class CancelVsRunTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final SubmittedTask<Integer> task = new SubmittedTask<>(() -> {
        runs.incrementAndGet();
        return 3;
    }, SubmittedTask.Origin.FUTURE, "jcstress", null);

    @Actor
    public void worker(IIII_Result r) {
        if (task.claimed() && task.claim()) {
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
