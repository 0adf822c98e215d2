package org.wsched.sim.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The named scheduling policies the CLI and the tests know. */
public final class Schedulers {
    private static final Map<String, SchedulerPolicy> BY_NAME = new LinkedHashMap<>();

    static {
        register(new CentralQueuePolicy(false));
        register(new CentralQueuePolicy(true));
        register(new HlfetPolicy());
        register(new WorkStealingPolicy("ws", "work stealing: uniform random victim, steal one, child stealing",
                VictimSelection.UNIFORM, false, false));
        register(new WorkStealingPolicy("ws-p2c",
                "work stealing: probe two random victims, steal one from the longer deque",
                VictimSelection.TWO_CHOICES, false, false));
        register(new WorkStealingPolicy("ws-half", "work stealing: uniform random victim, steal half its deque",
                VictimSelection.UNIFORM, true, false));
        register(new WorkStealingPolicy("ws-rr", "work stealing: round-robin victims, steal one",
                VictimSelection.ROUND_ROBIN, false, false));
        register(new WorkStealingPolicy("ws-cont",
                "work stealing with continuation stealing (work-first): run the spawned child, leave the "
                        + "continuation to thieves", VictimSelection.UNIFORM, false, true));
    }

    private Schedulers() {
    }

    private static void register(SchedulerPolicy p) {
        BY_NAME.put(p.name(), p);
    }

    /** All names, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** All policies, in the order of {@link #names()}. */
    public static List<SchedulerPolicy> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The policy called {@code name}, if any. */
    public static Optional<SchedulerPolicy> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The policy called {@code name}; an unknown name is an error that lists the valid ones. */
    public static SchedulerPolicy byName(String name) {
        SchedulerPolicy p = BY_NAME.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown scheduler '" + name + "'; valid: " + String.join(", ", names()));
        }
        return p;
    }
}
