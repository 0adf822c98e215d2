package org.wsched.sim.cli;

import java.io.PrintWriter;
import org.wsched.sim.gen.DagSpecs;
import org.wsched.sim.policy.SchedulerPolicy;
import org.wsched.sim.policy.Schedulers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code list}: the schedulers and the dag spec forms. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the schedulers and the dag spec forms.")
final class ListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("schedulers:");
        for (SchedulerPolicy p : Schedulers.all()) {
            out.printf("  %-12s %s%n", p.name(), p.description());
        }
        out.println("dag specs:");
        for (String f : DagSpecs.FORMS) {
            out.println("  " + f);
        }
        out.flush();
    }
}
