package org.wsched.examples;

import java.util.Arrays;
import java.util.Locale;
import org.wsched.workloads.Fib;

/**
 * Shows whether this machine runs code at a steady speed: times a fixed serial computation
 * (a recursive fib, about half a millisecond) back to back for a while on one thread and reports
 * how many samples were more than 10% slower than the fastest one, with a timeline.
 *
 * <p>On a shared or virtualised host the same instructions can take 1.5 times as long for
 * tens of milliseconds to seconds at a time (another tenant on the same physical core, frequency
 * changes); no thread of this JVM is involved. A run timed in such a phase is slower for
 * reasons no scheduler model sees, which is why docs/profiling.md compares best runs as well as
 * medians. {@link TraceDemo} prints this probe's summary before and after its measurements.
 *
 * <pre>
 * java -cp examples/target/wsched-examples.jar org.wsched.examples.HostSpeedProbe [seconds]
 * </pre>
 */
public final class HostSpeedProbe {

    /** A sample is slow if it took more than this times the fastest sample. */
    static final double SLOW = 1.10;
    private static final int FIB_N = 24;
    /** Where {@link #sample} leaves its results' sum. */
    static volatile long checksum;

    private HostSpeedProbe() {
    }

    /**
     * Entry point.
     *
     * @param args optional: seconds to sample (default 2)
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        Result r = sample((long) (seconds * 1e9));
        System.out.println(r.summary());
        System.out.println("timeline (one character per sample, '.' within 10% of the fastest, 'X' slower):");
        for (int i = 0; i < r.timeline.length(); i += 100) {
            System.out.println(r.timeline.substring(i, Math.min(r.timeline.length(), i + 100)));
        }
    }

    /** What {@link #sample} saw. */
    static final class Result {
        final double[] micros;
        final String timeline;

        Result(double[] micros, String timeline) {
            this.micros = micros;
            this.timeline = timeline;
        }

        double slowFraction() {
            return timeline.chars().filter(c -> c == 'X').count() / (double) timeline.length();
        }

        String summary() {
            double[] sorted = micros.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "host speed: %d samples of serial fib(%d): fastest %.0f us, median %.0f us, "
                            + "slowest %.0f us; %.0f%% of samples more than %.0f%% slower than the fastest", sorted.length,
                    FIB_N, sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1], 100 * slowFraction(),
                    100 * (SLOW - 1));
        }
    }

    /** Samples for about {@code nanos} (after a short warm-up) on the calling thread. */
    static Result sample(long nanos) {
        long sink = 0;
        for (int i = 0; i < 2_000; i++) {
            sink += Fib.serial(FIB_N - 6); // warm-up: compiled before sampling
        }
        double[] micros = new double[1 << 16];
        int n = 0;
        long end = System.nanoTime() + nanos;
        while (n < micros.length && System.nanoTime() < end) {
            long t0 = System.nanoTime();
            sink += Fib.serial(FIB_N);
            micros[n++] = (System.nanoTime() - t0) / 1e3;
        }
        checksum = sink; // the results are used, so the JIT cannot drop the computation
        micros = Arrays.copyOf(micros, n);
        double fastest = Arrays.stream(micros).min().orElse(0);
        StringBuilder timeline = new StringBuilder(n);
        for (double m : micros) {
            timeline.append(m > SLOW * fastest ? 'X' : '.');
        }
        return new Result(micros, timeline.toString());
    }
}
