package org.wsched.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsched.CentralizedPool;
import org.wsched.Scheduler;
import org.wsched.WorkStealingPool;

/** Every variant of every program computes the right answer; UTS counts the published node totals. */
class ProgramsTest {

    private static Scheduler pool(String impl) {
        return impl.equals("wsched") ? WorkStealingPool.builder().parallelism(2).build()
                : CentralizedPool.builder().parallelism(2).build();
    }

    private static int[] words(byte[] digest) {
        ByteBuffer b = ByteBuffer.wrap(digest);
        int[] w = new int[5];
        for (int i = 0; i < 5; i++) {
            w[i] = b.getInt();
        }
        return w;
    }

    @Test
    @Timeout(10)
    void sha1MatchesMessageDigest() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        byte[] rootMsg = ByteBuffer.allocate(20).putInt(16, 19).array();
        int[] root = new int[5];
        Uts.Sha1.root(19, root);
        assertArrayEquals(words(md.digest(rootMsg)), root);
        int[] child = new int[5];
        for (int i : new int[] {0, 1, 7, 99, -1}) {
            ByteBuffer m = ByteBuffer.allocate(24);
            for (int w : root) {
                m.putInt(w);
            }
            m.putInt(i);
            Uts.Sha1.child(root, i, child);
            assertArrayEquals(words(md.digest(m.array())), child);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1", "T3"})
    @Timeout(120)
    void utsCountsThePublishedNodeTotals(String name) throws Exception {
        Uts.Tree t = Uts.Tree.of(name);
        assertEquals(t.expectedNodes(), Uts.serial(t, t.root(), 0), "serial");
        for (String impl : new String[] {"wsched", "centralized"}) {
            try (Scheduler s = pool(impl)) {
                assertEquals(t.expectedNodes(), (long) s.invoke(() -> Uts.wschedNode(t, t.root(), 0)), impl);
            }
        }
        ForkJoinPool fjp = new ForkJoinPool(2);
        try {
            assertEquals(t.expectedNodes(), (long) fjp.invoke(new Uts.FjpUts(t, null, 0, 0)), "fjp");
        } finally {
            fjp.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wsched", "centralized"})
    @Timeout(60)
    void allProgramsAgreeWithSerial(String impl) throws Exception {
        ForkJoinPool fjp = new ForkJoinPool(2);
        try (Scheduler s = pool(impl)) {
            assertEquals(Fib.serial(20), (long) s.invoke(() -> Fib.wsched(20)));
            assertEquals(Fib.serial(20), (long) fjp.invoke(new Fib.FjpFib(20)));

            int all = (1 << 9) - 1;
            assertEquals(NQueens.SOLUTIONS[9], NQueens.serial(all, 0, 0, 0));
            assertEquals(NQueens.SOLUTIONS[9], (long) s.invoke(() -> NQueens.wsched(all, 0, 0, 0, 0, 3)));
            assertEquals(NQueens.SOLUTIONS[9], (long) fjp.invoke(new NQueens.FjpQueens(all, 0, 0, 0, 0, 3)));

            MatMul.Problem p = new MatMul.Problem(128, 16, 1);
            double expect = MatMul.serial(p);
            // naive check of the serial blocking itself
            double naive = 0;
            for (int i = 0; i < 128; i++) {
                for (int j = 0; j < 128; j++) {
                    double c = 0;
                    for (int k = 0; k < 128; k++) {
                        c += p.a[i * 128 + k] * p.b[k * 128 + j];
                    }
                    naive += c;
                }
            }
            assertEquals(naive, expect);
            assertEquals(expect, (double) s.invoke(() -> MatMul.wsched(p)));
            p.clear();
            fjp.invoke(new MatMul.FjpMatMul(p, 0, 0, 0, 128));
            assertEquals(expect, p.checksum());

            int[] in = new java.util.SplittableRandom(3).ints(100_000).toArray();
            int[] sorted = in.clone();
            java.util.Arrays.sort(sorted);
            int[] a = in.clone();
            int[] tmp = new int[a.length];
            s.invoke(() -> MergeSort.wsched(a, tmp, 0, a.length, 1000));
            assertArrayEquals(sorted, a);
            int[] b = in.clone();
            fjp.invoke(new MergeSort.FjpSort(b, tmp, 0, b.length, 1000));
            assertArrayEquals(sorted, b);
            int[] c = in.clone();
            MergeSort.serial(c, tmp, 0, c.length, 1000);
            assertArrayEquals(sorted, c);
            assertTrue(MergeSort.isSorted(c));

            double exact = Integrate.exact(100);
            double ser = Integrate.serial(0, 0, 100, Integrate.f(100), 0, 1e-6);
            assertEquals(exact, ser, 1e-3 * exact);
            assertEquals(ser, s.invoke(() -> Integrate.wsched(0, 0, 100, Integrate.f(100), 0, 1e-6)), 1e-9 * exact);
            assertEquals(ser, fjp.invoke(new Integrate.FjpIntegrate(0, 0, 100, Integrate.f(100), 0, 1e-6)), 1e-9 * exact);
        } finally {
            fjp.shutdown();
        }
    }
}
