package org.wsched.sim.cli;

import java.util.List;
import org.wsched.sim.bench.SimThroughput;
import org.wsched.sim.policy.SchedulerPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: the simulator's own throughput benchmark (see {@link SimThroughput}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures simulation speed (nodes/s), its ratio to one topological pass, and memory per node.")
final class BenchCommand extends SimCommand {
    @Option(names = "--dag", defaultValue = "uts:T1", paramLabel = "SPEC", description = "Graph (default: ${DEFAULT-VALUE}).")
    String dag;

    @Option(names = "--schedulers", defaultValue = "greedy,ws", paramLabel = "A,B",
            description = "Schedulers (default: ${DEFAULT-VALUE}).")
    String schedulerArg;

    @Option(names = "--procs", defaultValue = "64,1024", paramLabel = "LIST",
            description = "Processor counts (default: ${DEFAULT-VALUE}).")
    String procsArg;

    @Option(names = "--reps", defaultValue = "7", paramLabel = "N", description = "Measured repetitions (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N", description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() {
        List<SchedulerPolicy> schedulers = Args.option(spec, "--schedulers", schedulerArg,
                () -> ListArgs.schedulers(schedulerArg));
        int[] procs = Args.option(spec, "--procs", procsArg, () -> ListArgs.procs(procsArg))
                .stream().mapToInt(Integer::intValue).toArray();
        Args.check(spec, reps >= 1 && warmup >= 0, "--reps must be >= 1 and --warmup >= 0");
        if (reps < 5) {
            spec.commandLine().getErr().println("warning: --reps " + reps + " gives medians of " + reps
                    + " run" + (reps == 1 ? "" : "s") + "; on a shared machine the ratios then vary by tens of percent "
                    + "from run to run: use --reps 5 or more, and compare the CPU-time columns");
            spec.commandLine().getErr().flush();
        }
        SimThroughput.run(spec.commandLine().getOut(), dag, schedulers, procs, reps, warmup);
        return 0;
    }
}
