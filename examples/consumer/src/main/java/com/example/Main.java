package com.example;

import org.wsched.Task;
import org.wsched.WorkStealingPool;

/** The README's first example, as a user's own program would have it. */
public final class Main {

    private Main() {
    }

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        Task<Long> a = Task.spawn(() -> fib(n - 1)); // child on this worker's deque
        long b = fib(n - 2);                          // the continuation runs meanwhile
        return a.join() + b;                          // sync: run it here if nobody stole it
    }

    public static void main(String[] args) {
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(2).build()) {
            long r = pool.invoke(() -> fib(30));
            System.out.println("fib(30) = " + r + ", tasks: " + pool.stats().tasksExecuted());
            if (r != 832_040) {
                throw new AssertionError("fib(30) should be 832040, was " + r);
            }
        }
    }
}
