package org.wsched.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.wsched.Trace;
import org.wsched.WorkStealingPool;
import org.wsched.workloads.Fib;

/**
 * The first example of docs/profiling.md: warms up, records one run of fib with no cutoff on a
 * tracing pool, prints its profile and writes its task graph for the simulator.
 *
 * <pre>
 * java -cp examples/target/wsched-examples.jar org.wsched.examples.ProfileFib [n=27] [file=fib.dag.gz]
 * </pre>
 */
public final class ProfileFib {

    private ProfileFib() {
    }

    /**
     * Entry point.
     *
     * @param args optional: fib's argument (default 27: about 950,000 strands, within the default
     *     trace budget of 4,000,000) and the file to write (default {@code fib.dag.gz})
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 27;
        Path file = Path.of(args.length > 1 ? args[1] : "fib.dag.gz");
        // Warm up first, traced too (a trace holds every run of its pool, so one pool per run): a
        // cold run times the interpreter and the JIT compiling fib and the tracer, not fib.
        for (int i = 0; i < 20; i++) {
            try (WorkStealingPool warm = WorkStealingPool.builder().parallelism(2).tracing(true).build()) {
                warm.invoke(() -> Fib.wsched(n)); // the README's fib: every call a task
                warm.trace().profile();
            }
        }
        try (WorkStealingPool pool = WorkStealingPool.builder().parallelism(2).tracing(true).build()) {
            long r = pool.invoke(() -> Fib.wsched(n));
            Trace trace = pool.trace();                       // every run of this pool so far
            System.out.println("fib(" + n + ") = " + r);
            System.out.println(trace.profile().report());     // burden 6,250 ns; or profile(burdenNanos)
            trace.writeDag(file);                             // wsched-dag 1, unit ns; .gz compresses
        }
    }
}
