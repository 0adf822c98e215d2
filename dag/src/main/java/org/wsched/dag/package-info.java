/**
 * Task graphs of strands, as the runtime records them and the simulator replays them.
 *
 * <ul>
 *   <li>{@link org.wsched.dag.DagFormat}: the {@code wsched-dag} file format's vocabulary (header,
 *       node and edge kinds), and {@link org.wsched.dag.DagWriter}, its writer;</li>
 *   <li>{@link org.wsched.dag.Csr}: a graph's successors in compressed sparse row form;</li>
 *   <li>{@link org.wsched.dag.KahnPass}: the one topological pass, giving a topological order and
 *       {@link org.wsched.dag.DagTotals} (work, span, burdened span, or the nodes left on a cycle);</li>
 *   <li>{@link org.wsched.dag.Cilkview}: OpenCilk's burden and Cilkview's speedup estimate.</li>
 * </ul>
 */
package org.wsched.dag;
