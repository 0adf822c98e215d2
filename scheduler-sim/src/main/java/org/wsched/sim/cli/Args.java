package org.wsched.sim.cli;

import java.util.function.Supplier;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.report.OutputFormat;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** Helpers that turn bad option values into picocli usage errors (exit code 2). */
final class Args {
    private Args() {
    }

    /** Evaluates {@code parse}; a conversion error becomes a usage error naming {@code option}. */
    static <T> T option(CommandSpec spec, String option, String value, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (TypeConversionException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "' ('" + value + "'): " + e.getMessage());
        }
    }

    /** Parses {@code --format}: one of {@code allowed}, else a usage error listing them. */
    static OutputFormat format(CommandSpec spec, String value, OutputFormat... allowed) {
        return option(spec, "--format", value, () -> OutputFormat.parse(value, allowed));
    }

    /** Fails with a usage error unless {@code ok}. */
    static void check(CommandSpec spec, boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** Picocli converter for one scheduler name. */
    static final class SchedulerConverter implements ITypeConverter<SchedulerPolicy> {
        @Override
        public SchedulerPolicy convert(String value) {
            return ListArgs.scheduler(value);
        }
    }
}
