package org.wsched.internal.idle;

/**
 * The real {@link SleepController} with the four steps of its Dekker pair weakened to
 * release/acquire: the worker's announcement stores its state with a release store and bumps the
 * sleeper count with an acquire load and a release store (no getAndAdd, so no full fence); the
 * publisher's wake-up has no fence and reads the count with an acquire load. Release/acquire does
 * not order a store before a later load of another variable, so the Dekker pair breaks. The count
 * update is not atomic: one worker only. Built only into the broken jar ({@code -Pbroken}); it
 * sits in the controller's package to reach the package-private steps.
 */
public final class FlawedSleepController extends SleepController {

    /** A controller for one worker. */
    public FlawedSleepController() {
        super(1);
    }

    @Override
    void svState(int w, int v) {
        soState(w, v); // FLAW: release, not volatile
    }

    @Override
    int gaaSleepers(int delta) {
        int n = laSleepers();
        soSleepers(n + delta); // FLAW: a release store, not getAndAdd (no full fence, not atomic)
        return n;
    }

    @Override
    void wakeFence() {
        // FLAW: no StoreLoad fence between the published work and the load of the count
    }

    @Override
    int lvSleepers() {
        return laSleepers(); // FLAW: acquire, not volatile
    }
}
