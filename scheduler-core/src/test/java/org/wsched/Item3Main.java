package org.wsched;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Issue #13 item 3, run in a child JVM by {@link FaultTest} with {@code -Xint}: interpreted,
 * every call is a frame of its own (no inlining), so sweeping the depth at which a worker helps
 * finds, deterministically, the depth where a trivial child's body returns and its completion
 * (the VarHandle store of its status in {@code complete()}) overflows the stack.
 *
 * <p>Arguments: pool kind (WORK_STEALING or CENTRALIZED), worker stack size in bytes, depths
 * to sweep. Exit 0: every root returned and both workers still run tasks; 2: a root never
 * returned; 3: a worker no longer runs tasks. The output says what happened.
 */
final class Item3Main {

    private Item3Main() {
    }

    public static void main(String[] args) throws Exception {
        Pools kind = Pools.valueOf(args[0]);
        long stack = Long.parseLong(args[1]);
        int depths = Integer.parseInt(args[2]);
        String prefix = "item3-child-w";
        Scheduler pool = Capture.create(kind, 2, prefix, stack);
        Future<Integer> f = pool.submit(() -> FaultTest.helpAtEveryDepth(depths, 4));
        try {
            int r = f.get(40, TimeUnit.SECONDS);
            System.out.println("RESULT " + r + " (expected " + depths * 4 + ")");
        } catch (TimeoutException e) {
            System.out.println("HANG: the root never returned; workers:" + Capture.stacks(prefix, 16));
            System.out.flush();
            Runtime.getRuntime().halt(2);
        }
        CountDownLatch release = new CountDownLatch(1);
        boolean ok = Capture.occupy(pool, 2, release, 10).await(20, TimeUnit.SECONDS);
        release.countDown();
        if (!ok) {
            System.out.println("DEAD: not every worker runs tasks; live workers:" + Capture.stacks(prefix, 16));
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
        System.out.println("OK");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
