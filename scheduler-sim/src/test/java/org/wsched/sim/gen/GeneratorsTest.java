package org.wsched.sim.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.EdgeKind;
import org.wsched.sim.graph.NodeKind;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.graph.TopologicalPass;
import org.wsched.sim.io.DagInputException;
import org.wsched.workloads.Uts;
import org.wsched.workloads.UtsTree;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GeneratorsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 20, 25})
    void fibCallTreeHasKnownNodesAndSpan(int n) {
        TaskGraph g = DagSpecs.load("fib:" + n);
        long nodes = 2 * FibGenerator.fibonacci(n + 1) - 1;
        assertThat(g.nodeCount()).isEqualTo(nodes);
        assertThat(g.work()).isEqualTo(nodes);
        assertThat(g.edgeCount()).isEqualTo(nodes - 1);
        assertThat(g.span()).isEqualTo(n);
        assertThat(TopologicalPass.span(g)).isEqualTo(n);
    }

    @Test
    void fib30MatchesTheory() {
        TaskGraph g = FibGenerator.callTree(30);
        assertThat(g.nodeCount()).isEqualTo(2_692_537);
        assertThat(g.span()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 12, 20})
    void fibSpawnTreeHasKnownNodesSpanAndKinds(int n) {
        TaskGraph g = DagSpecs.load("fibtree:" + n);
        assertThat(g.nodeCount()).isEqualTo(3 * FibGenerator.fibonacci(n + 1) - 2);
        assertThat(g.span()).isEqualTo(2L * n - 1);
        if (n >= 2) {
            assertThat(g.hasKinds()).isTrue();
            // the root is a spawn whose first successor is the child, second the continuation
            int root = 0;
            assertThat(g.nodeKind(root)).isEqualTo(NodeKind.SPAWN);
            assertThat(g.endSuccessor(root) - g.firstSuccessor(root)).isEqualTo(2);
            assertThat(g.edgeKindAt(g.firstSuccessor(root))).isEqualTo(EdgeKind.SPAWN);
            assertThat(g.edgeKindAt(g.firstSuccessor(root) + 1)).isEqualTo(EdgeKind.CONTINUATION);
        }
    }

    @Test
    void nqueensKnownNodeCounts() {
        assertThat(DagSpecs.load("nqueens:8").nodeCount()).isEqualTo(2_057);
        assertThat(DagSpecs.load("nqueens:10").nodeCount()).isEqualTo(35_539);
        TaskGraph g8 = NQueensGenerator.searchTree(8);
        // solutions are the leaves at depth 8 (span 9 counting the root)
        assertThat(g8.span()).isEqualTo(9);
        int leavesAtFullDepth = countNodesAtDepth(g8, 8);
        assertThat(leavesAtFullDepth).isEqualTo(92);
    }

    @Test
    void utsT1HasKnownNodeCountAndDepth() {
        TaskGraph g = DagSpecs.load("uts:T1");
        assertThat(g.nodeCount()).isEqualTo(4_130_071);
        assertThat(g.span()).isEqualTo(11); // depth 10 plus the root
        int leaves = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.firstSuccessor(v) == g.endSuccessor(v)) {
                leaves++;
            }
        }
        assertThat(leaves).isEqualTo(3_305_118);
    }

    @Test
    void utsT3HasKnownNodeCountAndDepth() {
        TaskGraph g = DagSpecs.load("uts:T3");
        assertThat(g.nodeCount()).isEqualTo(4_112_897);
        assertThat(g.span()).isEqualTo(1_573); // depth 1,572 plus the root
    }

    @Test
    void utsSpecFormsAgreeWithPresets() {
        TaskGraph a = DagSpecs.load("uts:geo:b0=4,d=6,seed=19");
        TaskGraph b = UtsGenerator.generate(UtsGenerator.Params.geometric(4, 6, 19));
        assertThat(a.nodeCount()).isEqualTo(b.nodeCount());
        assertThat(a.span()).isEqualTo(7);
        TaskGraph c = DagSpecs.load("uts:bin:b0=20,q=0.124875,m=8,seed=42");
        assertThat(c.nodeCount()).isGreaterThan(20);
    }

    @Test
    void utsTreesAreTheRuntimeProgramsTrees() {
        for (UtsTree t : new UtsTree[] {UtsTree.geometric(4, 6, 19), UtsTree.binomial(20, 0.124875, 8, 42)}) {
            TaskGraph g = UtsGenerator.generate(new UtsGenerator.Params(t));
            assertThat((long) g.nodeCount()).as(t.name()).isEqualTo(Uts.serial(t, t.root(), 0)).isGreaterThan(1000);
        }
    }

    @Test
    void randomGraphsAreReproducibleBySeed() {
        for (String spec : new String[] {"layered:layers=6,width=5,p=0.4,cost=1-9,seed=7",
                "seriesparallel:n=50,p=0.5,cost=0-5,seed=7", "random:n=60,p=0.1,cost=0-3,seed=7"}) {
            TaskGraph a = DagSpecs.load(spec);
            TaskGraph b = DagSpecs.load(spec);
            assertThat(a.nodeCount()).isEqualTo(b.nodeCount());
            assertThat(a.edgeCount()).isEqualTo(b.edgeCount());
            assertThat(a.work()).isEqualTo(b.work());
            assertThat(a.span()).isEqualTo(b.span());
            assertThat(TopologicalPass.span(a)).isEqualTo(a.span());
        }
        TaskGraph layered = DagSpecs.load("layered:layers=6,width=5,p=0.4,cost=1-9,seed=7");
        assertThat(layered.nodeCount()).isEqualTo(30);
        TaskGraph sp = DagSpecs.load("seriesparallel:n=50,p=1,cost=1,seed=3");
        assertThat(sp.nodeCount()).isEqualTo(50 + 2 * 49); // every combination parallel
    }

    @Test
    void badSpecsGiveClearErrors() {
        assertThatThrownBy(() -> DagSpecs.load("fob:3")).isInstanceOf(DagInputException.class)
                .hasMessageContaining("unknown dag spec 'fob:3'").hasMessageContaining("fib:N");
        assertThatThrownBy(() -> DagSpecs.load("fib:x")).isInstanceOf(DagInputException.class)
                .hasMessageContaining("N must be an integer");
        assertThatThrownBy(() -> DagSpecs.load("layered:layers=3,depth=2")).isInstanceOf(DagInputException.class)
                .hasMessageContaining("unknown parameter 'depth'").hasMessageContaining("layers, width");
        assertThatThrownBy(() -> DagSpecs.load("uts:T9")).isInstanceOf(DagInputException.class)
                .hasMessageContaining("T1, T3");
        assertThatThrownBy(() -> DagSpecs.load("layered:cost=5-1")).isInstanceOf(DagInputException.class)
                .hasMessageContaining("LOW <= HIGH");
        assertThatThrownBy(() -> DagSpecs.load("uts:bin:q=0.5,m=4")).isInstanceOf(DagInputException.class)
                .hasMessageContaining("q * m must be below 1");
    }

    private static int countNodesAtDepth(TaskGraph g, int depth) {
        int[] d = new int[g.nodeCount()];
        int count = 0;
        for (int v = 0; v < g.nodeCount(); v++) { // tree nodes are numbered parent before child
            if (d[v] == depth) {
                count++;
            }
            for (int i = g.firstSuccessor(v); i < g.endSuccessor(v); i++) {
                d[g.successorAt(i)] = d[v] + 1;
            }
        }
        return count;
    }
}
