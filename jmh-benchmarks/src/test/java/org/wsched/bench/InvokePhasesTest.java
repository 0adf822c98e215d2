package org.wsched.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The invoke-phase harness checks every result and splits each round into phases that add up. */
@Timeout(120)
class InvokePhasesTest {

    @Test
    void nqueensReportsEveryImplementationWithPhasesThatAddUp() throws Exception {
        Map<String, InvokePhases.Phases> r = InvokePhases.run("nqueens", 2, 6, 0);
        assertEquals(List.of("wsched", "fjp", "serial"), List.copyOf(r.keySet()));
        for (Map.Entry<String, InvokePhases.Phases> e : r.entrySet()) {
            InvokePhases.Phases p = e.getValue();
            assertTrue(p.bodyMicros() > 0, e.getKey() + ": the body takes time");
            assertTrue(p.startMicros() >= 0 && p.finishMicros() >= 0, e.getKey() + ": phases are ordered in time " + p);
            // medians of the parts need not add up exactly; they cannot exceed the median total by much
            assertTrue(p.bodyMicros() <= p.totalMicros() * 1.5, e.getKey() + ": body within the round " + p);
        }
    }

    @Test
    void emptyHasNoSerialRound() throws Exception {
        assertEquals(List.of("wsched", "fjp"), List.copyOf(InvokePhases.run("empty", 1, 4, 10).keySet()));
    }

    @Test
    void refusesWhatItCannotMeasure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InvokePhases.run("fib", 1, 10, 0));
        assertTrue(e.getMessage().contains("nqueens or empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InvokePhases.run("empty", 1, 1, 0));
        assertTrue(e.getMessage().contains("at least 2 rounds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InvokePhases.run("empty", 1, 4, -1));
        assertTrue(e.getMessage().contains("no negative warm-up"), e.getMessage());
    }
}
