package org.wsched.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsched.CentralizedPool;
import org.wsched.WorkStealingPool;

/** Every {@code impl} name builds the pool it names, with the parallelism asked, and closes it. */
@Timeout(60)
class ImplPoolTest {

    @Test
    void eachNameBuildsItsPool() throws Exception {
        for (String impl : new String[] {"wsched", "wsched-frames", "wsched-frames-fc"}) {
            ImplPool p = ImplPool.open(impl, 2);
            try (p) {
                assertInstanceOf(WorkStealingPool.class, p.sched, impl);
                assertEquals(2, p.sched.parallelism(), impl);
                assertEquals(p.sched, p.executor());
                assertNull(p.fjp);
            }
            assertTrue(p.sched.isShutdown(), impl + " closed");
        }
        ImplPool c = ImplPool.open("centralized", 1);
        try (c) {
            assertInstanceOf(CentralizedPool.class, c.sched);
            assertEquals(Impl.CENTRALIZED, c.kind);
        }
        assertTrue(c.sched.isShutdown());
        ImplPool f = ImplPool.open("fjp", 2);
        try (f) {
            assertInstanceOf(ForkJoinPool.class, f.executor());
            assertEquals(2, f.fjp.getParallelism());
            assertNull(f.sched);
        }
        assertTrue(f.fjp.isTerminated());
        try (ImplPool s = ImplPool.open("serial", 2)) {
            assertEquals(Impl.SERIAL, s.kind);
            assertNull(s.executor());
        }
    }

    @Test
    void anUnknownNameIsRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImplPool.open("forkjoin", 1));
        assertTrue(e.getMessage().contains("wsched, centralized, fjp, serial"), e.getMessage());
        assertTrue(e.getMessage().contains("'forkjoin'"), e.getMessage());
    }
}
