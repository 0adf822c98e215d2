package org.wsched.jcstress.broken;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * A copy of {@link WorkStealingDeque}'s push/take/steal with ONE deliberate flaw, chosen by
 * {@link Flaw}, to show that the jcstress tests catch it. Everything else is the same code and
 * the same access modes. Never use outside the broken-variant tests. Steal returns
 * {@link WorkStealingDeque#EMPTY}/{@link WorkStealingDeque#RETRY} like the real one.
 */
public final class BrokenDeque<E> {

    /** The flaw this copy has. */
    public enum Flaw {
        /** take(): no full fence between the store of bottom and the load of top. */
        NO_TAKE_FENCE,
        /** steal(): no full fence between the load of top and the load of bottom. */
        NO_STEAL_FENCE,
        /** steal(): top and bottom read with plain loads and no fence (the JIT may reorder them). */
        PLAIN_STEAL,
        /** push(): bottom published (release) BEFORE the slot is written. */
        PUBLISH_BEFORE_WRITE,
        /** take(): the last element taken without the CAS on top. */
        NO_LAST_CAS
    }

    private static final VarHandle TOP;
    private static final VarHandle BOTTOM;
    private static final VarHandle ARRAY;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TOP = l.findVarHandle(BrokenDeque.class, "top", long.class);
            BOTTOM = l.findVarHandle(BrokenDeque.class, "bottom", long.class);
            ARRAY = l.findVarHandle(BrokenDeque.class, "array", Object[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean noTakeFence;
    private final boolean noStealFence;
    private final boolean plainSteal;
    private final boolean publishBeforeWrite;
    private final boolean noLastCas;
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
    private long top;
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;
    private long bottom;
    private Object[] array;

    public BrokenDeque(int capacity, Flaw flaw) {
        this.noTakeFence = flaw == Flaw.NO_TAKE_FENCE;
        this.noStealFence = flaw == Flaw.NO_STEAL_FENCE || flaw == Flaw.PLAIN_STEAL;
        this.plainSteal = flaw == Flaw.PLAIN_STEAL;
        this.publishBeforeWrite = flaw == Flaw.PUBLISH_BEFORE_WRITE;
        this.noLastCas = flaw == Flaw.NO_LAST_CAS;
        ARRAY.setRelease(this, new Object[Integer.highestOneBit(Math.max(2, capacity))]);
    }

    public void push(E e) {
        long b = (long) BOTTOM.get(this);
        long t = (long) TOP.getAcquire(this);
        Object[] a = (Object[]) ARRAY.get(this);
        if (b - t >= a.length) {
            Object[] n = new Object[a.length << 1];
            for (long i = t; i < b; i++) {
                n[(int) i & (n.length - 1)] = a[(int) i & (a.length - 1)];
            }
            ARRAY.setRelease(this, n);
            a = n;
        }
        if (publishBeforeWrite) {
            BOTTOM.setRelease(this, b + 1); // FLAW: a thief can see the new bottom before the element
            a[(int) b & (a.length - 1)] = e;
        } else {
            a[(int) b & (a.length - 1)] = e;
            BOTTOM.setRelease(this, b + 1);
        }
    }

    @SuppressWarnings("unchecked")
    public E take() {
        long b = (long) BOTTOM.get(this) - 1;
        Object[] a = (Object[]) ARRAY.get(this);
        BOTTOM.set(this, b);
        if (!noTakeFence) {
            VarHandle.fullFence(); // FLAW when skipped: StoreLoad missing
        }
        long t = (long) TOP.get(this);
        if (t > b) {
            BOTTOM.set(this, b + 1);
            return null;
        }
        int i = (int) b & (a.length - 1);
        Object e = a[i];
        if (t == b) {
            boolean won = noLastCas || TOP.compareAndSet(this, t, t + 1); // FLAW when noLastCas
            BOTTOM.set(this, b + 1);
            if (!won) {
                return null;
            }
        }
        a[i] = null;
        return (E) e;
    }

    public Object steal() {
        long t = plainSteal ? (long) TOP.get(this) : (long) TOP.getAcquire(this);
        if (!noStealFence) {
            VarHandle.fullFence(); // FLAW when skipped
        }
        long b = plainSteal ? (long) BOTTOM.get(this) : (long) BOTTOM.getAcquire(this);
        if (t >= b) {
            return WorkStealingDeque.EMPTY;
        }
        Object[] a = (Object[]) ARRAY.getAcquire(this);
        Object e = SLOT.getAcquire(a, (int) t & (a.length - 1));
        if (!TOP.compareAndSet(this, t, t + 1)) {
            return WorkStealingDeque.RETRY;
        }
        return e;
    }

    public boolean isEmpty() {
        return (long) BOTTOM.getOpaque(this) - (long) TOP.getOpaque(this) <= 0;
    }
}
