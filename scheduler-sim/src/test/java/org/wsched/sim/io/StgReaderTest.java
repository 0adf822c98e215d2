package org.wsched.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wsched.sim.engine.RunStats;
import org.wsched.sim.engine.SimConfig;
import org.wsched.sim.engine.Simulator;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.graph.TaskGraph;
import org.wsched.sim.policy.Schedulers;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StgReaderTest {
    @TempDir
    Path dir;

    @Test
    void anExitTaskMayListHundredsOfPredecessors() throws IOException {
        StringBuilder s = new StringBuilder("150\n0 0 0\n");
        StringBuilder exit = new StringBuilder("151 0 150");
        for (int t = 1; t <= 150; t++) {
            s.append(t).append(" 2 1 0\n");
            exit.append(' ').append(t);
        }
        TaskGraph g = InputFiles.load(dir, "wide.stg", "stg", s.append(exit).append('\n'));
        assertThat(g.predecessorCount(151)).isEqualTo(150);
        assertThat(g.work()).isEqualTo(300);
    }

    @Test
    void readsHandCheckedGraph() {
        TaskGraph g = DagSpecs.load("stg:src/test/resources/stg/small.stg");
        assertThat(g.nodeCount()).isEqualTo(6);
        assertThat(g.edgeCount()).isEqualTo(7);
        assertThat(g.work()).isEqualTo(10);
        assertThat(g.span()).isEqualTo(7);
        assertThat(g.cost(3)).isEqualTo(4);
        assertThat(g.predecessorCount(5)).isEqualTo(2);
        // by hand: greedy on 2 processors runs 1 and 2 at 0, then 3 and 4 at 3; exit at 7
        RunStats s = Simulator.run(g, Schedulers.byName("greedy"), new SimConfig(2, 1, 1));
        assertThat(s.makespan()).isEqualTo(7);
        assertThat(Simulator.run(g, Schedulers.byName("greedy"), new SimConfig(1, 1, 1)).makespan()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cycle            | 3\\n0 0 0\\n1 1 1 0\\n2 1 2 0 3\\n3 1 1 2\\n4 0 1 3 | line 4: the graph has a cycle through task 2 (2 -> 3 -> 2)",
        "unknown pred     | 2\\n0 0 0\\n1 1 1 9\\n2 1 1 0\\n3 0 2 1 2 | line 3: task 1 lists predecessor 9, which is not a task id (ids are 0..3)",
        "duplicate id     | 2\\n0 0 0\\n1 1 1 0\\n1 2 1 0\\n3 0 1 1 | line 4: duplicate task id 1: it is already defined on line 3",
        "negative cost    | 1\\n0 0 0\\n1 -5 1 0\\n2 0 1 1 | line 3: task 1 has negative cost -5; costs must be >= 0",
        "missing field    | 1\\n0 0 0\\n1 4\\n2 0 1 1 | line 3: a task line needs 'id cost npred pred...', found only 2 fields",
        "missing pred     | 1\\n0 0 0\\n1 4 2 0\\n2 0 1 1 | line 3: task 1 says it has 2 predecessors but lists 1",
        "truncated        | 3\\n0 0 0\\n1 4 1 0\\n2 4 1 0 | line 4: the file ends after 3 of 5 task lines (n + 2 for n = 3); task 3 is never defined",
        "not an integer   | 1\\n0 0 0\\n1 x 1 0\\n2 0 1 1 | line 3: cost must be an integer, found 'x'",
        "bad header       | four\\n0 0 0 | line 1: the first line must hold only the number of tasks n",
        "id out of range  | 1\\n0 0 0\\n7 1 1 0\\n2 0 1 1 | line 3: task id 7 is out of range 0..2",
        "extra content    | 1\\n0 0 0\\n1 1 1 0\\n2 0 1 1\\n3 0 0 | line 5: unexpected content after the 3 task lines",
        "empty            | | is empty",
    })
    void badFilesNameFileLineAndProblem(String name, String content, String expected) throws IOException {
        InputFiles.assertCaseRejected(dir, "stg", name, content, expected);
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> DagSpecs.load("stg:no/such/file.stg")).isInstanceOf(DagInputException.class)
                .hasMessage("stg file no/such/file.stg does not exist");
    }
}
