package org.wsched.internal.deque;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.wsched.internal.VarHandles;

/**
 * A growable Chase–Lev work-stealing deque, with an optional private region at the owner's end.
 *
 * <p>One thread, the <em>owner</em>, pushes and takes at the bottom ({@link #push},
 * {@link #take}); any thread may {@link #steal} from the top. The algorithm is Chase and Lev,
 * "Dynamic Circular Work-Stealing Deque" (SPAA 2005), with the memory orderings proved correct
 * for weak memory models by Lê, Pop, Cohen and Zappa Nardelli, "Correct and Efficient
 * Work-Stealing for Weak Memory Models" (PPoPP 2013), mapped onto Java's {@link VarHandle}
 * access modes. Indices are {@code long} and never wrap.
 *
 * <h2>Two modes</h2>
 * <ul>
 *   <li><b>{@linkplain #classic classic}</b>: every pushed element is visible to thieves at once;
 *       every {@code take} pays a full fence. This is textbook Chase–Lev.
 *   <li><b>{@linkplain #split split}</b> (the pool's default): as in Lace's split deque (van Dijk
 *       and van de Pol, Euro-Par 2014), the deque is cut at an index {@code split}: thieves see
 *       only {@code [top, split)}; elements at or above {@code split} are private to the owner,
 *       who pushes and takes them with plain memory accesses, no fence and no CAS. The owner
 *       <em>publishes</em> (moves {@code split} up with a release store) when a push finds no
 *       element left for thieves, or when a thief has asked for work (a flag a thief sets when it
 *       finds the public part empty but private elements exist). A {@code take} that reaches the
 *       public part runs the Chase–Lev protocol against {@code split} instead of {@code bottom}.
 *       Cost: a private element becomes stealable only at the owner's next push or take.
 * </ul>
 *
 * <h2>Memory-ordering argument</h2>
 * From a thief's point of view {@code split} is the Chase–Lev {@code bottom}; the owner's private
 * accesses touch only indices {@code >= split}, which no thief reads.
 * <ul>
 *   <li><b>publish</b> (push in classic mode): the slot is written with a plain store, then
 *       {@code split} is raised with a release store: a thief that reads the new split with an
 *       acquire load sees the elements below it.
 *   <li><b>take of a public element</b>: stores {@code split − 1}, then a full fence, then reads
 *       {@code top}. Without the StoreLoad fence the owner could read a stale top while a thief
 *       reads a stale split, and both would take the last element. When exactly one element
 *       remains, owner and thieves race for it with a CAS on {@code top}.
 *   <li><b>steal</b> reads {@code top} (acquire), issues a full fence, reads {@code split}
 *       (acquire) and, if the public part is not empty, reads the array and the element
 *       <em>before</em> claiming it with a CAS on {@code top}. A failed CAS means another thief or
 *       the owner won; the caller decides whether to retry ({@link #RETRY}).
 *   <li><b>grow</b> copies the live range into a new array twice the size and publishes it with
 *       a release store; thieves read the array with an acquire load. The old array is never
 *       written again, so a thief that read it still finds its element there and returns it only
 *       if its CAS on {@code top} succeeds: no slot is returned after the owner reused it.
 * </ul>
 * The owner may reuse a slot only when {@code bottom − top} reaches the capacity, and then it
 * grows instead, so the slot a thief read before its successful CAS was not overwritten. The
 * owner clears the slots it takes, so finished tasks are not retained; slots emptied by thieves
 * are overwritten by later pushes (a thief must not write the array).
 *
 * <h2>Accessors</h2>
 * Every non-plain access goes through an accessor named by its memory order (see the
 * {@linkplain org.wsched.internal convention}). Three ordering steps are package-private and
 * overridable ({@code takeFence()}, {@code casTop}, {@code spSlot}; the class is not final
 * only for them): the jcstress broken variants override one each with a weaker step, so
 * the broken deque is this code, not a copy. No subclass exists in the runtime, so the JIT
 * inlines them as if they were private.
 *
 * @param <E> element type
 */
public class WorkStealingDeque<E> extends WorkStealingDequeOwner {

    /** {@link #steal()} result: nothing stealable was seen. */
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
    private static final VarHandle TOP = VarHandles.field(MethodHandles.lookup(), WorkStealingDequeTop.class, "top", long.class);
    private static final VarHandle SPLIT = VarHandles.field(MethodHandles.lookup(), WorkStealingDequeShared.class, "split", long.class);
    private static final VarHandle BOTTOM = VarHandles.field(MethodHandles.lookup(), WorkStealingDequeOwner.class, "bottom", long.class);
    private static final VarHandle ARRAY = VarHandles.field(MethodHandles.lookup(), WorkStealingDequeOwner.class, "array", Object[].class);
    private static final VarHandle REQUESTED = VarHandles.field(MethodHandles.lookup(), WorkStealingDequeShared.class, "requested", int.class);
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);


    // The fields live in the superclass chain of WorkStealingDequeLayout.java (HotSpot lays out a
    // superclass's fields first and reorders the fields of one class by size, so only a class
    // chain keeps them in this order): padding, top (thieves' CAS), padding, split and requested
    // (the shared line), padding, the
    // owner's bottom, array, ownerSplit and eager, and this class's trailing padding.
    @SuppressWarnings("unused")
    private long p30, p31, p32, p33, p34, p35, p36, p37;

    /** Creates an empty classic deque with the default initial capacity (see {@link #classic}). */
    public WorkStealingDeque() {
        this(MIN_CAPACITY);
    }

    /**
     * Creates an empty classic deque (see {@link #classic}).
     *
     * @param initialCapacity initial capacity, rounded up to a power of two (at least 2)
     */
    public WorkStealingDeque(int initialCapacity) {
        this(initialCapacity, true);
    }

    /**
     * Creates an empty deque (for the constructors, the factories and the jcstress broken variants).
     *
     * @param initialCapacity initial capacity, rounded up to a power of two (at least 2)
     * @param eager true: classic (every push publishes); false: split
     */
    WorkStealingDeque(int initialCapacity, boolean eager) {
        super(eager);
        if (initialCapacity < 1 || initialCapacity > (1 << 30)) {
            throw new IllegalArgumentException(
                    "initialCapacity must be between 1 and 2^30, was " + initialCapacity);
        }
        int cap = Math.max(2, Integer.highestOneBit(initialCapacity));
        if (cap < initialCapacity) {
            cap <<= 1;
        }
        soArray(new Object[cap]); // pairs with laArray() in steal(): the deque's array is published safely
    }

    /**
     * A textbook Chase–Lev deque: every push is visible to thieves; every take fences.
     *
     * @param initialCapacity initial capacity, rounded up to a power of two
     * @param <E> element type
     * @return an empty deque
     */
    public static <E> WorkStealingDeque<E> classic(int initialCapacity) {
        return new WorkStealingDeque<>(initialCapacity, true);
    }

    /**
     * A split deque: pushes stay private to the owner (no fence to take them back) until a push
     * finds nothing left for thieves or a thief asks (see the class comment).
     *
     * @param initialCapacity initial capacity, rounded up to a power of two
     * @param <E> element type
     * @return an empty deque
     */
    public static <E> WorkStealingDeque<E> split(int initialCapacity) {
        return new WorkStealingDeque<>(initialCapacity, false);
    }

    /**
     * Owner only: pushes an element at the bottom.
     *
     * @param e the element, not null
     * @return true if this push made elements stealable (published them)
     */
    public boolean push(E e) {
        long b = lpBottom();
        long t = laTop(); // pairs with the CAS on top in steal()/take(): sees slots freed by thieves
        Object[] a = lpArray();
        if (b - t >= a.length) {
            a = grow(a, t, b);
        }
        spSlot(a, b, e); // plain: published by the ordered store of split in publish() below
        sopBottom(b + 1); // pairs with loBottom() in size()/steal(): a hint only
        long s = ownerSplit;
        if (eager || t >= s || loRequested()) {
            // Nothing left for thieves, or one asked: publish the older half of the private part.
            publish(s + ((b + 1 - s + 1) >> 1));
            return true;
        }
        return false;
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
        long s = ownerSplit;
        int i = (int) b & (a.length - 1);
        if (b >= s) {
            // Private element: no thief can read index b. Plain accesses only.
            if (b > s && loRequested()) {
                // A thief asked: share the older half of what will be left. Done before the
                // element is removed (the new split is at most b, so index b stays private), so
                // that no call follows the removal: an error thrown at a call (a StackOverflowError
                // at the edge of the stack) leaves the element in the deque, never lost.
                publish(s + ((b - s + 1) >> 1));
            }
            sopBottom(b); // pairs with loBottom() in size()/steal(): a hint only
            Object e = a[i];
            a[i] = null;
            return (E) e;
        }
        // Public element (b == s − 1): Chase–Lev take against split.
        boolean won = false; // for the repair below: whether the CAS on top claimed the element
        try {
            spSplit(b); // plain: made visible by the fence below
            ownerSplit = b;
            sopBottom(b); // pairs with loBottom() in size()/steal(): a hint only
            takeFence();
            long t = lpTop(); // after the fence: sees every claim on top made before it
            if (t > b) {
                restore(b + 1); // empty: thieves took everything
                return null;
            }
            Object e = a[i];
            if (t == b) {
                // Last public element: race with thieves for it by claiming top.
                won = casTop(t, t + 1); // pairs with casTop() in steal()
                restore(b + 1);
                if (!won) {
                    return null;
                }
            }
            a[i] = null; // owner-only clear: no thief can read index b any more (see class comment)
            return (E) e;
        } catch (Throwable err) {
            // An error thrown at one of the calls above (a StackOverflowError at the very edge of
            // the owner's stack: in the interpreter every accessor is a call) must not lose the
            // element. Repair with plain field stores, which make no call: back to split = bottom
            // = b + 1, so an element nobody claimed is public again (a thief that took it by CAS
            // meanwhile moved top past it), and one this take claimed is returned.
            ownerSplit = b + 1;
            split = b + 1; // plain: the owner's next fence or release store publishes it
            bottom = b + 1;
            if (won) {
                Object e = a[i];
                a[i] = null;
                return (E) e;
            }
            throw err;
        }
    }

    /**
     * Owner only: removes {@code e} if it is the bottom element and private, with plain memory
     * accesses (no fence, no CAS): the join fast path, where the joined element is usually the
     * one pushed last. Otherwise changes nothing (the caller falls back to {@link #take()}).
     * Only index {@code bottom − 1 ≥ split} is touched, which no thief reads: the argument of
     * {@code take()}'s private branch.
     *
     * @param e the element expected at the bottom
     * @return true if {@code e} was removed; the caller owns it
     */
    public boolean takeIfBottom(Object e) {
        long b = lpBottom() - 1;
        long s = ownerSplit;
        Object[] a = lpArray();
        int i = (int) b & (a.length - 1);
        if (b < s || a[i] != e) {
            return false; // empty, public (b < split: thieves may race for it) or not the bottom
        }
        if (b > s && loRequested()) { // pairs with sopRequested(true) in steal(); a later request is served at the next push/take
            // A thief asked: share the older half of what will be left, before the removal (as
            // in take(): no call follows the removal).
            publish(s + ((b - s + 1) >> 1));
        }
        sopBottom(b); // pairs with loBottom() in size()/steal(): a hint only
        a[i] = null;
        return true;
    }

    /**
     * Any thread: tries to take the oldest public element from the top. If the public part is
     * empty but the owner holds private elements, asks the owner to publish some.
     *
     * @return the element; or {@link #EMPTY} if nothing stealable was seen; or {@link #RETRY} if
     *     another thread claimed the top element first (the deque may still hold elements)
     */
    public Object steal() {
        long t = laTop(); // pairs with casTop() of other thieves and of take()
        // StoreLoad/LoadLoad: pairs with the fence in take(); top must be read before split.
        VarHandle.fullFence();
        long s = laSplit(); // pairs with soSplit() in publish(): the slots below s are written
        if (t >= s) {
            if (loBottom() > s && !loRequested()) { // pairs with sopBottom(): private work exists
                sopRequested(true); // pairs with loRequested() of the owner in push()/take()
            }
            return EMPTY;
        }
        Object[] a = laArray(); // pairs with soArray() in grow(): the copied slots are visible
        Object e = laSlot(a, t); // read before the claim below
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
     * Any thread: an estimate of the number of elements, private ones included; exact when no
     * other thread is active.
     *
     * @return the estimated size, never negative
     */
    public int size() {
        long b = loBottom(); // pairs with sopBottom() of the owner; a stale value is fine
        long t = loTop(); // pairs with casTop(); a stale value is fine
        long n = b - t;
        return n <= 0 ? 0 : (int) Math.min(n, Integer.MAX_VALUE);
    }

    /**
     * Any thread: an estimate of the number of elements thieves can take now.
     *
     * @return the estimated public size, never negative
     */
    public int stealableSize() {
        long s = loSplit(); // pairs with soSplit() in publish(); a stale value is fine
        long t = loTop(); // pairs with casTop(); a stale value is fine
        long n = s - t;
        return n <= 0 ? 0 : (int) Math.min(n, Integer.MAX_VALUE);
    }

    /**
     * Any thread: whether the deque looks empty, private elements included (see {@link #size()}).
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
        return laArray().length; // pairs with soArray() in grow()
    }

    /** Owner: make every index below {@code newSplit} stealable. */
    private void publish(long newSplit) {
        if (loRequested()) {
            sopRequested(false); // pairs with loRequested() in steal(); a thief asking again after this is served at the next push/take
        }
        ownerSplit = newSplit;
        soSplit(newSplit); // pairs with laSplit() in steal(): the published slots are visible first
    }

    /** Owner: the deque is empty at index {@code i}: top == split == bottom == i (or top > i). */
    private void restore(long i) {
        ownerSplit = i;
        spSplit(i); // no thief reads past top, which is already >= i: ordering not needed
        sopBottom(i); // pairs with loBottom() in size()/steal(): a hint only
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
        soArray(a); // pairs with laArray() in steal(): copied slots are visible before the array
        return a;
    }

    // ---- ordering steps the jcstress broken variants override (package-private, see class comment)

    /**
     * The StoreLoad fence of {@link #take()} between the claim on split and the load of top;
     * pairs with the fence between the top and split loads in {@link #steal()}. Without it the
     * owner and a thief can both take the last element.
     */
    void takeFence() {
        VarHandle.fullFence(); // StoreLoad: the claim on split is visible before top is read
    }

    /** Claims the element at top; pairs with the casTop() of the other side (owner's take, thieves). */
    boolean casTop(long expect, long update) {
        return TOP.compareAndSet(this, expect, update);
    }

    /** Writes slot {@code i} of the owner's array (plain: published by {@code soSplit()} after it). */
    void spSlot(Object[] a, long i, Object e) {
        a[(int) i & (a.length - 1)] = e;
    }

    // ---- accessors named by memory order (see the convention in org.wsched.internal)

    private long lpBottom() {
        return (long) BOTTOM.get(this);
    }

    private long loBottom() {
        return (long) BOTTOM.getOpaque(this);
    }

    private void sopBottom(long v) {
        BOTTOM.setOpaque(this, v);
    }

    private long laSplit() {
        return (long) SPLIT.getAcquire(this);
    }

    private long loSplit() {
        return (long) SPLIT.getOpaque(this);
    }

    private void spSplit(long v) {
        SPLIT.set(this, v);
    }

    /** Publishes every index below {@code v}; package-private for the broken variant that publishes early. */
    final void soSplit(long v) {
        SPLIT.setRelease(this, v);
    }

    /** Plain load of top (owner, after its fence; and the broken variants). */
    final long lpTop() {
        return (long) TOP.get(this);
    }

    /** Plain store of top: never used by the protocol, only by the broken variant of {@code casTop}. */
    final void spTop(long v) {
        TOP.set(this, v);
    }

    private long loTop() {
        return (long) TOP.getOpaque(this);
    }

    private long laTop() {
        return (long) TOP.getAcquire(this);
    }

    private boolean loRequested() {
        return (int) REQUESTED.getOpaque(this) != 0;
    }

    private void sopRequested(boolean v) {
        REQUESTED.setOpaque(this, v ? 1 : 0);
    }

    private Object[] lpArray() {
        return (Object[]) ARRAY.get(this);
    }

    private Object[] laArray() {
        return (Object[]) ARRAY.getAcquire(this);
    }

    private void soArray(Object[] a) {
        ARRAY.setRelease(this, a);
    }

    private static Object laSlot(Object[] a, long i) {
        return SLOT.getAcquire(a, (int) i & (a.length - 1)); // pairs with soSplit()/soArray(): the slot was written before
    }
}
