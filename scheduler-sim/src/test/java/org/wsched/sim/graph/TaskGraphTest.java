package org.wsched.sim.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TaskGraphTest {

    @Test
    void diamondWorkAndSpan() {
        TaskGraphBuilder b = new TaskGraphBuilder();
        int a = b.addNode(2);
        int l = b.addNode(5);
        int r = b.addNode(1);
        int d = b.addNode(3);
        b.addEdge(a, l);
        b.addEdge(a, r);
        b.addEdge(l, d);
        b.addEdge(r, d);
        TaskGraph g = b.build();
        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(g.edgeCount()).isEqualTo(4);
        assertThat(g.work()).isEqualTo(11);
        assertThat(g.span()).isEqualTo(10);
        assertThat(g.predecessorCount(d)).isEqualTo(2);
        assertThat(g.successorAt(g.firstSuccessor(a))).isEqualTo(l);
        assertThat(g.successorAt(g.firstSuccessor(a) + 1)).isEqualTo(r);
        assertThat(g.hasKinds()).isFalse();
        assertThat(g.parallelism()).isEqualTo(1.1);
    }

    @Test
    void emptyAndZeroCostGraphs() {
        TaskGraph empty = new TaskGraphBuilder().build();
        assertThat(empty.nodeCount()).isZero();
        assertThat(empty.span()).isZero();
        TaskGraphBuilder b = new TaskGraphBuilder();
        b.addNode(0);
        b.addNode(0);
        b.addEdge(0, 1);
        TaskGraph zero = b.build();
        assertThat(zero.work()).isZero();
        assertThat(zero.parallelism()).isEqualTo(1.0);
    }

    @Test
    void cycleIsReportedWithItsNodes() {
        TaskGraphBuilder b = new TaskGraphBuilder();
        for (int i = 0; i < 6; i++) {
            b.addNode(1);
        }
        b.addEdge(0, 1);
        b.addEdge(1, 2);
        b.addEdge(2, 3);
        b.addEdge(3, 1); // cycle 1 -> 2 -> 3 -> 1
        b.addEdge(3, 4);
        b.addEdge(5, 0);
        assertThatThrownBy(b::build).isInstanceOf(GraphCycleException.class)
                .hasMessageContaining("cycle through node 1")
                .satisfies(e -> assertThat(((GraphCycleException) e).cycle()).containsExactly(1, 2, 3));
    }

    @Test
    void negativeCostAndUnknownNodeAreRejected() {
        TaskGraphBuilder b = new TaskGraphBuilder();
        assertThatThrownBy(() -> b.addNode(-1)).hasMessageContaining("must be >= 0, was -1");
        b.addNode(1);
        assertThatThrownBy(() -> b.addEdge(0, 3)).hasMessageContaining("names a node that was not added");
    }
}
