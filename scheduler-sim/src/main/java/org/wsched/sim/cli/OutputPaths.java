package org.wsched.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks output paths before any work is done, so that a bad one is a one-line error (exit 2)
 * that says what to give instead, not a failure after a long sweep.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Creates directory {@code dir} for {@code option} if needed; it must not be a file and must be writable. */
    static Path directory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file; give a directory (it is created "
                    + "if missing)");
        }
        create(dir, "the " + option + " directory " + dir, "; give a directory you can write to");
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("the " + option + " directory " + dir + " is not writable; give a "
                    + "directory you can write to");
        }
        return dir;
    }

    /**
     * Checks that file {@code file} for {@code option} can be written: not a directory, in a
     * writable directory (created if missing); the extension must be one of {@code extensions}
     * if any are given.
     */
    static Path file(String option, Path file, String... extensions) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a directory; give a file name, e.g. "
                    + file.resolve("out" + (extensions.length > 0 ? extensions[0] : "")));
        }
        if (extensions.length > 0) {
            boolean ok = false;
            for (String e : extensions) {
                ok |= file.getFileName().toString().endsWith(e);
            }
            if (!ok) {
                throw new IllegalArgumentException(option + " " + file + ": the file name must end in "
                        + String.join(" or ", extensions));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        create(parent, "the directory " + parent + " for " + option + " " + file, "");
        if (!Files.isWritable(parent)) {
            throw new IllegalArgumentException("cannot write " + option + " " + file + ": the directory " + parent
                    + " is not writable");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + file + " is not writable; give a file you can write to");
        }
        return file;
    }

    /**
     * Creates directory {@code dir} ({@code what}, for messages) and its parents; fails naming
     * the file in the way or the reason, followed by {@code advice}.
     */
    private static void create(Path dir, String what, String advice) {
        Path blocker = Files.exists(dir) && !Files.isDirectory(dir) ? dir : fileAbove(dir);
        if (blocker != null) {
            throw new IllegalArgumentException("cannot create " + what + ": " + blocker + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("cannot create " + what + ": " + reason(e) + advice);
        }
    }

    /** The first existing non-directory among the parents of {@code path}, or null. */
    private static Path fileAbove(Path path) {
        for (Path up = path.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up) && !Files.isDirectory(up)) {
                return up;
            }
        }
        return null;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
