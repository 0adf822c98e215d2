package org.wsched.sim.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens input files with errors that name the file; {@code .gz} files are decompressed. */
final class InputFiles {
    private InputFiles() {
    }

    /** Opens {@code file} as UTF-8 text, through gzip if its name ends in {@code .gz}. */
    static BufferedReader openText(Path file, String kind) {
        return new BufferedReader(new InputStreamReader(openStream(file, kind), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Opens {@code file} as bytes, through gzip if its name ends in {@code .gz}. */
    static InputStream openStream(Path file, String kind) {
        if (!Files.exists(file)) {
            throw new DagInputException(kind + " file " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new DagInputException(kind + " file " + file + " is a directory, not a file");
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return in;
        } catch (IOException e) {
            throw new DagInputException(kind + " file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The error for an I/O failure while reading, e.g. a truncated gzip stream. */
    static DagInputException readFailure(String kind, Path file, long line, IOException e) {
        String what = e instanceof java.io.EOFException
                ? "the file ends unexpectedly (truncated?)"
                : "cannot be read: " + e.getMessage();
        return line < 0 ? new DagInputException(kind + " file " + file + ": " + what, e)
                : DagInputException.atLine(kind, file.toString(), line, what);
    }
}
