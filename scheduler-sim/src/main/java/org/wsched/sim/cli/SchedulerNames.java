package org.wsched.sim.cli;

import java.util.Iterator;
import org.wsched.sim.policy.Schedulers;

/** The scheduler names for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts ({@link Schedulers#names()}). */
final class SchedulerNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Schedulers.names().iterator();
    }
}
