package org.wsched.sim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code wsched-sim} command that returns its exit code: picocli's model of it, for usage errors and output. */
abstract class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
}
