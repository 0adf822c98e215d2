package org.wsched.internal.deque;

/**
 * The real {@link WorkStealingDeque} (classic mode) with ONE of its ordering steps replaced by a
 * weaker one, chosen by {@link Flaw}: the broken variants of the jcstress deque tests run the
 * shipped code except for that step, so they cannot drift from it. Built only into the broken
 * jar ({@code -Pbroken}); it sits in the deque's package to reach the package-private steps.
 *
 * @param <E> element type
 */
public final class FlawedDeque<E> extends WorkStealingDeque<E> {

    /** The step this deque weakens. */
    public enum Flaw {
        /** take() without its StoreLoad fence between the claim on split and the load of top. */
        NO_TAKE_FENCE,
        /** top advanced by a load, a compare and a plain store instead of a CAS (owner and thieves). */
        CAS_NOT_ATOMIC,
        /** push() publishes the new split (ordered store) BEFORE it writes the slot. */
        PUBLISH_BEFORE_WRITE
    }

    private final Flaw flaw;

    /**
     * @param capacity initial capacity (as for {@link WorkStealingDeque#classic})
     * @param flaw the step to weaken
     */
    public FlawedDeque(int capacity, Flaw flaw) {
        super(capacity, true);
        this.flaw = flaw;
    }

    @Override
    void takeFence() {
        if (flaw != Flaw.NO_TAKE_FENCE) {
            super.takeFence();
        }
    }

    @Override
    boolean casTop(long expect, long update) {
        if (flaw != Flaw.CAS_NOT_ATOMIC) {
            return super.casTop(expect, update);
        }
        if (lpTop() != expect) {
            return false;
        }
        spTop(update); // FLAW: another thread's claim between the load and this store is overwritten
        return true;
    }

    @Override
    void spSlot(Object[] a, long i, Object e) {
        if (flaw == Flaw.PUBLISH_BEFORE_WRITE) {
            soSplit(i + 1); // FLAW: a thief can see the new split before the element is written
        }
        super.spSlot(a, i, e);
    }
}
