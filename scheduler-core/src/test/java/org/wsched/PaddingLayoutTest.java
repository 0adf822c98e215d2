package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import org.wsched.internal.deque.FrameStack;
import org.wsched.internal.deque.WorkStealingDeque;
import org.wsched.internal.idle.SleepController;
import org.wsched.internal.idle.SubmissionFlag;

/**
 * The padding of the classes whose fields different threads write does what it claims, in the
 * layout this JVM really chose (read with JOL): hot fields written by different threads are at
 * least one cache line ({@value #LINE} bytes) apart, and the hot block is at least a line away
 * from the object's header and end, so neighbouring objects do not share its lines either.
 * HotSpot reorders the fields of one class (longs first, then ints, booleans and references), so
 * padding declared between fields of one class can silently fail to separate them.
 */
class PaddingLayoutTest {

    /** One cache line on x86 and most ARM servers. */
    static final int LINE = 64;

    @BeforeAll
    static void jolCanReadFieldOffsets() {
        // JOL reads offsets with Unsafe.objectFieldOffset; "magic" field offsets avoid the
        // restrictions newer JDKs put on it for some classes.
        System.setProperty("jol.magicFieldOffset", "true");
    }

    @Test
    void theDequesThiefOwnerAndSharedWordsAreALineApart() {
        Map<String, Long> at = offsets(WorkStealingDeque.class);
        // top: thieves' CAS; split and requested: the shared line; bottom, array, ownerSplit: owner.
        assertApart(at, List.of("top"), List.of("split", "requested"));
        assertApart(at, List.of("split", "requested"), List.of("bottom", "array", "ownerSplit", "eager"));
        assertApart(at, List.of("top"), List.of("bottom", "array", "ownerSplit", "eager"));
        assertAwayFromHeaderAndEnd(WorkStealingDeque.class, at,
                List.of("top", "split", "requested", "bottom", "array", "ownerSplit"));
    }

    @Test
    void theFrameStacksSharedWordIsALineFromTheOwnersFields() {
        Map<String, Long> at = offsets(FrameStack.class);
        assertApart(at, List.of("ts", "wanted", "waiting"), List.of("stack", "head", "split", "base", "eager", "stolenAt"));
        assertAwayFromHeaderAndEnd(FrameStack.class, at, List.of("ts", "wanted", "waiting"));
    }

    @Test
    void theSubmissionFlagIsALineFromItsNeighbours() {
        // Every join of every worker reads it; a neighbouring object written often (a queue node,
        // a counter) must not share its line.
        Map<String, Long> at = offsets(SubmissionFlag.class);
        assertAwayFromHeaderAndEnd(SubmissionFlag.class, at, List.of("raised"));
    }

    @Test
    void theSleeperCountIsALineFromTheFieldsWakersRead() {
        Map<String, Long> at = offsets(SleepController.class);
        assertApart(at, List.of("sleepers"), List.of("states", "threads", "workers"));
        assertAwayFromHeaderAndEnd(SleepController.class, at, List.of("sleepers"));
    }

    @Test
    void theWorkerCountersAreALineFromTheirNeighbours() {
        Map<String, Long> at = offsets(WorkerCounters.class);
        assertAwayFromHeaderAndEnd(WorkerCounters.class, at, List.of("tasksExecuted", "spawns", "stealAttempts",
                "steals", "parks", "queueOffers", "queuePolls", "queueContention", "busyNanos", "busySince", "submissionsStarted"));
    }

    /** Field name to offset, for every instance field of the class and its superclasses. */
    private static Map<String, Long> offsets(Class<?> c) {
        ClassLayout layout = ClassLayout.parseClass(c);
        Map<String, Long> at = new TreeMap<>();
        for (FieldLayout f : layout.fields()) {
            at.put(f.name(), f.offset());
        }
        return at;
    }

    private static void assertApart(Map<String, Long> at, List<String> a, List<String> b) {
        for (String x : a) {
            for (String y : b) {
                assertThat(at).containsKeys(x, y);
                assertThat(Math.abs(at.get(x) - at.get(y)))
                        .as("%s (offset %d) and %s (offset %d) in %s", x, at.get(x), y, at.get(y), describe(at))
                        .isGreaterThanOrEqualTo(LINE);
            }
        }
    }

    private static void assertAwayFromHeaderAndEnd(Class<?> c, Map<String, Long> at, List<String> hot) {
        ClassLayout layout = ClassLayout.parseClass(c);
        long header = layout.headerSize();
        long size = layout.instanceSize();
        for (String f : hot) {
            assertThat(at).containsKey(f);
            assertThat(at.get(f) - header).as("%s at %d: padding after the %d-byte header in %s", f, at.get(f), header,
                    describe(at)).isGreaterThanOrEqualTo(LINE);
            assertThat(size - at.get(f)).as("%s at %d: padding before the end (%d bytes) in %s", f, at.get(f), size,
                    describe(at)).isGreaterThanOrEqualTo(LINE);
        }
    }

    private static String describe(Map<String, Long> at) {
        return at.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .filter(e -> !e.getKey().matches("[pq]\\d+"))
                .map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.joining(", ", "[", "]"));
    }
}
