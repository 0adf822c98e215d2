package org.wsched.internal.deque;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.wsched.LongJob;
import org.wsched.internal.VarHandles;

/**
 * Padding: keeps the thief-written words of a {@link FrameStack} off the line before it. HotSpot
 * fills the 4-byte gap after a compressed header with any int-sized field of the class or of a
 * subclass; {@code p0h} takes it, so no hot field can land there, next to the previous object.
 */
abstract class FrameStackPad0 {
    @SuppressWarnings("unused")
    private int p0h;
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** The words thieves write: the claim word, the publication request and the owner's waiting flag. */
abstract class FrameStackShared extends FrameStackPad0 {
    /** {@code top << 32 | split}; accessed only through {@code FrameStack.TS}. */
    long ts;
    /**
     * What others ask of the owner at its next spawn, through {@code WANTED}: bit {@code REQUEST}, a
     * thief found nothing public and asks for a publication; bit {@code ATTENTION}, a submitter
     * raised the pool's "submissions waiting" flag (fairness, see {@code FrameStack.onAttention}).
     */
    int wanted;
    /** Non-zero: the owner may be parked in a stolen sync; through {@code WAITING}. */
    int waiting;
}

/** Padding: keeps the owner's plain fields off the thieves' line. */
abstract class FrameStackPad1 extends FrameStackShared {
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;
}

/**
 * The protocol of a worker's stack of spawn frames (Lace's split deque of task frames, van Dijk
 * &amp; van de Pol, Euro-Par 2014, with Cilk's fast clone), kept apart from job execution so that
 * the jcstress tests drive exactly this code. {@code org.wsched.Frames} is the one subclass in
 * the runtime; the jcstress tests subclass it too, and the broken variants override one of the
 * protected ordering steps ({@link #publishWord}, {@link #clearRequest}, {@link #takeBackWord},
 * {@link #completeStolen}, {@link #grown}, {@link #clearAttentionWord}).
 *
 * <h2>Layout</h2>
 * Frame records live in {@code stack} and are reused: a spawn at index {@code head} overwrites
 * record {@code head}. Indices {@code [0, top)} are claimed by thieves (or synced), {@code [top,
 * split)} are public (a thief may claim the one at {@code top}), {@code [split, head)} are private
 * (only the owner touches them, with plain accesses). {@code top} and {@code split} live in ONE
 * 64-bit word {@code ts}: a thief claims by CAS of the whole word, so after the owner moves
 * {@code split} down or resets {@code top}, a stale thief's CAS fails unless the word again
 * describes a public frame at {@code top}, which is then a valid claim. Thieves read a frame's
 * fields only after their CAS succeeded.
 *
 * <h2>Who writes what, with which order</h2>
 * Accessors are named by memory order (see the {@linkplain org.wsched.internal convention}).
 * <ul>
 *   <li>Owner, spawn: plain stores of job/ctx/arg (references only when they change, so the G1
 *       post-write barrier stays off the hot path), {@code head + 1}; publication (eagerly when
 *       nothing of the worker is public, or when a thief set {@code REQUEST} in {@code wanted})
 *       is a {@code getAndAdd} of the split part of {@code ts}: the frames' fields are visible to
 *       a thief whose CAS reads that value. The one opaque load of {@code wanted} per spawn also
 *       brings the {@code ATTENTION} bit (a submitter's request, see {@link #requestAttention()}),
 *       so attending to other work costs the spawn nothing more.</li>
 *   <li>Thief's request and submitter's attention: {@code getAndBitwiseOr} of their bit; the
 *       owner clears a bit with {@code getAndBitwiseAnd}, so neither erases the other's.</li>
 *   <li>Owner, sync of a private frame: plain. Of a public frame: {@code getAndAdd(ts, -1)}
 *       (full fence) moves split below it; the old {@code top} says whether a thief got there
 *       first. If one did, {@code top == split} and no claim can succeed, so the owner resets the
 *       word with a release store, waits for the frame's {@code DONE} (acquire), reads result and
 *       failure, then reuses the record.</li>
 *   <li>Thief: volatile load of {@code ts}; CAS {@code top + 1}; acquire load of {@code stack};
 *       plain loads of job/ctx/arg; runs the job; plain stores of result/failure; volatile store
 *       of {@code DONE}, then volatile load of {@code waiting} (Dekker with a parking owner).</li>
 *   <li>Growth allocates a larger array holding the SAME records plus new ones (records never
 *       move), published with a release store; a thief indexing the old array finds the same
 *       record the owner reads.</li>
 * </ul>
 * Invariant: every index below {@code top} was claimed, so a stolen frame at index {@code h}
 * implies every frame below it was claimed too, and after its sync {@code (h, h)} is exact.
 */
public class FrameStack extends FrameStackPad1 {

    /** {@code Frame.state} of a finished frame (written by the thief that ran it). */
    static final int DONE = 1;
    /** One unit of {@code top} in the {@code ts} word. */
    protected static final long TOP_ONE = 1L << 32;
    /** Bit of {@code wanted}: a thief asks for a publication. */
    protected static final int REQUEST = 1;
    /** Bit of {@code wanted}: the owner is asked to call {@link #onAttention()} at its next spawn. */
    protected static final int ATTENTION = 2;

    private static final VarHandle TS = VarHandles.field(MethodHandles.lookup(), FrameStackShared.class, "ts", long.class);
    private static final VarHandle WANTED = VarHandles.field(MethodHandles.lookup(), FrameStackShared.class, "wanted", int.class);
    private static final VarHandle WAITING = VarHandles.field(MethodHandles.lookup(), FrameStackShared.class, "waiting", int.class);
    private static final VarHandle STACK = VarHandles.field(MethodHandles.lookup(), FrameStack.class, "stack", Frame[].class);


    /** Returned by {@link #claim()} when a concurrent claim or take-back won the CAS. */
    public static final Frame LOST = new Frame();

    /**
     * One spawn: what to run and, once a thief ran it, the outcome. Owner writes job/ctx/arg
     * while the frame is private; a thief writes result/failure/done only after claiming it.
     */
    public static final class Frame {
        private static final VarHandle STATE = VarHandles.field(MethodHandles.lookup(), Frame.class, "state", int.class);
        private static final VarHandle THIEF = VarHandles.field(MethodHandles.lookup(), Frame.class, "thief", Object.class);


        /** The job; plain, written by the owner before publication. */
        public LongJob job;
        /** The job's context; plain, written by the owner before publication. */
        public Object ctx;
        /** The job's argument; plain, written by the owner before publication. */
        public long arg;
        /** A thief's result; plain, published by the DONE store. */
        public long result;
        /** A thief's failure or null; plain, published by the DONE store. */
        public Throwable failure;
        /** The greedy (centralized-pool) mode's task for this spawn; owner-only. */
        public Object task;
        private int state; // through STATE: 0, or DONE once the thief finished
        private Object thief; // through THIEF: a hint for the waiting owner

        /** Thief: the outcome is written; volatile so that the later load of waiting is ordered after it. */
        public void svDone() {
            STATE.setVolatile(this, DONE); // pairs with laDone()/lvDone() of the owner's stolen sync
        }

        /** Owner: whether the thief finished (acquire: its result and failure are visible). */
        public boolean laDone() {
            return (int) STATE.getAcquire(this) == DONE; // pairs with svDone() of the thief
        }

        /** Owner, before parking: a sequentially consistent look at DONE. */
        public boolean lvDone() {
            return (int) STATE.getVolatile(this) == DONE; // pairs with svDone(); Dekker with svWaiting()
        }

        /** Owner: forget DONE before the record is reused (published again by the next publication). */
        void spNotDone() {
            state = 0;
        }

        /** Thief: leave a hint who runs this frame (for the owner's helping). */
        public void sopThief(Object t) {
            THIEF.setOpaque(this, t); // pairs with loThief() of the waiting owner; a hint only
        }

        /** Owner: who runs this frame, or null/stale (a hint). */
        public Object loThief() {
            return THIEF.getOpaque(this); // pairs with sopThief()
        }
    }

    // Owner-only state: plain accesses by the owning thread.
    /** The records; the owner writes it with a release store (growth), thieves load it with acquire. */
    protected Frame[] stack;
    /** Next free index. */
    protected int head;
    /** The owner's copy of the split part of {@code ts} (only the owner changes split). */
    protected int split;
    /** The lowest index the running job may sync (frames below belong to enclosing jobs). */
    protected int base;
    /** Publish at the next spawn: nothing of this worker is public. */
    protected boolean eager = true;
    /** Index of the frame a {@code tryUnspawn()} found stolen and {@code syncStolen()} has to wait for, or -1. */
    protected int stolenAt = -1;

    /**
     * @param capacity initial number of frame records (grows by doubling, records never move)
     */
    protected FrameStack(int capacity) {
        Frame[] s = new Frame[Math.max(2, capacity)];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Frame();
        }
        stack = s;
    }

    // ------------------------------------------------------------------ owner

    /**
     * Owner: spawns a frame, with plain stores and one opaque load of {@code wanted} only, unless
     * nothing is public or a bit of {@code wanted} is set (then {@link #signalled(int)}).
     */
    protected final void push(LongJob job, Object ctx, long arg) {
        int h = head;
        Frame[] s = stack;
        if (h >= s.length) {
            s = grow();
        }
        Frame f = s[h];
        if (f.job != job) {
            f.job = job; // reference stores only when they change: no G1 post-write barrier usually
        }
        if (f.ctx != ctx) {
            f.ctx = ctx;
        }
        f.arg = arg;
        head = h + 1;
        int w = loWantedBits(); // pairs with requestPublication() of thieves, requestAttention() of submitters
        if (eager || w != 0) {
            signalled(w);
        }
    }

    /**
     * Owner, at a spawn that found nothing public or a bit of {@code wanted} set ({@code w}, as
     * the spawn read it): publishes if nothing is public or a thief asked, then calls
     * {@link #onAttention()} if attention was asked.
     */
    private void signalled(int w) {
        if (eager || (w & REQUEST) != 0) {
            publish();
        }
        if ((w & ATTENTION) != 0) {
            onAttention();
        }
    }

    /**
     * Owner hook, called at a spawn while attention is asked ({@link #requestAttention()}); the
     * bit stays set until the owner clears it with {@link #clearAttention}, so this is called at
     * every spawn until then. Default: clears it (nothing here needs attention).
     */
    protected void onAttention() {
        clearAttention(() -> false);
    }

    /**
     * Any thread (a submitter, after it raised the pool's "submissions waiting" flag): asks the
     * owner to call {@link #onAttention()} at its next spawn. Written only if not yet set.
     * Dekker with {@link #clearAttention}: the requester makes its condition true (a volatile
     * store), then reads {@code wanted} here with a volatile load; the owner clears the bit
     * with a full fence, then reads the condition. One of the two sees the other's write, so the
     * bit is never left clear while the condition holds.
     */
    public final void requestAttention() {
        if (((int) WANTED.getVolatile(this) & ATTENTION) == 0) { // pairs with clearAttentionWord() of the owner
            WANTED.getAndBitwiseOr(this, ATTENTION); // pairs with loWantedBits() in push(); atomic: keeps REQUEST
        }
    }

    /**
     * Owner: forgets the attention request, then asks {@code stillWanted} once more (it must read
     * the requester's condition with a volatile load) and asks again if it holds (see
     * {@link #requestAttention()}).
     *
     * @param stillWanted the requester's condition, read after the clear
     */
    protected final void clearAttention(BooleanSupplier stillWanted) {
        clearAttentionWord();
        if (stillWanted.getAsBoolean()) {
            requestAttention();
        }
    }

    /**
     * Ordering step of {@link #clearAttention}: clears the bit with a {@code getAndBitwiseAnd}
     * (atomic, so a thief's concurrent REQUEST survives; a full fence, so the look at the
     * requester's condition that follows cannot be satisfied before it).
     */
    protected void clearAttentionWord() {
        WANTED.getAndBitwiseAnd(this, ~ATTENTION); // pairs with the volatile load in requestAttention()
    }

    /** Whether attention is asked (opaque; for tests). */
    protected final boolean loAttention() {
        return (loWantedBits() & ATTENTION) != 0;
    }

    /** Owner: makes every private frame public (the runtime adds the wake-up hint). */
    protected void publish() {
        publishAll();
    }

    /** Owner: {@code split = head}. */
    protected final void publishAll() {
        eager = false;
        clearRequest();
        int h = head;
        publishWord(h - split);
        split = h;
    }

    /**
     * Ordering step of publication: forgets a thief's request BEFORE the publishing
     * {@code getAndAdd}, so that a request made by a thief that saw this publication's word
     * (and found it already claimed) survives and causes the next publication.
     */
    protected void clearRequest() {
        if (loWanted()) { // pairs with the getAndBitwiseOr() in requestPublication() of thieves
            // Atomic, so a submitter's concurrent ATTENTION survives; ordered before the gaaTs() after it.
            WANTED.getAndBitwiseAnd(this, ~REQUEST); // pairs with loWanted() in requestPublication()
        }
    }

    /** Whether a thief asked for a publication (opaque). */
    protected final boolean loWanted() {
        return (loWantedBits() & REQUEST) != 0;
    }

    /** The bits of {@code wanted} (opaque: seen eventually, no ordering needed to act on them). */
    protected final int loWantedBits() {
        return (int) WANTED.getOpaque(this); // pairs with the getAndBitwiseOr()s of thieves and submitters
    }

    /**
     * An opaque store of {@code wanted}. The protocol never uses it: only the jcstress broken
     * variants do, to show that clearing a bit must be atomic and fenced.
     */
    protected final void sopWantedBits(int v) {
        WANTED.setOpaque(this, v); // pairs with nothing: deliberately unsafe (broken variants only)
    }

    /**
     * Ordering step of publication: adds {@code delta} to the split part of {@code ts}. A
     * {@code getAndAdd} (full fence): the frames' fields, written before, are visible to a thief
     * whose CAS reads the new word; it never overwrites a concurrent claim.
     */
    protected void publishWord(int delta) {
        gaaTs(delta); // pairs with lvTs()/casTs() in claim()
    }

    /**
     * Owner: takes back public frame {@code h == split - 1 == head - 1}.
     *
     * @return true if no thief claimed it: the owner owns it and {@code head == h} now; false if a
     *     thief claimed it: {@code head} stays {@code h + 1} until {@link #finishStolen(int)}
     */
    protected final boolean takeBack(int h) {
        long old = takeBackWord();
        int t = (int) (old >>> 32);
        if (t <= h) {
            split = h;
            head = h;
            if (t == h) {
                eager = true; // nothing of this worker is public any more
            }
            return true;
        }
        // Claimed, and (top only grows) every frame below h too. The word is (h + 1, h): top >
        // split, so no thief's CAS can succeed until the owner publishes again.
        soTs((long) (h + 1) << 32 | (h + 1)); // pairs with lvTs() in claim() of thieves
        split = h + 1;
        eager = true;
        return false;
    }

    /**
     * Ordering step of take-back: decrements split with a full fence (StoreLoad: the owner's
     * claim is visible before it learns {@code top}), returning the old word.
     */
    protected long takeBackWord() {
        return gaaTs(-1L); // pairs with casTs() in claim()
    }

    /** Owner: after the stolen frame {@code h} was synced, everything from {@code h} up is free. */
    protected final void finishStolen(int h) {
        Frame f = stack[h];
        f.failure = null;
        f.spNotDone(); // reused only now: the thief's last write (DONE) was seen by laDone()
        head = h;
        split = h;
        // top == split == h + 1 before: no claim can succeed in between, so a store is exact.
        soTs((long) h << 32 | h); // pairs with lvTs() in claim() of thieves
    }

    /** Owner: waiting flag around a park, volatile: Dekker with the thief's DONE store. */
    protected final void svWaiting(boolean w) {
        WAITING.setVolatile(this, w ? 1 : 0); // pairs with lvWaiting() after svDone() in the thief
    }

    private Frame[] grow() {
        Frame[] n = grown(stack);
        soStack(n); // pairs with laStack() in claim(): new records exist before use
        return n;
    }

    /** Growth step: a twice larger array holding the same records (never moved) plus new ones. */
    protected Frame[] grown(Frame[] old) {
        Frame[] n = Arrays.copyOf(old, old.length * 2);
        for (int i = old.length; i < n.length; i++) {
            n[i] = new Frame();
        }
        return n;
    }

    // ------------------------------------------------------------------ thieves

    /**
     * Thief: claims the oldest public frame.
     *
     * @return the claimed frame (read its fields now), null if nothing is public (a
     *     publication was requested), or {@link #LOST} if a concurrent claim or take-back won
     */
    protected final Frame claim() {
        long w = lvTs();
        int t = (int) (w >>> 32);
        if (t >= (int) w) {
            requestPublication();
            return null;
        }
        if (!casTs(w, w + TOP_ONE)) { // pairs with gaaTs() in publishWord()/takeBackWord() of the owner
            return LOST;
        }
        return laStack()[t];
    }

    /** Thief: whether frames remain public after a claim (to pass a wake-up on). */
    protected final boolean hasPublic() {
        long w = lvTs();
        return (int) (w >>> 32) < (int) w;
    }

    /** Thief: asks the owner to publish at its next spawn (written only if not yet set). */
    protected final void requestPublication() {
        if (!loWanted()) { // pairs with the getAndBitwiseAnd() in clearRequest()
            WANTED.getAndBitwiseOr(this, REQUEST); // pairs with loWantedBits() in push(); atomic: keeps ATTENTION
        }
    }

    /**
     * Completion step of a thief: result and failure, then DONE (volatile: the owner's acquire
     * of DONE sees them; the record is never touched by this thief after it).
     */
    protected void completeStolen(Frame f, long result, Throwable failure) {
        f.result = result;
        if (failure != null) {
            f.failure = failure;
        }
        f.svDone();
    }

    /** Thief, after {@link #completeStolen}: whether the owner may be parked. */
    protected final boolean lvWaiting() {
        return (int) WAITING.getVolatile(this) != 0; // pairs with svWaiting() of the owner
    }

    // ---- accessors named by memory order (see the convention in org.wsched.internal)

    /** The claim word, sequentially consistent. */
    protected final long lvTs() {
        return (long) TS.getVolatile(this); // pairs with gaaTs()/soTs() of the owner
    }

    /**
     * An opaque (unordered) store of the claim word. The protocol never uses it: only the jcstress
     * broken variants do, to show that the owner's read-modify-write steps must be atomic and fenced.
     */
    protected final void sopTs(long w) {
        TS.setOpaque(this, w); // pairs with nothing: deliberately unsafe (broken variants only)
    }

    private void soTs(long w) {
        TS.setRelease(this, w);
    }

    private long gaaTs(long delta) {
        return (long) TS.getAndAdd(this, delta);
    }

    private boolean casTs(long expect, long update) {
        return TS.compareAndSet(this, expect, update);
    }

    private void soStack(Frame[] n) {
        STACK.setRelease(this, n);
    }

    /** The records, as a thief must load them. */
    protected final Frame[] laStack() {
        return (Frame[]) STACK.getAcquire(this); // pairs with soStack() in grow()
    }
}
