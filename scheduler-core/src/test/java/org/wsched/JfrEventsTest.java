package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JFR events appear in a recording when enabled. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JfrEventsTest {

    @Test
    void stealSleepAndTaskRunEventsAreRecordedWhenEnabled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording r = new Recording()) {
            r.enable("org.wsched.Steal");
            r.enable("org.wsched.WorkerSleep");
            r.enable("org.wsched.TaskRun");
            r.start();
            try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(2).idleRoundsBeforeSleep(0)
                    .lazyPublication(false).build()) {
                for (int i = 0; i < 20; i++) {
                    pool.invoke(() -> Task.parallelFor(0, 64, k -> StressTest.sleepMicros(50)));
                    Thread.sleep(5);
                }
            }
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).anyMatch(e -> e.getEventType().getName().equals("org.wsched.TaskRun"));
        assertThat(events).anyMatch(e -> e.getEventType().getName().equals("org.wsched.Steal")
                && e.getInt("tasks") >= 1);
        assertThat(events).anyMatch(e -> e.getEventType().getName().equals("org.wsched.WorkerSleep"));
    }
}
