/**
 * Internals of wsched. Nothing here is API: classes are public only so that the runtime in
 * {@code org.wsched} and the jcstress tests can reach them. They may change without notice.
 *
 * <h2>Memory-order naming convention</h2>
 * This is the one definition of the convention; every other class links here. Every non-plain
 * memory access in wsched goes through a {@link java.lang.invoke.VarHandle} (or a
 * {@code volatile} field) inside a small accessor whose name starts with its access mode. The
 * prefixes are JCTools' where JCTools has one, with the same meaning:
 * <ul>
 *   <li>{@code lp…} / {@code sp…}: plain load / plain store (for fields one thread owns, or
 *       where a later fence or ordered store publishes them);</li>
 *   <li>{@code lv…} / {@code sv…}: volatile load / volatile store ({@code getVolatile} /
 *       {@code setVolatile}: sequentially consistent);</li>
 *   <li>{@code la…}: acquire load ({@code getAcquire}; JCTools folds it into {@code lv});</li>
 *   <li>{@code so…}: ordered store, that is a release store ({@code setRelease}; JCTools'
 *       {@code so}, the old {@code lazySet});</li>
 *   <li>{@code lo…} / {@code sop…}: opaque load / opaque store ({@code getOpaque} /
 *       {@code setOpaque}: no ordering with other variables, but never cached for ever: a value
 *       another thread wrote is seen eventually; wsched's own prefixes, JCTools has none);</li>
 *   <li>{@code cas…}: {@code compareAndSet}; {@code caex…}: {@code compareAndExchange};
 *       {@code gaa…}: {@code getAndAdd}; {@code gas…}: {@code getAndSet}; all four with
 *       volatile strength (sequentially consistent, a full fence on either side).</li>
 * </ul>
 * Fences ({@code VarHandle.fullFence()} and the like) are called directly, each with a comment
 * saying what it orders. Each non-plain access carries a one-line comment, at the call site (or
 * at the accessor when it has one partner), naming the operation on another thread it pairs
 * with. {@code docs/architecture.md} gives the whole argument and {@code docs/correctness.md}
 * lists the test that covers each invariant.
 */
package org.wsched.internal;
