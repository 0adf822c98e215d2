package org.wsched.jcstress.broken;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.wsched.internal.idle.FlawedSleepController;
import org.wsched.jcstress.idle.SleepWakeDekkerTest;

/**
 * SleepWakeDekkerTest.DequeWork, same actors and outcomes ({@link JCStressMeta}), on the real
 * sleep controller with its Dekker steps weakened to release/acquire
 * ({@link FlawedSleepController}): must show the lost wake-up. The deque is the real one.
 */
@JCStressTest
@JCStressMeta(SleepWakeDekkerTest.DequeWork.class)
@State
public class BrokenSleepWakeDekkerTest extends SleepWakeDekkerTest.DequeWork {

    public BrokenSleepWakeDekkerTest() {
        super(new FlawedSleepController());
    }

    @Actor
    @Override
    public void publisher(III_Result r) {
        super.publisher(r);
    }

    @Actor
    @Override
    public void worker(III_Result r) {
        super.worker(r);
    }

    @Arbiter
    @Override
    public void arbiter(III_Result r) {
        super.arbiter(r);
    }
}
