package org.wsched.sim.policy;

import org.wsched.sim.graph.EdgeKind;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.util.SplitMix64;

/**
 * Work stealing: one deque per processor. A processor that finishes a node pushes the nodes it
 * made ready onto the bottom of its own deque and pops the bottom one to run next; a processor
 * with an empty deque steals from the top of a victim's deque, each attempt costing the steal
 * latency whether it succeeds or not.
 *
 * <p>Three independent choices make the variants:
 * <ul>
 *   <li>{@link VictimSelection}: uniform random, power of two choices, or round robin;
 *   <li>steal amount: one node, or half the victim's deque (rounded up; the thief runs the
 *       oldest and keeps the rest, oldest on top);
 *   <li>push order. <em>Child stealing</em> (help-first, as ForkJoinPool does): nodes reached
 *       through {@code SPAWN} edges are pushed first, then the others in successor order, so the
 *       processor runs the last-listed successor — for a spawn strand, the continuation — and
 *       the spawned child waits to be stolen. <em>Continuation stealing</em> (work-first, as
 *       Cilk does): the non-spawn successors are pushed first, in reverse successor order, then
 *       the spawned children, so the processor dives into the child and the continuation is
 *       what thieves find. On a graph without edge kinds (every edge serial) child stealing runs
 *       the last successor and continuation stealing the first; both leave the rest stealable.
 * </ul>
 *
 * @param name                 the CLI name
 * @param description          one line saying what it does
 * @param victims              how a thief picks its victim
 * @param stealHalf            whether a thief takes half the victim's deque rather than one node
 * @param continuationStealing whether a processor runs the spawned child and leaves the
 *                             continuation to thieves (work-first) rather than the other way round
 */
public record WorkStealingPolicy(String name, String description, VictimSelection victims, boolean stealHalf,
                                 boolean continuationStealing) implements SchedulerPolicy {
    @Override
    public boolean steals() {
        return true;
    }

    @Override
    public ReadyWork start(TaskGraph graph, int procs, SplitMix64 rng) {
        return new Run(procs, victims.create(procs, rng), stealHalf, continuationStealing);
    }

    private static final class Run implements ReadyWork {
        private static final byte SPAWN = EdgeKind.SPAWN.code();
        private final int procs;
        private final Deques deques;
        private final VictimSelection.Selector selector;
        private final boolean stealHalf;
        private final boolean continuationStealing;

        Run(int procs, VictimSelection.Selector selector, boolean stealHalf, boolean continuationStealing) {
            this.procs = procs;
            this.deques = new Deques(procs);
            this.selector = selector;
            this.stealHalf = stealHalf;
            this.continuationStealing = continuationStealing;
        }

        @Override
        public void enabled(int proc, int[] nodes, byte[] edgeKinds, int count) {
            if (count == 1) {
                deques.pushBottom(proc, nodes[0]);
            } else if (!continuationStealing) {
                for (int i = 0; i < count; i++) {
                    if (edgeKinds[i] == SPAWN) {
                        deques.pushBottom(proc, nodes[i]);
                    }
                }
                for (int i = 0; i < count; i++) {
                    if (edgeKinds[i] != SPAWN) {
                        deques.pushBottom(proc, nodes[i]);
                    }
                }
            } else {
                for (int i = count - 1; i >= 0; i--) {
                    if (edgeKinds[i] != SPAWN) {
                        deques.pushBottom(proc, nodes[i]);
                    }
                }
                for (int i = count - 1; i >= 0; i--) {
                    if (edgeKinds[i] == SPAWN) {
                        deques.pushBottom(proc, nodes[i]);
                    }
                }
            }
        }

        @Override
        public int takeLocal(int proc) {
            return deques.popBottom(proc);
        }

        @Override
        public int steal(int thief) {
            if (procs < 2) {
                return -1;
            }
            int victim = selector.victim(thief, deques);
            int size = deques.size(victim);
            if (size == 0) {
                return -1;
            }
            int first = deques.popTop(victim);
            if (stealHalf) {
                for (int k = (size + 1) / 2 - 1; k > 0; k--) {
                    deques.pushBottom(thief, deques.popTop(victim));
                }
            }
            return first;
        }

        @Override
        public boolean hasReadyWork() {
            return deques.total() > 0;
        }

        @Override
        public void skippedAttempts(int thief, long count) {
            selector.skipped(thief, count);
        }
    }
}
