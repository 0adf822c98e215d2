package org.wsched.jcstress.idle;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.wsched.internal.idle.SubmissionFlag;

/**
 * Invariant (fairness is live, the Dekker pair of J25): a submitter offers a task to the shared
 * queue and then {@link SubmissionFlag#raise() raises} the "submissions waiting" flag; a worker
 * that found the queue empty {@link SubmissionFlag#lower lowers} the flag and looks at the queue
 * once more. The flag starts raised (an earlier submission raised it; the worker ran that one and
 * is now lowering), so the submitter's raise is a load that may see the old 1 and store nothing.
 * The outcome where the flag ends lowered while the submission waits is FORBIDDEN: busy workers
 * would never run it (they look at the queue only while the flag is up).
 *
 * <p>Real {@link SubmissionFlag}; the queue is the pools' queue class
 * ({@link ConcurrentLinkedQueue}, see SharedQueues). r1 = lower() raised the flag again (its
 * second look saw the submission); r2 = the flag after both; r3 = the submission is still queued
 * (nobody polls here, so always 1).
 */
@JCStressTest
@Description("Submission flag Dekker pair: offer + raise() vs lower() + second look; never lowered with a submission waiting")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "the worker's second look saw the submission and raised the flag again")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "the worker saw no submission; the submitter saw the lowered flag and raised it")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "LOST SIGNAL: flag lowered while a submission waits")
@Outcome(expect = FORBIDDEN, desc = "impossible: the submission vanished or the flag is down after a re-raise")
@State
public class SubmissionFlagDekkerTest {
    final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    final SubmissionFlag flag;

    public SubmissionFlagDekkerTest() {
        this(new SubmissionFlag());
    }

    /** The same scenario on another flag: the broken variant passes one with the lowering store weakened. */
    public SubmissionFlagDekkerTest(SubmissionFlag flag) {
        this.flag = flag;
        flag.raise(); // raised by an earlier submission
    }

    @Actor
    public void submitter() {
        queue.offer(1); // AbstractPool.submitExternal: the offer, then raise()
        flag.raise();
    }

    @Actor
    public void worker(III_Result r) {
        r.r1 = flag.lower(() -> !queue.isEmpty()) ? 1 : 0; // WaitLoop.runWaitingSubmissions on an empty queue
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = flag.isRaised() ? 1 : 0;
        r.r3 = queue.isEmpty() ? 0 : 1;
    }
}
