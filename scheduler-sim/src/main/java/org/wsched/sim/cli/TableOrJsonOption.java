package org.wsched.sim.cli;

import org.wsched.sim.report.OutputFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --format table|json} option of {@code info} and {@code profile}. */
final class TableOrJsonOption {
    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String value;

    /** The format given; anything else is a usage error. */
    OutputFormat get(CommandSpec spec) {
        return Args.format(spec, value, OutputFormat.TABLE, OutputFormat.JSON);
    }
}
