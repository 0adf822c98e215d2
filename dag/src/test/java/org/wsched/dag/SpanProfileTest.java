package org.wsched.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The estimates a {@link SpanProfile} derives from its work, span and burdened span. */
class SpanProfileTest {

    record Sample(long work, long span, long burdenedSpan) implements SpanProfile {
    }

    @Test
    void estimatesFollowFromWorkSpanAndBurdenedSpan() {
        SpanProfile p = new Sample(1750, 1150, 13_150);
        assertEquals(1750.0 / 1150, p.parallelism(), 1e-12);
        assertEquals(1750.0 / 13_150, p.burdenedParallelism(), 1e-12);
        assertEquals(1.0, p.speedupLower(1), 1e-12);
        // T1 / (T1/2 + 1.7 * (1 - 1/2) * burdened span) = 1750 / (875 + 11177.5)
        assertEquals(1750 / 12_052.5, p.speedupLower(2), 1e-12);
        assertEquals(1750.0 / 1150, p.speedupUpper(2), 1e-12); // min(2, 1.52...)
        assertEquals(1.0, p.speedupUpper(1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> p.speedupLower(0));
    }
}
