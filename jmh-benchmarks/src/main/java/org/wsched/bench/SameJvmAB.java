package org.wsched.bench;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Two or more builds of wsched in one JVM, against ForkJoinPool in the same JVM: the one
 * comparison steady enough on a shared 2-core machine to see effects of a few percent (separate
 * JMH forks differ by 20-40% from one JIT outcome to the next). Each build is loaded by a class
 * loader of its own, with {@code AbProbe} (public API only, compiled beside it by
 * {@code jmh-benchmarks/same-jvm-ab}); rounds of one program (fib(30) in its plain, unboxed or
 * frames form, or another of the benchmarks' programs, see {@code AbProbe}) alternate between the
 * program's FJP form and the builds, the order rotating every round, and the second half of the
 * rounds is reported: per build, the median time and the median and quartiles of the per-round
 * ratio FJP time / build time. With one build this is the same-JVM comparison of wsched against
 * FJP on that program.
 *
 * <p>Usage (the script does this): {@code SameJvmAB P ROUNDS PROGRAM PROBE_DIR LIBS
 * NAME=CLASSES_DIR...}, one line of output per JVM. With {@code -Dwsched.ab.warmup=N}, every
 * probe (FJP's and each build's) first runs N invokes of an empty root on its pool, so that the
 * JIT compiles the path of an invoke, which runs only once a round.
 */
public final class SameJvmAB {

    private SameJvmAB() {
    }

    public static void main(String[] a) throws Exception {
        if (a.length < 6) {
            throw new IllegalArgumentException("usage: SameJvmAB P ROUNDS PROGRAM PROBE_DIR LIBS NAME=CLASSES_DIR... (programs: see AbProbe)");
        }
        int p = Integer.parseInt(a[0]);
        int rounds = Integer.parseInt(a[1]);
        String what = a[2];
        File probeDir = new File(a[3]);
        String[] libs = a[4].split(File.pathSeparator);
        List<String> names = new ArrayList<>();
        List<LongSupplier> runs = new ArrayList<>();
        for (int i = 5; i < a.length; i++) {
            int eq = a[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("build must be NAME=CLASSES_DIR, not '" + a[i] + "'");
            }
            List<URL> urls = new ArrayList<>();
            urls.add(probeDir.toURI().toURL());
            urls.add(new File(a[i].substring(eq + 1)).toURI().toURL());
            for (String l : libs) {
                urls.add(new File(l).toURI().toURL());
            }
            ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Constructor<?> probe = cl.loadClass("org.wsched.AbProbe").getConstructor(int.class, String.class, boolean.class);
            if (runs.isEmpty()) {
                // The program's ForkJoinPool form, from the first build's loader (it uses no wsched class).
                names.add("fjp");
                runs.add((LongSupplier) newProbe(probe, p, what, true));
            }
            runs.add((LongSupplier) newProbe(probe, p, what, false));
            names.add(a[i].substring(0, eq));
        }
        int warmup = Integer.getInteger("wsched.ab.warmup", 0);
        for (LongSupplier run : runs) {
            ((IntConsumer) run).accept(warmup);
        }
        int k = runs.size();
        long[][] t = new long[k][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < k; j++) {
                int jj = (j + r) % k;
                t[jj][r] = runs.get(jj).getAsLong();
            }
        }
        int from = rounds / 2; // the first half warms up
        StringBuilder sb = new StringBuilder("p=" + p + " " + what + ":");
        for (int j = 0; j < k; j++) {
            long[] s = Arrays.copyOfRange(t[j], from, rounds);
            Arrays.sort(s);
            double[] ratio = new double[rounds - from];
            for (int r = from; r < rounds; r++) {
                ratio[r - from] = (double) t[0][r] / t[j][r];
            }
            Arrays.sort(ratio);
            sb.append(String.format(Locale.ROOT, "  %s %.2f ms (FJP/x %.2f [%.2f..%.2f])", names.get(j),
                    s[s.length / 2] / 1e6, ratio[ratio.length / 2], ratio[ratio.length / 4], ratio[3 * ratio.length / 4]));
        }
        System.out.println(sb);
        System.exit(0); // the builds' pools are not closed: their workers are daemons of other loaders
    }

    /** A probe, with the probe's own message if it refuses the program (e.g. a name it does not know). */
    private static Object newProbe(Constructor<?> probe, int p, String what, boolean onFjp) throws Exception {
        try {
            return probe.newInstance(p, what, onFjp);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw e;
        }
    }
}
