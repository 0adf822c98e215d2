package org.wsched.jcstress.broken;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.wsched.internal.idle.FlawedSubmissionFlag;
import org.wsched.jcstress.idle.SubmissionFlagDekkerTest;

/**
 * SubmissionFlagDekkerTest, same actors and outcomes ({@link JCStressMeta}), on the real flag
 * with its lowering store weakened to a release store ({@link FlawedSubmissionFlag}): must show
 * the lost signal. The state holds an instance of the shipped test and runs its actors (see
 * {@link BrokenDequeTests}).
 */
@JCStressTest
@JCStressMeta(SubmissionFlagDekkerTest.class)
@State
public class BrokenSubmissionFlagDekkerTest {
    final SubmissionFlagDekkerTest test = new SubmissionFlagDekkerTest(new FlawedSubmissionFlag());

    @Actor
    public void submitter() {
        test.submitter();
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
