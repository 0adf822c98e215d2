package org.wsched;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * A group of child tasks that {@link Task#scope} waits for as a whole.
 *
 * <pre>{@code
 * Task.scope(s -> {
 *     for (Part p : parts) s.spawn(() -> process(p));
 * }); // every part is processed here; the first failure, if any, is rethrown
 * }</pre>
 *
 * <p>A scope belongs to the task that opened it: spawn through it only from that task's body,
 * and only while the body runs.
 */
public final class Scope {

    private final Worker owner;
    private Task<?>[] children; // allocated at the first spawn
    private int count;
    private boolean closed;

    Scope(Worker owner) {
        this.owner = owner;
    }

    /**
     * Spawns a child of this scope.
     *
     * @param body the child's computation
     * @param <T> result type
     * @return the child; {@link Task#join} it for its value, or let the scope wait for it
     * @throws IllegalStateException if the scope has closed or is used from another task's thread
     */
    public <T> Task<T> spawn(Callable<T> body) {
        Objects.requireNonNull(body, "body");
        if (closed) {
            throw new IllegalStateException("this scope has closed: spawn inside the Task.scope(...) body, not after it");
        }
        if (Thread.currentThread() != owner.thread()) {
            throw new IllegalStateException("a Scope may only spawn from the task that opened it (thread '"
                    + owner.thread().getName() + "'), not from thread '" + Thread.currentThread().getName()
                    + "'; open a nested Task.scope in the child instead");
        }
        Task<T> t = owner.pool.spawnCallable(owner, body);
        if (children == null) {
            children = new Task<?>[4];
        } else if (count == children.length) {
            children = Arrays.copyOf(children, count * 2);
        }
        children[count++] = t;
        return t;
    }

    /**
     * Spawns a child of this scope that returns nothing.
     *
     * @param body the child's computation
     * @return the child
     * @throws IllegalStateException if the scope has closed or is used from another task's thread
     */
    public Task<Void> spawn(Runnable body) {
        Objects.requireNonNull(body, "body");
        return spawn(Task.runnableBody(body));
    }

    /** Joins every child, newest first (LIFO: each is usually at the bottom of the deque). */
    void joinAll(Throwable bodyFailure) {
        closed = true;
        Throwable first = bodyFailure;
        for (int i = count - 1; i >= 0; i--) {
            try {
                children[i].join();
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                } else if (first != t) {
                    first.addSuppressed(t);
                }
            }
            children[i] = null;
        }
        rethrow(first);
    }

    static void rethrow(Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new CompletionException(t);
    }
}
