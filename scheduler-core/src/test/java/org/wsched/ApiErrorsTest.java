package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad use gets a clear error that says what was wrong and what to do. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiErrorsTest {

    @Test
    void spawnOutsideAPoolSaysToUseInvoke() {
        assertThatThrownBy(() -> Task.spawn(() -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Task.spawn").hasMessageContaining("invoke");
        assertThatThrownBy(() -> Task.spawn(() -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Task.scope(s -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Task.scope");
        assertThatThrownBy(() -> Task.parallelFor(0, 10, i -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Task.parallelFor");
    }

    @Test
    void parallelismBelowOneIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> WorkStealingPool.builder().parallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism").hasMessageContaining("0");
        assertThatThrownBy(() -> CentralizedPool.builder().parallelism(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3");
        assertThatThrownBy(() -> WorkStealingPool.builder().workerStackSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workerStackSize");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Task.spawn((Callable<Object>) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> WorkStealingPool.builder().victimSelection(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("victimSelection");
        assertThatThrownBy(() -> WorkStealingPool.builder().stealAmount(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("stealAmount");
        assertThatThrownBy(() -> WorkStealingPool.builder().threadNamePrefix(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("threadNamePrefix");
        try (Scheduler pool = WorkStealingPool.builder().parallelism(1).build()) {
            assertThatThrownBy(() -> pool.invoke((Callable<Object>) null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("root");
            assertThatThrownBy(() -> pool.execute(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("command");
        }
    }

    @Test
    void aScopeUsedAfterItClosedOrFromAnotherTaskIsRefused() {
        try (Scheduler pool = WorkStealingPool.builder().parallelism(2).build()) {
            Scope[] leaked = new Scope[1];
            pool.invoke(() -> Task.scope(s -> leaked[0] = s));
            assertThatThrownBy(() -> pool.invoke(() -> leaked[0].spawn(() -> 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            Throwable[] fromOtherThread = new Throwable[1];
            pool.invoke(() -> Task.scope(s -> {
                Thread t = new Thread(() -> {
                    try {
                        s.spawn(() -> 1);
                    } catch (Throwable e) {
                        fromOtherThread[0] = e;
                    }
                });
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
            assertThat(fromOtherThread[0]).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only spawn from the task that opened it");
        }
    }

    @Test
    void threadNamesUseThePrefix() {
        try (Scheduler pool = WorkStealingPool.builder().parallelism(2).threadNamePrefix("my-pool-").build()) {
            String name = pool.invoke(() -> Thread.currentThread().getName());
            assertThat(name).startsWith("my-pool-");
        }
    }
}
