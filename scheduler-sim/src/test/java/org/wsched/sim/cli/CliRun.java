package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI invocation in the tests: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
    /** Runs {@code wsched-sim ARGS} in this JVM. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
