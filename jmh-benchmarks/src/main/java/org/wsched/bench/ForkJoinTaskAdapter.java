package org.wsched.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.RecursiveTask;

/** A root {@code RecursiveTask} that runs a callable (which forks/invokes the real tasks). */
final class ForkJoinTaskAdapter<T> extends RecursiveTask<T> {
    private final Callable<T> body;

    private ForkJoinTaskAdapter(Callable<T> body) {
        this.body = body;
    }

    static <T> ForkJoinTaskAdapter<T> of(Callable<T> body) {
        return new ForkJoinTaskAdapter<>(body);
    }

    @Override
    protected T compute() {
        try {
            return body.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }
}
