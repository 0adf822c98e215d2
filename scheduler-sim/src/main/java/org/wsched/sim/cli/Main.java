package org.wsched.sim.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.io.DagInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wsched-sim} command line: {@code java -jar scheduler-sim/target/wsched-sim.jar
 * <command> ...}. Exit codes: 0 success, 2 wrong arguments or bad input (with a message, never
 * a stack trace), 1 anything else.
 */
@Command(name = "wsched-sim", mixinStandardHelpOptions = true, version = "wsched-sim 0.1.0",
        description = "Simulates greedy and work-stealing schedulers on task graphs at any processor count.",
        subcommands = {InfoCommand.class, ProfileCommand.class, RunCommand.class, CompareCommand.class, BenchCommand.class,
            ExportCommand.class, ListCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: info, profile, run, compare, "
                + "bench, export or list (try --help)");
    }

    /** Runs the CLI and exits with its exit code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** An I/O failure in one line: what, on which file, why. */
    private static String describe(Throwable io) {
        if (io instanceof java.nio.file.FileSystemException) {
            java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) io;
            String why = io instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : io instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : io instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                    : f.getReason() != null ? f.getReason() : io.getClass().getSimpleName();
            return "cannot access " + f.getFile() + ": " + why;
        }
        return "input/output failed: " + io.getMessage();
    }

    /** Ends the help of every command that takes {@code --dag} with the dag kinds ({@link DagSpecs#KINDS}). */
    private static void listDagKindsInHelp(CommandLine cl) {
        List<String> names = new ArrayList<>();
        for (DagSpecs.Kind k : DagSpecs.KINDS) {
            names.addAll(k.names());
        }
        String footer = "%nDag specs are KIND:ARGS with KIND one of " + String.join(", ", names)
                + " ('wsched-sim list' shows each form).";
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--dag") != null) {
                sub.getCommandSpec().usageMessage().footer(footer);
            }
        }
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = new CommandLine(new Main());
        listDagKindsInHelp(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable e = ex;
            if (e instanceof CommandLine.ParameterException) {
                throw (CommandLine.ParameterException) e;
            }
            if (e instanceof DagInputException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                cmd.getErr().flush();
                return 2;
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                Throwable io = e instanceof java.io.UncheckedIOException ? e.getCause() : e;
                cmd.getErr().println("error: " + describe(io));
                cmd.getErr().flush();
                return 2;
            }
            if (e instanceof OutOfMemoryError) {
                cmd.getErr().println("error: out of memory; give the JVM more heap, e.g. java -Xmx8g -jar wsched-sim.jar ...");
                return 1;
            }
            cmd.getErr().println("internal error: " + e);
            if (System.getenv("WSCHED_SIM_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(set WSCHED_SIM_DEBUG=1 to see the stack trace, and please report it)");
            }
            cmd.getErr().flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
