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
import org.junit.jupiter.params.provider.CsvFileSource;
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
        TaskGraph g = ReaderTestFiles.load(dir, "wide.stg", "stg", s.append(exit).append('\n'));
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
    @CsvFileSource(resources = "/stg/bad-files.csv", delimiter = '|')
    void badFilesNameFileLineAndProblem(String name, String content, String expected) throws IOException {
        ReaderTestFiles.assertCaseRejected(dir, "stg", name, content, expected);
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> DagSpecs.load("stg:no/such/file.stg")).isInstanceOf(DagInputException.class)
                .hasMessage("stg file no/such/file.stg does not exist");
    }
}
