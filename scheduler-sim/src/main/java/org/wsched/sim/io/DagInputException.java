package org.wsched.sim.io;

/**
 * A task graph could not be read or generated because the input is wrong: a malformed spec, a
 * missing file, or a file that breaks its format. The message names the file, the line or JSON
 * path, what is wrong and, where it helps, what to do instead. The CLI prints just the message.
 */
public final class DagInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public DagInputException(String message) {
        super(message);
    }

    /** An error with a complete message and its cause (kept for debugging, not printed). */
    public DagInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at a line of a text file: "{@code <kind> file <file> line <line>: <what>}". */
    public static DagInputException atLine(String kind, String file, long line, String what) {
        return new DagInputException(kind + " file " + file + " line " + line + ": " + what);
    }
}
