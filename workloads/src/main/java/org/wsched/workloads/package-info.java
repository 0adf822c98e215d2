/**
 * The task-parallel programs wsched is measured and demonstrated with, each written once, in every
 * form it runs in: serial; the {@link org.wsched.Task} API ({@code Task.spawn}/{@code join},
 * {@code Task.scope}); {@link org.wsched.Frames} where the program has a frames form; and
 * {@link java.util.concurrent.ForkJoinPool} ({@code RecursiveTask}/{@code RecursiveAction}). The
 * forms of one program have the same task tree and the same cutoffs, so their times compare.
 *
 * <ul>
 *   <li>{@link org.wsched.workloads.Fib}: fib with no cutoff (every call a task), boxed and unboxed;
 *   <li>{@link org.wsched.workloads.MergeSort}: top-down mergesort, {@code Arrays.sort} below a cutoff;
 *   <li>{@link org.wsched.workloads.NQueens}: n-queens solution count;
 *   <li>{@link org.wsched.workloads.Uts}: Unbalanced Tree Search over a {@link org.wsched.workloads.UtsTree}
 *       (the one UTS definition, also used by the simulator's generator);
 *   <li>{@link org.wsched.workloads.Integrate}: adaptive trapezoid quadrature;
 *   <li>{@link org.wsched.workloads.MatMul}: divide-and-conquer matrix multiply.
 * </ul>
 * Used by {@code examples}, {@code jmh-benchmarks} and {@code scheduler-sim}; not published.
 */
package org.wsched.workloads;
