package org.wsched.dag;

import java.util.List;

/**
 * The vocabulary of the {@code wsched-dag} task-graph file format, version 1: the header line and
 * the names of node and edge kinds, with the byte codes graphs store them as. {@link DagWriter}
 * writes the format; the simulator reads it. A file looks like this:
 *
 * <pre>
 * wsched-dag 1            first line: magic and format version
 * unit ns                 optional: what one tick of cost stands for (default "tick")
 * nodes 4                 required before any node or edge line: ids are 0 .. nodes-1
 * n 0 1200 spawn          n ID COST [strand|spawn|continuation|join]   (default strand)
 * n 1 800
 * e 0 1 spawn             e FROM TO [serial|spawn|continuation|join]   (default serial)
 * end                     required last line: a file without it is truncated
 * </pre>
 * Blank lines and lines starting with {@code #} are ignored. Node and edge lines may come in any
 * order and interleave; each node id is defined exactly once.
 */
public final class DagFormat {
    /** The magic word that starts the first line. */
    public static final String MAGIC = "wsched-dag";
    /** The format version written, and the one the simulator reads. */
    public static final int VERSION = 1;
    /** The first line of every file: {@code wsched-dag 1}. */
    public static final String HEADER = MAGIC + " " + VERSION;

    /** Edge code: plain precedence (the default edge kind). */
    public static final byte SERIAL = 0;
    /** Edge code: from a spawning strand to the first strand of the spawned child. */
    public static final byte SPAWN = 1;
    /** Edge code: from a spawning strand to the strand that continues the parent. */
    public static final byte CONTINUATION = 2;
    /** Edge code: from the last strand of a spawned child to the strand that syncs it. */
    public static final byte JOIN = 3;

    /** The edge kind names, indexed by edge code. */
    public static final List<String> EDGE_KINDS = List.of("serial", "spawn", "continuation", "join");
    /**
     * The node kind names, indexed by node code: a plain strand (the default), a strand that ends
     * with a spawn, one that resumes the parent after a spawn, one that syncs.
     */
    public static final List<String> NODE_KINDS = List.of("strand", "spawn", "continuation", "join");

    private DagFormat() {
    }

    /**
     * Whether an edge of this kind is charged the burden in a burdened span: continuation and join
     * edges, where work migrates when it is stolen.
     *
     * @param edgeCode an edge code
     * @return true for {@link #CONTINUATION} and {@link #JOIN}
     */
    public static boolean isBurdened(int edgeCode) {
        return edgeCode == CONTINUATION || edgeCode == JOIN;
    }
}
