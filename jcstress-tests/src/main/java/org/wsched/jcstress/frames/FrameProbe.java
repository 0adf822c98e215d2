package org.wsched.jcstress.frames;

import java.util.function.BooleanSupplier;
import org.wsched.LongJob;
import org.wsched.internal.deque.FrameStack;

/**
 * The real {@link FrameStack} protocol with public handles for the jcstress actors: the owner's
 * spawn, publication, take-back (what {@code Frames.sync()}/{@code tryUnspawn()} do for a public
 * frame) and reset after a stolen sync; the thief's claim and completion. Broken variants subclass
 * it and override ONE protected ordering step of {@link FrameStack}.
 */
public class FrameProbe extends FrameStack {

    /** Two distinguishable jobs and a context (never run: the tests check identities). */
    public static final LongJob JOB_A = (f, c, a) -> 1L;
    public static final LongJob JOB_B = (f, c, a) -> 2L;
    public static final Object CTX = new Object();

    public FrameProbe(int capacity) {
        super(capacity);
    }

    /** Owner: spawn (publishes when nothing is public, as in the runtime). */
    public final void spawn(LongJob job, Object ctx, long arg) {
        push(job, ctx, arg);
    }

    /** Owner: spawn without the eager publication (the frame stays private unless a thief asked). */
    public final void spawnPrivate(LongJob job, Object ctx, long arg) {
        eager = false;
        push(job, ctx, arg);
    }

    /** Owner: make every private frame public. */
    public final void publishNow() {
        publishAll();
    }

    /**
     * Setup: private frames of {@link #JOB_A} with arguments {@code firstArg .. lastArg}, then all
     * published at once (one public range, as after a thief's request).
     */
    public final FrameProbe publishedRange(int firstArg, int lastArg) {
        for (int a = firstArg; a <= lastArg; a++) {
            spawnPrivate(JOB_A, CTX, a);
        }
        publishNow();
        return this;
    }

    /** Setup: one eager spawn of {@link #JOB_A} with argument {@code arg} (public: nothing else is). */
    public final FrameProbe withPublic(long arg) {
        spawn(JOB_A, CTX, arg);
        return this;
    }

    /**
     * Owner: the most recent frame back, as {@code tryUnspawn()} does: true if the owner owns it
     * (private, or taken back before any thief), false if a thief claimed it.
     */
    public final boolean unspawn() {
        int h = head - 1;
        if (h >= split) {
            head = h;
            return true;
        }
        return takeBack(h);
    }

    /** Owner: after {@link #unspawn()} returned false and the frame is done, free it (head back to {@code h}). */
    public final void finish(int h) {
        finishStolen(h);
    }

    /** The claim word, {@code top << 32 | split}. */
    public final long word() {
        return lvTs();
    }

    public final int head() {
        return head;
    }

    /** Thief: claim the oldest public frame (null: nothing public; {@link FrameStack#LOST}: lost a race). */
    public final Frame steal() {
        return claim();
    }

    /** Thief: the claimed frame, or null if nothing was public or the claim lost a race. */
    public final Frame claimed() {
        Frame f = claim();
        return f == LOST ? null : f;
    }

    /** Thief: claim the oldest public frame and complete it with {@code result}; true if it claimed one. */
    public final boolean claimAndComplete(long result) {
        Frame f = claimed();
        if (f == null) {
            return false;
        }
        completeStolen(f, result, null);
        return true;
    }

    /** Thief: publish the outcome of a claimed frame. */
    public final void complete(Frame f, long result) {
        completeStolen(f, result, null);
    }

    /** Record {@code i} as a thief would index it now. */
    public final Frame frameAt(int i) {
        return laStack()[i];
    }

    public final boolean anyPublic() {
        return hasPublic();
    }

    public final boolean requested() {
        return loWanted();
    }

    /** Whether the attention bit is set (a submitter's request, not yet cleared by the owner). */
    public final boolean attentionAsked() {
        return loAttention();
    }

    /**
     * Owner: what {@code Frames.onAttention} does once the flag is down: clears the attention bit,
     * then looks at {@code stillWanted} and asks again if it holds.
     */
    public final void clearAttentionThenLook(BooleanSupplier stillWanted) {
        clearAttention(stillWanted);
    }

    /** Outcome code of a claim: 0 nothing public, -1 lost race, else 1 + the frame's arg. */
    public static int code(Frame f) {
        return f == null ? 0 : f == LOST ? -1 : 1 + (int) f.arg;
    }
}
