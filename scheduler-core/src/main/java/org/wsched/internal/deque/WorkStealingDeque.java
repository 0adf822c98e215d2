package org.wsched.internal.deque;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A growable Chase–Lev work-stealing deque.
 *
 * <p>One thread, the <em>owner</em>, pushes and takes at the bottom ({@link #push},
 * {@link #take}); any thread may {@link #steal} from the top. The algorithm is Chase and Lev,
 * "Dynamic Circular Work-Stealing Deque" (SPAA 2005), with the memory orderings proved correct
 * for weak memory models by Lê, Pop, Cohen and Zappa Nardelli, "Correct and Efficient
 * Work-Stealing for Weak Memory Models" (PPoPP 2013), mapped onto Java's {@link VarHandle}
 * access modes. Indices are {@code long} and never wrap.
 *
 * <h2>Memory-ordering argument</h2>
 * <ul>
 *   <li><b>push</b> writes the slot with a plain store, then publishes {@code bottom + 1} with a
 *       release store: a thief that reads the new bottom with an acquire load sees the element.
 *   <li><b>take</b> stores {@code bottom − 1}, then issues a full fence before it reads
 *       {@code top}. Without the StoreLoad fence the owner could read a stale top while a thief
 *       reads a stale bottom, and both would take the last element. When exactly one element
 *       remains, owner and thieves race for it with a CAS on {@code top}.
 *   <li><b>steal</b> reads {@code top} (acquire), issues a full fence, reads {@code bottom}
 *       (acquire) and, if the deque is not empty, reads the array and the element <em>before</em>
 *       claiming it with a CAS on {@code top}. A failed CAS means another thief or the owner won;
 *       the caller decides whether to retry ({@link #RETRY}).
 *   <li><b>grow</b> copies the live range into a new array twice the size and publishes it with
 *       a release store; thieves read the array with an acquire load. The old array is never
 *       written again, so a thief that read it still finds its element there and returns it only
 *       if its CAS on {@code top} succeeds: no slot is returned after the owner reused it.
 * </ul>
 * The owner may reuse a slot only when {@code bottom − top} reaches the capacity, and then it
 * grows instead, so the slot a thief read before its successful CAS was not overwritten.
 *
 * <p>The owner clears the slots it takes, so that finished tasks are not retained; slots
 * emptied by thieves are overwritten by later pushes (a thief must not write the array).
 *
 * @param <E> element type
 */
public final class WorkStealingDeque<E> {

    /** {@link #steal()} result: the deque was empty. */
    public static final Object EMPTY = new Object() {
        @Override
        public String toString() {
            return "EMPTY";
        }
    };

    /** {@link #steal()} result: lost a race for the top element; the deque may still hold work. */
    public static final Object RETRY = new Object() {
        @Override
        public String toString() {
            return "RETRY";
        }
    };

    private static final int MIN_CAPACITY = 16;
    private static final VarHandle TOP;
    private static final VarHandle BOTTOM;
    private static final VarHandle ARRAY;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TOP = l.findVarHandle(WorkStealingDeque.class, "top", long.class);
            BOTTOM = l.findVarHandle(WorkStealingDeque.class, "bottom", long.class);
            ARRAY = l.findVarHandle(WorkStealingDeque.class, "array", Object[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Padding keeps top (written by thieves) and bottom (written by the owner) on separate
    // cache lines, and both away from neighbouring objects.
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
    private long top; // accessed only through TOP with the mode each call site names
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;
    private long bottom; // accessed only through BOTTOM
    private Object[] array; // accessed only through ARRAY
    @SuppressWarnings("unused")
    private long p20, p21, p22, p23, p24, p25, p26, p27;

    /** Creates an empty deque with the default initial capacity. */
    public WorkStealingDeque() {
        this(MIN_CAPACITY);
    }

    /**
     * Creates an empty deque.
     *
     * @param initialCapacity initial capacity, rounded up to a power of two (at least 2)
     */
    public WorkStealingDeque(int initialCapacity) {
        if (initialCapacity < 1 || initialCapacity > (1 << 30)) {
            throw new IllegalArgumentException(
                    "initialCapacity must be between 1 and 2^30, was " + initialCapacity);
        }
        int cap = Math.max(2, Integer.highestOneBit(initialCapacity));
        if (cap < initialCapacity) {
            cap <<= 1;
        }
        ARRAY.setRelease(this, new Object[cap]); // pairs with laArray(): safe publication of the deque
    }

    /**
     * Owner only: pushes an element at the bottom.
     *
     * @param e the element, not null
     */
    public void push(E e) {
        long b = lpBottom();
        long t = laTop(); // pairs with the CAS on top in steal()/take(): sees slots freed by thieves
        Object[] a = lpArray();
        if (b - t >= a.length) {
            a = grow(a, t, b);
        }
        a[(int) b & (a.length - 1)] = e; // plain: published by the release store of bottom below
        srBottom(b + 1); // pairs with laBottom() in steal(): the element is visible before the new bottom
    }

    /**
     * Owner only: takes the most recently pushed element from the bottom.
     *
     * @return the element, or {@code null} if the deque is empty (or a thief took the last one)
     */
    @SuppressWarnings("unchecked")
    public E take() {
        long b = lpBottom() - 1;
        Object[] a = lpArray();
        spBottom(b);
        // StoreLoad: the claim on bottom must be visible before top is read; pairs with the
        // fence between the top and bottom loads in steal(). Removing it duplicates the last element.
        VarHandle.fullFence();
        long t = lpTop();
        if (t > b) {
            spBottom(b + 1); // empty: restore; no thief reads past top, ordering not needed
            return null;
        }
        int i = (int) b & (a.length - 1);
        Object e = a[i];
        if (t == b) {
            // Last element: race with thieves for it by claiming top.
            boolean won = casTop(t, t + 1); // pairs with casTop() in steal()
            spBottom(b + 1);
            if (!won) {
                return null;
            }
        }
        a[i] = null; // owner-only clear: no thief can read index b any more (see class comment)
        return (E) e;
    }

    /**
     * Any thread: tries to take the oldest element from the top.
     *
     * @return the element; or {@link #EMPTY} if the deque was seen empty; or {@link #RETRY} if
     *     another thread claimed the top element first (the deque may still hold elements)
     */
    public Object steal() {
        long t = laTop(); // pairs with casTop() of other thieves and of take()
        // StoreLoad/LoadLoad: pairs with the fence in take(); top must be read before bottom.
        VarHandle.fullFence();
        long b = laBottom(); // pairs with srBottom() in push(): the slot below b is written
        if (t >= b) {
            return EMPTY;
        }
        Object[] a = laArray(); // pairs with srArray() in grow(): the copied slots are visible
        Object e = SLOT.getAcquire(a, (int) t & (a.length - 1)); // read before the claim below
        if (!casTop(t, t + 1)) { // pairs with casTop() in take() and other thieves
            return RETRY;
        }
        return e;
    }

    /**
     * Owner only: the element {@link #take()} would return next, without removing it; may be
     * stale if thieves are active (a non-null answer can already be stolen).
     *
     * @return the bottom element, or {@code null} if the deque looks empty
     */
    @SuppressWarnings("unchecked")
    public E peekBottom() {
        long b = lpBottom() - 1;
        if (b < loTop()) { // pairs with casTop(): a possibly stale top only makes the answer stale
            return null;
        }
        Object[] a = lpArray();
        return (E) a[(int) b & (a.length - 1)];
    }

    /**
     * Any thread: an estimate of the number of elements; exact when no other thread is active.
     *
     * @return the estimated size, never negative
     */
    public int size() {
        long b = loBottom(); // pairs with srBottom()/spBottom() of the owner; a stale value is fine
        long t = loTop(); // pairs with casTop(); a stale value is fine
        long n = b - t;
        return n <= 0 ? 0 : (int) Math.min(n, Integer.MAX_VALUE);
    }

    /**
     * Any thread: whether the deque looks empty (see {@link #size()}).
     *
     * @return true if no element is visible
     */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Current capacity of the backing array (for tests and diagnostics).
     *
     * @return the capacity
     */
    public int capacity() {
        return laArray().length; // pairs with srArray() in grow()
    }

    private Object[] grow(Object[] old, long t, long b) {
        int newCap = old.length << 1;
        if (newCap <= 0) {
            throw new IllegalStateException("work-stealing deque cannot grow past 2^30 elements");
        }
        Object[] a = new Object[newCap];
        for (long i = t; i < b; i++) {
            a[(int) i & (newCap - 1)] = old[(int) i & (old.length - 1)];
        }
        srArray(a); // pairs with laArray() in steal(): copied slots are visible before the array
        return a;
    }

    // ---- accessors named by memory order (see org.wsched.internal package-info) ----

    private long lpBottom() {
        return (long) BOTTOM.get(this);
    }

    private long loBottom() {
        return (long) BOTTOM.getOpaque(this);
    }

    private long laBottom() {
        return (long) BOTTOM.getAcquire(this);
    }

    private void spBottom(long v) {
        BOTTOM.set(this, v);
    }

    private void srBottom(long v) {
        BOTTOM.setRelease(this, v);
    }

    private long lpTop() {
        return (long) TOP.get(this);
    }

    private long loTop() {
        return (long) TOP.getOpaque(this);
    }

    private long laTop() {
        return (long) TOP.getAcquire(this);
    }

    private boolean casTop(long expect, long update) {
        return TOP.compareAndSet(this, expect, update);
    }

    private Object[] lpArray() {
        return (Object[]) ARRAY.get(this);
    }

    private Object[] laArray() {
        return (Object[]) ARRAY.getAcquire(this);
    }

    private void srArray(Object[] a) {
        ARRAY.setRelease(this, a);
    }
}
