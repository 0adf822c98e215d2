package org.wsched.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KahnPassTest {
    private static final byte S = DagFormat.SERIAL;
    private static final byte SP = DagFormat.SPAWN;
    private static final byte C = DagFormat.CONTINUATION;
    private static final byte J = DagFormat.JOIN;

    private static Csr graph(int n, int[][] edges, byte[] kinds) {
        int[] from = new int[edges.length];
        int[] to = new int[edges.length];
        for (int e = 0; e < edges.length; e++) {
            from[e] = edges[e][0];
            to[e] = edges[e][1];
        }
        return Csr.of(n, edges.length, from, to, kinds);
    }

    @Test
    void aDiamondsSpanIsItsHeavierBranch() {
        // 0 -> {1, 2} -> 3; costs 1, 5, 2, 1
        Csr g = graph(4, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, null);
        DagTotals t = KahnPass.totals(new long[] {1, 5, 2, 1}, g, 1_000);
        // no edge kinds: nothing is burdened, the burdened span is the span
        assertThat(t).isEqualTo(new DagTotals(4, 4, 9, 7, 1_000, 7, 0, 0, 0));
        assertThat(t.acyclic()).isTrue();
        int[] order = new int[4];
        assertThat(KahnPass.order(g, order)).isEqualTo(4);
        assertThat(order).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aChainsSpanIsItsWork() {
        int n = 1000;
        int[][] edges = new int[n - 1][];
        long[] cost = new long[n];
        for (int v = 0; v < n; v++) {
            cost[v] = v;
            if (v + 1 < n) {
                edges[v] = new int[] {n - 2 - v, n - 1 - v}; // listed backwards: order comes from the edges
            }
        }
        Csr g = graph(n, edges, null);
        DagTotals t = KahnPass.totals(cost, g, 0);
        assertThat(t.work()).isEqualTo((long) n * (n - 1) / 2);
        assertThat(t.span()).isEqualTo(t.work());
        int[] order = new int[n];
        KahnPass.order(g, order);
        for (int k = 0; k < n; k++) {
            assertThat(order[k]).isEqualTo(k);
        }
    }

    @Test
    void aCycleLeavesItsNodesAndTheirDescendantsUnordered() {
        // 0 -> 1 -> 2 -> 3 -> 1 (cycle 1,2,3), 3 -> 4, and 5 on its own
        Csr g = graph(6, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {3, 4}}, null);
        DagTotals t = KahnPass.totals(new long[] {1, 1, 1, 1, 1, 7}, g, 0);
        assertThat(t).isEqualTo(new DagTotals(6, 2, 8, 7, 0, 7, 0, 0, 0)); // only the ordered nodes 0 and 5
        assertThat(t.acyclic()).isFalse();
        assertThat(t.unordered()).isEqualTo(4);
        int[] order = new int[6];
        assertThat(KahnPass.order(g, order)).isEqualTo(2);
        assertThat(order[0]).isEqualTo(0);
        assertThat(order[1]).isEqualTo(5);
    }

    @Test
    void theBurdenIsChargedOnContinuationAndJoinEdgesOnly() {
        // s0 spawns child A and continues in B; A and B join at j:
        //   s0 -spawn-> A -join-> j,  s0 -continuation-> B -serial-> j
        // costs s0 = 100, A = 1000, B = 10, j = 50
        Csr g = graph(4, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, new byte[] {SP, C, J, S});
        long[] cost = {100, 1000, 10, 50};
        // span: s0 A j = 1150; burdened: via A, 100 + 1000 + b + 50; via B, 100 + b + 10 + 50
        assertThat(KahnPass.totals(cost, g, 0).burdenedSpan()).isEqualTo(1150);
        assertThat(KahnPass.totals(cost, g, 300)).isEqualTo(new DagTotals(4, 4, 1160, 1150, 300, 1450, 1, 1, 1));
        // with the child cheap, the burdened path is the continuation's: 100 + 5000 + 10 + 50
        assertThat(KahnPass.totals(new long[] {100, 1, 10, 50}, g, 5000).burdenedSpan()).isEqualTo(5160);
    }

    @Test
    void csrKeepsEachNodesSuccessorsInListOrder() {
        Csr g = graph(3, new int[][] {{2, 0}, {0, 2}, {2, 1}, {0, 1}}, new byte[] {J, SP, C, S});
        assertThat(g.start()).containsExactly(0, 2, 2, 4);
        assertThat(g.target()).containsExactly(2, 1, 0, 1);
        assertThat(g.kind()).containsExactly(SP, S, J, C);
        assertThat(g.inDegree()).containsExactly(1, 2, 1);
        assertThat(g.nodeCount()).isEqualTo(3);
        assertThat(g.edgeCount()).isEqualTo(4);
    }

    @Test
    void badArgumentsAreRefusedWithWhatWasWrong() {
        Csr g = graph(2, new int[][] {{0, 1}}, null);
        assertThatThrownBy(() -> KahnPass.totals(new long[2], g, -1)).hasMessageContaining("burden must be >= 0, was -1");
        assertThatThrownBy(() -> KahnPass.totals(new long[3], g, 0)).hasMessageContaining("2 nodes but 3 costs");
        assertThatThrownBy(() -> new Csr(new int[] {0, 1}, new int[2], null, new int[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inconsistent CSR arrays");
    }
}
