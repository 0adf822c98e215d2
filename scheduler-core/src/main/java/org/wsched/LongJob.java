package org.wsched;

/**
 * A function that {@link Frames#spawn} can run: it computes a {@code long} from a context object
 * and a {@code long} argument, and spawns and syncs further jobs through {@code frames}.
 *
 * <p>Make it a non-capturing static method reference (such as {@code Fib::fib}) and pass what
 * it needs through {@code ctx} and {@code arg}: then a spawn allocates nothing.
 *
 * <pre>{@code
 * static long fib(Frames f, Object ctx, long n) {
 *     if (n < 2) return n;
 *     f.spawn(Fib::fib, ctx, n - 1);
 *     long b = fib(f, ctx, n - 2);
 *     return f.sync() + b;
 * }
 * }</pre>
 *
 * <p>A job must sync every frame it spawned before it returns (see {@link Frames}).
 */
@FunctionalInterface
public interface LongJob {

    /**
     * Runs the job.
     *
     * @param frames the running worker's frames: spawn and sync through it, never keep it
     * @param ctx the context given to {@code spawn} or {@code invokeLong} (may be null)
     * @param arg the argument given to {@code spawn} or {@code invokeLong}
     * @return the job's value
     */
    long run(Frames frames, Object ctx, long arg);
}
