package org.wsched;

import java.util.function.LongSupplier;

/**
 * A task that computes a {@code long}: the unboxed counterpart of {@code Task<Long>}, created by
 * {@link Task#spawnLong}. {@link #joinLong()} returns the value without allocating.
 */
public final class LongTask extends Task<Long> {

    private long value; // plain: published by the status store in complete()

    LongTask(LongSupplier body, boolean claimed) {
        super(body, claimed); // the LongSupplier lives in Task's slot until it runs
    }

    /**
     * Waits for this task as {@link #join()} does and returns its value, unboxed.
     *
     * @return the task's value
     * @throws java.util.concurrent.CancellationException if the task was cancelled
     */
    public long joinLong() {
        Worker w = Worker.current();
        int s;
        if (w == null || (s = joinFast(w)) < NORMAL) {
            s = awaitSlow(w);
        }
        if (s != NORMAL) {
            reportJoin(s); // throws the failure
        }
        return value; // read after the acquire load of the status in joinFast()/awaitSlow()
    }

    @Override
    Object invokeBody() {
        LongSupplier b = (LongSupplier) takeBody();
        value = b.getAsLong();
        return null;
    }

    @Override
    final Long boxedValue() {
        return value;
    }
}
