package org.wsched.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UTS definition: the SHA-1 generator against MessageDigest, the standard trees' published node counts. */
class UtsTest {

    private static int[] words(byte[] digest) {
        ByteBuffer b = ByteBuffer.wrap(digest);
        int[] w = new int[5];
        for (int i = 0; i < 5; i++) {
            w[i] = b.getInt();
        }
        return w;
    }

    @Test
    void sha1MatchesMessageDigest() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        byte[] rootMsg = ByteBuffer.allocate(20).putInt(16, 19).array();
        int[] root = new int[5];
        UtsSha1.root(19, root);
        assertArrayEquals(words(md.digest(rootMsg)), root);
        int[] child = new int[5];
        for (int i : new int[] {0, 1, 7, 99, -1}) {
            ByteBuffer m = ByteBuffer.allocate(24);
            for (int w : root) {
                m.putInt(w);
            }
            m.putInt(i);
            UtsSha1.child(root, i, child);
            assertArrayEquals(words(md.digest(m.array())), child, "child " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1", "T3"})
    @Timeout(120)
    void serialCountsThePublishedNodeTotals(String name) {
        UtsTree t = UtsTree.of(name);
        assertEquals(t.expectedNodes(), Uts.serial(t, t.root(), 0));
    }

    @Test
    void standardTreesByName() {
        assertEquals(UtsTree.T1L, UtsTree.of("T1L"));
        assertEquals(UtsTree.T3L, UtsTree.of("T3L"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UtsTree.of("T2"));
        assertTrue(e.getMessage().contains("T1, T3, T1L or T3L"), e.getMessage());
    }

    @Test
    void childCountsFollowTheShape() {
        UtsTree bin = UtsTree.binomial(20, 0.5, 3, 1);
        assertEquals(20, bin.children(0x12345678, 0), "the binomial root has b0 children");
        assertEquals(3, bin.children(0, 1), "u = 0 < q: m children");
        assertEquals(0, bin.children(0x7fffffff, 1), "u near 1 >= q: none");
        UtsTree geo = UtsTree.geometric(4, 2, 1);
        assertEquals(0, geo.children(0x7fffffff, 2), "at the depth limit: none");
        assertEquals(0, geo.children(0, 0), "u = 0: floor(0) children");
        assertEquals(96, geo.children(0x7fffffff, 0), "u = 1 - 2^-31: floor(ln 2^-31 / ln 0.8)");
        assertEquals(UtsTree.MAX_CHILDREN, UtsTree.geometric(100, 2, 1).children(0x7fffffff, 0), "capped");
    }
}
