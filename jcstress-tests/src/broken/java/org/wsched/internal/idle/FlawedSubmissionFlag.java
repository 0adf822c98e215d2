package org.wsched.internal.idle;

/**
 * The real {@link SubmissionFlag} with its stores weakened to release stores: the worker's
 * lowering store may then become visible after its second look at the queue (x86 reorders a
 * store with a later load of another location), so the Dekker pair with a submitter's offer and
 * load of the flag breaks. Built only into the broken jar ({@code -Pbroken}); it sits in the
 * flag's package to reach the package-private step.
 */
public final class FlawedSubmissionFlag extends SubmissionFlag {

    /** A lowered flag. */
    public FlawedSubmissionFlag() {
    }

    @Override
    void svRaised(int v) {
        RAISED.setRelease(this, v); // FLAW: release, not volatile (no StoreLoad before the second look)
    }
}
