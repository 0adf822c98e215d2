/**
 * Internals of wsched. Nothing here is API: classes are public only so that the runtime in
 * {@code org.wsched} and the jcstress tests can reach them. They may change without notice.
 *
 * <h2>Memory-order naming convention</h2>
 * Every non-plain memory access in wsched is made through a {@link java.lang.invoke.VarHandle}
 * (or a {@code volatile} field) and the name of the helper that performs it says its order,
 * in the style of JCTools:
 * <ul>
 *   <li>{@code lp…} / {@code sp…}: plain load / plain store (only for fields one thread owns,
 *       or where a later fence or release store publishes them);</li>
 *   <li>{@code lo…} / {@code so…}: opaque load / opaque store (no ordering, but never cached
 *       forever: a value another thread wrote is seen eventually);</li>
 *   <li>{@code la…}: acquire load ({@code getAcquire});</li>
 *   <li>{@code sr…}: release store ({@code setRelease});</li>
 *   <li>{@code lv…} / {@code sv…}: volatile load / volatile store (sequentially consistent);</li>
 *   <li>{@code cas…}, {@code gaa…}: {@code compareAndSet} and {@code getAndAdd}, both
 *       sequentially consistent (a full fence on either side).</li>
 * </ul>
 * Each such access carries a one-line comment naming the operation on another thread it pairs
 * with. {@code docs/architecture.md} gives the whole argument and {@code docs/correctness.md}
 * lists the test that covers each invariant.
 */
package org.wsched.internal;
