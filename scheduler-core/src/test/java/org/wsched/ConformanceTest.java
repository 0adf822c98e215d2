package org.wsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scheduler contract: spawn/join, scope, parallelFor, exceptions, visibility and fairness,
 * written once and run on every pool implementation at parallelism 1, 2 and 8.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConformanceTest {

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        Task<Long> a = Task.spawn(() -> fib(n - 1));
        long b = fib(n - 2);
        return a.join() + b;
    }

    static long serialFib(int n) {
        return n < 2 ? n : serialFib(n - 1) + serialFib(n - 2);
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    void fibComputesTheRightValueAndCountsEveryTask(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            assertThat(pool.invoke(() -> fib(22))).isEqualTo(serialFib(22));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            SchedulerStats st = pool.stats();
            long spawns = (serialFib(23) * 2 - 1 - 1) / 2; // calls of fib(22) = 2F(23)-1, half of the rest spawn
            assertThat(st.spawns()).isEqualTo(spawns);
            assertThat(st.tasksExecuted()).isEqualTo(spawns + 1); // + the root
            assertThat(st.externalSubmissions()).isEqualTo(1);
            if (kind == Pools.CENTRALIZED) {
                assertThat(st.steals()).isZero();
                assertThat(st.stealAttempts()).isZero();
            }
            assertThat(st.steals()).isLessThanOrEqualTo(st.stealAttempts());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static long fibLong(int n) {
        if (n < 2) {
            return n;
        }
        LongTask a = Task.spawnLong(() -> fibLong(n - 1));
        long b = fibLong(n - 2);
        return a.joinLong() + b;
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    void spawnLongComputesUnboxedAndPropagatesFailures(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            assertThat(pool.invoke(() -> fibLong(24))).isEqualTo(serialFib(24));
            assertThat(pool.invoke(() -> Task.spawnLong(() -> 5L).join())).isEqualTo(5L); // boxed view
            IllegalStateException boom = new IllegalStateException("long boom");
            assertThatThrownBy(() -> pool.invoke(() -> Task.spawnLong(() -> {
                throw boom;
            }).joinLong())).isSameAs(boom);
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    void everyTaskRunsExactlyOnceInternalAndExternal(Pools kind, int p) throws Exception {
        int external = 200;
        int perTask = 300;
        AtomicIntegerArray runs = new AtomicIntegerArray(external * (perTask + 1));
        try (Scheduler pool = kind.create(p)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int e = 0; e < external; e++) {
                int base = e * (perTask + 1);
                fs.add(pool.submit(() -> {
                    runs.incrementAndGet(base);
                    Task.scope(s -> {
                        for (int i = 1; i <= perTask; i++) {
                            int id = base + i;
                            s.spawn(() -> {
                                runs.incrementAndGet(id);
                            });
                        }
                    });
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        for (int i = 0; i < runs.length(); i++) {
            assertThat(runs.get(i)).as("task %d ran", i).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    void parallelForVisitsEveryIndexOnce(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            for (int n : new int[] {0, 1, 2, 3, 1000, 200_000}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
                pool.invoke(() -> {
                    Task.parallelFor(0, n, seen::incrementAndGet);
                });
                for (int i = 0; i < n; i++) {
                    assertThat(seen.get(i)).as("index %d of %d", i, n).isEqualTo(1);
                }
            }
            // A non-zero start and an empty (reversed) range.
            AtomicLong sum = new AtomicLong();
            pool.invoke(() -> Task.parallelFor(10, 20, sum::addAndGet));
            pool.invoke(() -> Task.parallelFor(5, 3, i -> sum.addAndGet(1000)));
            assertThat(sum.get()).isEqualTo(145);
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPoolAndParallelism")
    void fieldsWrittenInATaskAreVisibleAfterJoin(Pools kind, int p) {
        final class Box {
            int a;
            long b;
            int[] c;
        }
        try (Scheduler pool = kind.create(p)) {
            for (int round = 0; round < 2000; round++) {
                int r = round;
                boolean ok = pool.invoke(() -> {
                    Box box = new Box();
                    Task<Void> t = Task.spawn(() -> {
                        box.a = r;
                        box.b = r * 7L;
                        box.c = new int[] {r, r + 1};
                    });
                    Thread.onSpinWait();
                    t.join();
                    return box.a == r && box.b == r * 7L && box.c != null && box.c[1] == r + 1;
                });
                assertThat(ok).as("round %d", round).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void joinRethrowsRuntimeExceptionsAndErrorsAsIsAndWrapsCheckedOnes(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> pool.invoke(() -> Task.spawn(() -> {
                throw boom;
            }).join())).isSameAs(boom);
            AssertionError err = new AssertionError("error");
            assertThatThrownBy(() -> pool.invoke(() -> Task.spawn(() -> {
                throw err;
            }).join())).isSameAs(err);
            IOException io = new IOException("checked");
            assertThatThrownBy(() -> pool.invoke(() -> Task.spawn((Callable<Object>) () -> {
                throw io;
            }).join())).isInstanceOf(CompletionException.class).hasCause(io);
            // invoke itself: runtime as is, checked wrapped
            assertThatThrownBy(() -> pool.invoke(() -> {
                throw boom;
            })).isSameAs(boom);
            assertThatThrownBy(() -> pool.invoke((Callable<Object>) () -> {
                throw io;
            })).isInstanceOf(CompletionException.class).hasCause(io);
            // and the pool keeps working
            assertThat(pool.invoke(() -> fib(15))).isEqualTo(serialFib(15));
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void futureGetWrapsFailuresInExecutionException(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            IllegalArgumentException boom = new IllegalArgumentException("bad");
            Future<Object> f = pool.submit(() -> {
                throw boom;
            });
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasCause(boom);
            assertThat(f.isDone()).isTrue();
            assertThat(f.isCancelled()).isFalse();
            assertThat(pool.submit(() -> 42).get()).isEqualTo(42);
            Future<String> r = pool.submit(() -> { }, "done");
            assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void scopeRethrowsTheFirstFailureWithTheOthersSuppressedAfterAllChildrenFinish(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            AtomicInteger finished = new AtomicInteger();
            Throwable thrown = null;
            try {
                pool.invoke(() -> {
                    Task.scope(s -> {
                        for (int i = 0; i < 10; i++) {
                            int k = i;
                            s.spawn(() -> {
                                finished.incrementAndGet();
                                if (k % 3 == 0) {
                                    throw new IllegalStateException("child " + k);
                                }
                            });
                        }
                    });
                });
            } catch (IllegalStateException e) {
                thrown = e;
            }
            assertThat(thrown).isNotNull();
            assertThat(finished.get()).isEqualTo(10);
            assertThat(thrown.getSuppressed()).hasSize(3); // 4 failures: children 0, 3, 6, 9
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#bothRuntimes")
    void aOneWorkerPoolMakesProgressWhenATaskJoinsAnother(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            // a submitted task waits on another submitted task's Future from inside the pool
            Future<Integer> inner = pool.submit(() -> 7);
            Future<Integer> outer = pool.submit(() -> inner.get() * 6);
            assertThat(outer.get(30, TimeUnit.SECONDS)).isEqualTo(42);
            // a task joins a task spawned by its sibling's parent (handles passed around)
            assertThat(pool.invoke(() -> {
                Task<Integer> a = Task.spawn(() -> 20);
                Task<Integer> b = Task.spawn(() -> a.join() + 22);
                return b.join();
            })).isEqualTo(42);
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPool")
    void externalTasksAreNotStarvedByWorkersThatKeepSpawningLocally(Pools kind, int p) throws Exception {
        try (Scheduler pool = kind.create(p)) {
            AtomicBoolean externalRan = new AtomicBoolean();
            AtomicLong respawns = new AtomicLong();
            // Every worker runs a self-perpetuating chain of local spawns, none ever joined.
            for (int w = 0; w < p; w++) {
                pool.execute(() -> selfRespawn(externalRan, respawns));
            }
            while (respawns.get() < 10_000) {
                Thread.onSpinWait();
            }
            Future<?> f = pool.submit(() -> externalRan.set(true));
            f.get(30, TimeUnit.SECONDS);
            assertThat(externalRan.get()).isTrue();
        }
    }

    private static void selfRespawn(AtomicBoolean stop, AtomicLong count) {
        count.incrementAndGet();
        if (!stop.get()) {
            Task.spawn(() -> selfRespawn(stop, count));
        }
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("org.wsched.Pools#everyPool")
    void invokeFromInsideThePoolRunsNested(Pools kind, int p) {
        try (Scheduler pool = kind.create(p)) {
            assertThat(pool.invoke(() -> pool.invoke(() -> fib(12)))).isEqualTo(serialFib(12));
        }
    }
}
