package org.wsched;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;
import org.wsched.internal.deque.WorkStealingDeque;

/**
 * Invariant: a parent that spawned two children and joins them completes exactly once, with both
 * children's results, each child run exactly once, while one child completes on a thief
 * concurrently with the other completing inline on the parent's worker.
 *
 * <p>What is real and what is restated: the tasks ({@link Task#create}, {@link Task#execute},
 * {@link Task#isDone}, {@link Task#join}) and the deque are the real classes. wsched has no
 * counted completion: a parent completes by joining its children (Scope.joinAll, newest first),
 * and each join is {@code WorkStealingPool.awaitJoin}: take from the own deque until the child is
 * found (run inline with {@code execute(false)}) or gone (stolen: wait until done). That loop is
 * restated here without helping and parking, because awaitJoin needs a pool Worker thread. The
 * thief steals like {@code WorkStealingPool.steal} (a bounded number of attempts) and runs with
 * {@code execute(true)}; the parent spins briefly between spawning and joining (its own work).
 *
 * <p>r1 = parent result (child 1 returns 10, child 2 returns 1; -1 = parent not done);
 * r2, r3 = runs of child 1, 2; r4 = what the thief ran (0 nothing, 1 or 2 = that child);
 * r5 = times the parent body ran.
 */
@JCStressTest
@Description("Parent joins two children (one possibly stolen and completed concurrently): parent completes once with both results, each child runs once")
@Outcome(id = "11, 1, 1, 0, 1", expect = ACCEPTABLE, desc = "nothing stolen: both children ran inline")
@Outcome(id = "11, 1, 1, 1, 1", expect = ACCEPTABLE, desc = "child 1 stolen and completed by the thief")
@Outcome(id = "11, 1, 1, 2, 1", expect = ACCEPTABLE, desc = "child 2 stolen (not expected: a thief takes the oldest, child 1)")
@Outcome(expect = FORBIDDEN, desc = "a child lost or run twice, or the parent missed a result")
@State
public class TwoChildrenJoinTest {

    private final WorkStealingDeque<Task<?>> deque = new WorkStealingDeque<>(4);
    private final AtomicInteger runs1 = new AtomicInteger();
    private final AtomicInteger runs2 = new AtomicInteger();
    private final Task<Integer> child1 = Task.create(() -> {
        runs1.incrementAndGet();
        return 10;
    }, false);
    private final Task<Integer> child2 = Task.create(() -> {
        runs2.incrementAndGet();
        return 1;
    }, false);
    private int parentRuns; // written by the parent body (owner actor) only
    private int thiefRan; // written by the thief actor only
    private final Task<Integer> parent = Task.create(this::parentBody, false);

    private Integer parentBody() {
        parentRuns++;
        deque.push(child1); // spawn
        deque.push(child2);
        CentralizedHandoffTest.continuation(); // the parent's own work before it joins
        join(child2); // Scope.joinAll order: newest first
        join(child1);
        return child1.join() + child2.join();
    }

    /** WorkStealingPool.awaitJoin without helping and parking (see class comment). */
    private void join(Task<?> task) {
        Task<?> t;
        while ((t = deque.take()) != null) {
            if (t == task) {
                t.execute(false);
                return;
            }
            t.execute(false);
            if (task.isDone()) {
                return;
            }
        }
        while (!task.isDone()) {
            Thread.onSpinWait();
        }
    }

    @Actor
    public void owner() {
        parent.execute(true);
    }

    @Actor
    public void thief() {
        for (int attempt = 0; attempt < 32; attempt++) {
            Object r = deque.steal();
            if (r instanceof Task) {
                Task<?> t = (Task<?>) r;
                t.execute(true);
                thiefRan = t == child1 ? 1 : t == child2 ? 2 : 9;
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        if (parent.isDone()) {
            Integer v = parent.join();
            r.r1 = v == null ? -2 : v;
        } else {
            r.r1 = -1;
        }
        r.r2 = runs1.get();
        r.r3 = runs2.get();
        r.r4 = thiefRan;
        r.r5 = parentRuns;
    }
}
