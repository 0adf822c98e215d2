package org.wsched.workloads;

/**
 * The shape of an Unbalanced Tree Search tree (Olivier et al., LCPC 2006): which node has how many
 * children. The one definition of UTS in this project: the runtime programs of {@link Uts} and the
 * simulator's UTS generator both expand trees with {@link #root()}, {@link UtsSha1#child} and
 * {@link #children}.
 *
 * <p>A node's random number is bytes 16..19 of its SHA-1 digest (digest word 4), big endian,
 * masked with {@code 0x7fffffff}, divided by 2³¹ (see {@link UtsSha1} for the digests).
 * <ul>
 *   <li>geometric, fixed shape: a node at depth &lt; {@code maxDepth} has
 *       ⌊ln(1 − u) / ln(1 − p)⌋ children, at most {@link #MAX_CHILDREN}, with p = 1 / (1 + b0);
 *       deeper nodes have none;
 *   <li>binomial: the root has b0 children, every other node {@code m} children with
 *       probability {@code q}.
 * </ul>
 *
 * @param name          the tree's name (T1, T3, … or the parameters spelled out)
 * @param binomial      binomial (true) or geometric fixed-shape (false)
 * @param b0            geometric: expected branching factor; binomial: the root's children
 * @param maxDepth      geometric: depth below which nodes have children (ignored by binomial)
 * @param q             binomial: probability that a non-root node has children
 * @param m             binomial: children of a non-root node that has any
 * @param seed          the root's seed
 * @param expectedNodes the published node count, or -1 where none is known
 */
public record UtsTree(String name, boolean binomial, double b0, int maxDepth, double q, int m, int seed,
                      long expectedNodes) {

    /** Maximum children of a geometric node, as in the reference implementation. */
    public static final int MAX_CHILDREN = 100;

    /** T1: geometric, b0 = 4, d = 10, seed 19: 4,130,071 nodes. */
    public static final UtsTree T1 = new UtsTree("T1", false, 4, 10, 0, 0, 19, 4_130_071L);
    /** T3: binomial, b0 = 2000, q = 0.124875, m = 8, seed 42: 4,112,897 nodes. */
    public static final UtsTree T3 = new UtsTree("T3", true, 2000, 0, 0.124875, 8, 42, 4_112_897L);
    /** T1L: geometric, b0 = 4, d = 13, seed 29: 102,181,082 nodes. */
    public static final UtsTree T1L = new UtsTree("T1L", false, 4, 13, 0, 0, 29, 102_181_082L);
    /** T3L: binomial, b0 = 2000, q = 0.200014, m = 5, seed 7: 111,345,631 nodes. */
    public static final UtsTree T3L = new UtsTree("T3L", true, 2000, 0, 0.200014, 5, 7, 111_345_631L);

    /**
     * A standard tree by name.
     *
     * @param name T1, T3, T1L or T3L
     * @return that tree
     * @throws IllegalArgumentException for any other name
     */
    public static UtsTree of(String name) {
        return switch (name) {
            case "T1" -> T1;
            case "T3" -> T3;
            case "T1L" -> T1L;
            case "T3L" -> T3L;
            default -> throw new IllegalArgumentException("tree must be T1, T3, T1L or T3L, not '" + name + "'");
        };
    }

    /**
     * A geometric fixed-shape tree (node count unknown).
     *
     * @param b0 expected branching factor
     * @param depth nodes at this depth or deeper have no children
     * @param seed the root's seed
     * @return the tree
     */
    public static UtsTree geometric(double b0, int depth, int seed) {
        return new UtsTree("geo:b0=" + b0 + ",d=" + depth + ",seed=" + seed, false, b0, depth, 0, 0, seed, -1);
    }

    /**
     * A binomial tree (node count unknown).
     *
     * @param b0 the root's children
     * @param q probability that another node has children
     * @param m children of a node that has any
     * @param seed the root's seed
     * @return the tree
     */
    public static UtsTree binomial(int b0, double q, int m, int seed) {
        return new UtsTree("bin:b0=" + b0 + ",q=" + q + ",m=" + m + ",seed=" + seed, true, b0, 0, q, m, seed, -1);
    }

    /**
     * The number of children of a node.
     *
     * @param h4 word 4 of the node's digest (its bytes 16..19, big endian)
     * @param depth the node's depth (the root's is 0)
     * @return how many children the node has
     */
    public int children(int h4, int depth) {
        double u = toProb(h4);
        if (binomial) {
            if (depth == 0) {
                return (int) b0;
            }
            return u < q ? m : 0;
        }
        if (depth >= maxDepth) {
            return 0;
        }
        double p = 1.0 / (1.0 + b0);
        int n = (int) Math.floor(Math.log(1 - u) / Math.log(1 - p));
        return Math.min(n, MAX_CHILDREN);
    }

    /**
     * The root node's digest.
     *
     * @return a new array of the root's five digest words
     */
    public int[] root() {
        int[] h = new int[5];
        UtsSha1.root(seed, h);
        return h;
    }

    private static double toProb(int h4) {
        int r = h4 & 0x7fffffff;
        return r == 0 ? 0.0 : r / 2147483648.0;
    }
}
