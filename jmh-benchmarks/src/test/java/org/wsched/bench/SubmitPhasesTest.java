package org.wsched.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The submission-phase harness runs every batch to completion and reports one median per full window. */
@Timeout(120)
class SubmitPhasesTest {

    @Test
    void oneMedianPerFullWindowOnEachPool() throws Exception {
        for (String impl : new String[] {"wsched", "centralized", "fjp"}) {
            List<Integer> seen = new ArrayList<>();
            long[] w = SubmitPhases.run(impl, 2, 2 * SubmitPhases.WINDOW + 7, 20, !impl.equals("fjp"), (i, ms) -> seen.add(i));
            assertEquals(2, w.length, impl + ": 107 batches make two full windows");
            assertEquals(List.of(1, 2), seen, impl);
            for (long m : w) {
                assertTrue(m > 0, impl + ": a batch takes time");
            }
        }
    }

    @Test
    void refusesWhatItCannotMeasure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmitPhases.run("wsched-frames", 2, 100, 10, true, (i, ms) -> { }));
        assertTrue(e.getMessage().contains("wsched, centralized or fjp"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SubmitPhases.run("wsched", 2, 10, 10, true, (i, ms) -> { }));
        assertTrue(e.getMessage().contains("at least 50 batches"), e.getMessage());
    }
}
