package org.wsched.workloads;

import java.util.concurrent.RecursiveTask;
import org.wsched.Frames;
import org.wsched.Task;

/**
 * Unbalanced Tree Search: counts the nodes of a {@link UtsTree}. Nothing is precomputed: every
 * node costs one SHA-1 compression ({@link UtsSha1}), and every child is a task (the first child
 * of each node runs inline, the rest are spawned / forked, each hashing itself when it runs).
 */
public final class Uts {

    private Uts() {
    }

    /** Serial depth-first count. */
    public static long serial(UtsTree t, int[] node, int depth) {
        int n = t.children(node[4], depth);
        long count = 1;
        for (int i = 0; i < n; i++) {
            int[] child = new int[5];
            UtsSha1.child(node, i, child);
            count += serial(t, child, depth + 1);
        }
        return count;
    }

    /** wsched: spawn children 1..n-1 (each hashes itself), run child 0 inline, join newest first. */
    public static long wsched(UtsTree t, int[] parent, int index, int depth) {
        int[] node = new int[5];
        UtsSha1.child(parent, index, node);
        return wschedNode(t, node, depth);
    }

    /** wsched, from an already hashed node. */
    public static long wschedNode(UtsTree t, int[] node, int depth) {
        int n = t.children(node[4], depth);
        if (n == 0) {
            return 1;
        }
        @SuppressWarnings("unchecked")
        Task<Long>[] kids = (Task<Long>[]) new Task<?>[n - 1];
        for (int i = 1; i < n; i++) {
            int idx = i;
            kids[i - 1] = Task.spawn(() -> wsched(t, node, idx, depth + 1));
        }
        long count = 1 + wsched(t, node, 0, depth + 1);
        for (int i = n - 2; i >= 0; i--) {
            count += kids[i].join();
        }
        return count;
    }

    /** A hashed node and its tree: the context of a frames UTS job (one object per node, as the int[] is). */
    public record FramesNode(UtsTree t, int[] node) {
    }

    /** wsched frames: ctx = the parent's {@link FramesNode}, arg = child index &lt;&lt; 32 | depth. */
    public static long frames(Frames f, Object ctx, long arg) {
        FramesNode parent = (FramesNode) ctx;
        int[] node = new int[5];
        UtsSha1.child(parent.node(), (int) (arg >>> 32), node);
        return framesNode(f, new FramesNode(parent.t(), node), (int) arg);
    }

    /** wsched frames, from an already hashed node: spawn children 1..n-1, run child 0, sync newest first. */
    public static long framesNode(Frames f, FramesNode self, int depth) {
        int n = self.t().children(self.node()[4], depth);
        if (n == 0) {
            return 1;
        }
        for (int i = 1; i < n; i++) {
            f.spawn(Uts::frames, self, (long) i << 32 | (depth + 1));
        }
        long count = 1 + frames(f, self, depth + 1);
        for (int i = n - 2; i >= 0; i--) {
            count += f.sync();
        }
        return count;
    }

    /** ForkJoinPool: fork children 1..n-1, compute child 0, join newest first. */
    public static final class FjpUts extends RecursiveTask<Long> {
        private final UtsTree t;
        private final int[] parent;
        private final int index;
        private final int depth;

        /** The subtree of a child node (hashed when it runs); {@code parent == null} means the root. */
        public FjpUts(UtsTree t, int[] parent, int index, int depth) {
            this.t = t;
            this.parent = parent;
            this.index = index;
            this.depth = depth;
        }

        @Override
        protected Long compute() {
            int[] node;
            if (parent == null) {
                node = t.root();
            } else {
                node = new int[5];
                UtsSha1.child(parent, index, node);
            }
            int n = t.children(node[4], depth);
            if (n == 0) {
                return 1L;
            }
            FjpUts[] kids = new FjpUts[n - 1];
            for (int i = 1; i < n; i++) {
                kids[i - 1] = new FjpUts(t, node, i, depth + 1);
                kids[i - 1].fork();
            }
            long count = 1 + new FjpUts(t, node, 0, depth + 1).compute();
            for (int i = n - 2; i >= 0; i--) {
                count += kids[i].join();
            }
            return count;
        }
    }
}
