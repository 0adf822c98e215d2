package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;

/**
 * Tasks stay small (issue 12, "smaller tasks"): every spawn allocates one, so each field is paid
 * once per spawn. With compressed references (HotSpot's default below 32 GB of heap) a
 * {@link Task} is 32 bytes and a {@link LongTask} 40, read with JOL from the layout this JVM
 * chose; and the fields that share a word ({@code Task.meta}: claim bit, stash, trace id) do not
 * disturb each other.
 */
class TaskLayoutTest {

    @BeforeAll
    static void jolCanReadFieldOffsets() {
        System.setProperty("jol.magicFieldOffset", "true"); // as PaddingLayoutTest
    }

    @Test
    void aTaskIs32BytesAndALongTask40WithCompressedReferences() {
        assumeTrue(ClassLayout.parseClass(Object.class).headerSize() == 12,
                "needs compressed class pointers (a 12-byte header); this JVM's header is "
                        + ClassLayout.parseClass(Object.class).headerSize() + " bytes");
        assumeTrue(ClassLayout.parseClass(RefHolder.class).instanceSize() == 16,
                "needs compressed references (4-byte fields)");
        assertThat(ClassLayout.parseClass(Task.class).instanceSize())
                .as("Task layout:%n%s", ClassLayout.parseClass(Task.class).toPrintable())
                .isLessThanOrEqualTo(32);
        assertThat(ClassLayout.parseClass(LongTask.class).instanceSize())
                .as("LongTask layout:%n%s", ClassLayout.parseClass(LongTask.class).toPrintable())
                .isLessThanOrEqualTo(40);
    }

    @Test
    void theClaimBitStashAndTraceIdShareAWordWithoutDisturbingEachOther() {
        Task<String> claimed = Task.create(() -> "v", true);
        Task<String> free = Task.create(() -> "w", false);
        assertThat(claimed.claimed()).isTrue();
        assertThat(free.claimed()).isFalse();
        assertThat(claimed.traceId()).isZero();

        claimed.traceId(Task.MAX_TRACE_ID);
        free.traceId(1);
        assertThat(claimed.traceId()).isEqualTo(Task.MAX_TRACE_ID);
        assertThat(claimed.claimed()).isTrue();
        assertThat(free.traceId()).isEqualTo(1);
        assertThat(free.claimed()).isFalse();

        // Running the body writes the stash into the same word: id and claim bit survive it.
        assertThat(claimed.tryClaim()).isTrue();
        claimed.execute(true);
        free.execute(false);
        assertThat(claimed.join()).isEqualTo("v");
        assertThat(free.join()).isEqualTo("w");
        assertThat(claimed.traceId()).isEqualTo(Task.MAX_TRACE_ID);
        assertThat(claimed.claimed()).isTrue();
        assertThat(free.traceId()).isEqualTo(1);
        assertThat(free.claimed()).isFalse();

        // And a new id leaves the stash alone: a completion after it still uses the body's outcome.
        Task<String> t = Task.create(() -> "x", false);
        t.execute(false);
        t.traceId(7);
        t.completeAfterFailure(new StackOverflowError("must not replace the outcome"));
        assertThat(t.join()).isEqualTo("x");
    }

    @Test
    void theBodyIsGoneOnceItRanAndTheSlotHoldsTheOutcome() {
        Task<Object> ok = Task.create(() -> null, false);
        ok.execute(false);
        assertThat(ok.join()).isNull(); // a null value, not the body left behind
        assertThat(ok.getException()).isNull();

        IllegalStateException boom = new IllegalStateException("boom");
        Task<Object> bad = Task.create(() -> {
            throw boom;
        }, false);
        bad.execute(false);
        assertThat(bad.getException()).isSameAs(boom);

        Task<Object> cancelled = Task.create(() -> "never", true);
        assertThat(cancelled.cancelPending()).isTrue();
        assertThat(cancelled.getException()).isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    /** One reference field: 16 bytes with compressed references, 24 without. */
    @SuppressWarnings("unused")
    private static final class RefHolder {
        Object ref;
    }
}
