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
 * ({@link FlawedSleepController}): must show the lost wake-up. The deque is the real one. The
 * state holds an instance of the shipped test and runs its actors (see {@link BrokenDequeTests}).
 */
@JCStressTest
@JCStressMeta(SleepWakeDekkerTest.DequeWork.class)
@State
public class BrokenSleepWakeDekkerTest {
    final SleepWakeDekkerTest.DequeWork test = new SleepWakeDekkerTest.DequeWork(new FlawedSleepController());

    @Actor
    public void publisher(III_Result r) {
        test.publisher(r);
    }

    @Actor
    public void worker(III_Result r) {
        test.worker(r);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        test.arbiter(r);
    }
}
