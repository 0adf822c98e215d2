package org.wsched.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.wsched.Scheduler;
import org.wsched.SchedulerStats;

/**
 * Publishes a wsched {@link Scheduler}'s {@link SchedulerStats} to Micrometer, the way Micrometer's
 * own {@code ExecutorServiceMetrics} publishes a {@code ForkJoinPool} or a
 * {@code ThreadPoolExecutor}.
 *
 * <pre>{@code
 * WorkStealingPool pool = WorkStealingPool.builder().parallelism(8).build();
 * new SchedulerMetrics(pool, "compute", Tags.empty()).bindTo(registry);
 * }</pre>
 *
 * <p>Every meter has the tags {@code name} (the name given here), {@code scheduler}
 * ({@code work-stealing} or {@code centralized}) and the extra tags given here. Counters are
 * Micrometer function counters (monotonic; rates come from the registry):
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>meter</th><th>type</th><th>from</th></tr>
 * <tr><td>{@code wsched.tasks.executed}</td><td>counter</td><td>{@link SchedulerStats#tasksExecuted()}</td></tr>
 * <tr><td>{@code wsched.tasks.spawned}</td><td>counter</td><td>{@link SchedulerStats#spawns()}</td></tr>
 * <tr><td>{@code wsched.submissions}</td><td>counter</td><td>{@link SchedulerStats#externalSubmissions()}</td></tr>
 * <tr><td>{@code wsched.submissions.rejected}</td><td>counter</td><td>{@link SchedulerStats#rejectedSubmissions()}</td></tr>
 * <tr><td>{@code wsched.submissions.queued}</td><td>gauge</td><td>{@link SchedulerStats#queuedSubmissions()}</td></tr>
 * <tr><td>{@code wsched.steals}</td><td>counter</td><td>{@link SchedulerStats#steals()}</td></tr>
 * <tr><td>{@code wsched.steal.attempts}</td><td>counter</td><td>{@link SchedulerStats#stealAttempts()}</td></tr>
 * <tr><td>{@code wsched.worker.parks}</td><td>counter</td><td>{@link SchedulerStats#parks()}</td></tr>
 * <tr><td>{@code wsched.worker.wakeups}</td><td>counter</td><td>{@link SchedulerStats#wakeUps()}</td></tr>
 * <tr><td>{@code wsched.queue.offers}</td><td>counter</td><td>{@link SchedulerStats#queueOffers()}</td></tr>
 * <tr><td>{@code wsched.queue.polls}</td><td>counter</td><td>{@link SchedulerStats#queuePolls()}</td></tr>
 * <tr><td>{@code wsched.queue.contention}</td><td>counter</td><td>{@link SchedulerStats#queueContention()}</td></tr>
 * <tr><td>{@code wsched.worker.busy}</td><td>counter, seconds</td><td>{@link SchedulerStats#busyNanos()}</td></tr>
 * <tr><td>{@code wsched.parallelism}</td><td>gauge</td><td>{@link SchedulerStats#parallelism()}</td></tr>
 * <tr><td>{@code wsched.schedule.latency}</td><td>time gauge per {@code quantile} tag (0.5, 0.9,
 *     0.99, 0.999, 1.0 = max)</td><td>{@link SchedulerStats#scheduleLatency()}</td></tr>
 * <tr><td>{@code wsched.schedule.latency.count}</td><td>counter</td><td>{@link SchedulerStats.Latency#count()}</td></tr>
 * </table>
 *
 * <p>Each meter reads {@link Scheduler#stats()} when the registry asks for its value: a
 * snapshot summed over the workers while they run (see {@link Scheduler#stats()}). The pool is
 * held weakly, as Micrometer's function meters do: a pool that is no longer referenced reports
 * {@code NaN}. The schedule latency covers tasks submitted from outside the pool since it was
 * built: its count is every one of them, its quantiles come from a random eighth of them (every
 * one on a pool with {@code maxQueueDelay}), see {@link SchedulerStats#scheduleLatency()}.
 */
public final class SchedulerMetrics implements MeterBinder {

    /** Quantiles published by {@code wsched.schedule.latency}; 1.0 is the maximum. */
    static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};

    private final Scheduler scheduler;
    private final Tags tags;

    /**
     * Binds {@code scheduler} with the given name and extra tags.
     *
     * @param scheduler the pool to observe
     * @param name the value of the {@code name} tag, telling this pool's meters from another's
     * @param tags extra tags for every meter (for example {@code Tags.of("app", "search")})
     * @throws NullPointerException if any argument is null
     */
    public SchedulerMetrics(Scheduler scheduler, String name, Iterable<Tag> tags) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(name, "name: give each pool a name to tell its meters apart");
        this.tags = Tags.concat(Objects.requireNonNull(tags, "tags: use Tags.empty() for none"),
                "name", name, "scheduler", scheduler.stats().scheduler());
    }

    /**
     * Registers the meters listed on the class with {@code registry}.
     *
     * @param registry the registry to publish to
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "wsched.tasks.executed", "tasks run to completion (spawned, submitted and helped)",
                "tasks", SchedulerStats::tasksExecuted);
        counter(registry, "wsched.tasks.spawned", "tasks created by Task.spawn and Scope.spawn",
                "tasks", SchedulerStats::spawns);
        counter(registry, "wsched.submissions", "tasks accepted from outside the pool (ExecutorService methods, invoke)",
                "tasks", SchedulerStats::externalSubmissions);
        counter(registry, "wsched.submissions.rejected",
                "submissions rejected: after shutdown, or by demand control (maxQueuedSubmissions, maxQueueDelay)",
                "tasks", SchedulerStats::rejectedSubmissions);
        Gauge.builder("wsched.submissions.queued", scheduler, s -> s.stats().queuedSubmissions())
                .tags(tags).description("submissions accepted but not started yet").baseUnit("tasks")
                .register(registry);
        counter(registry, "wsched.steals", "tasks taken from another worker's deque (0 in a centralized pool)",
                "tasks", SchedulerStats::steals);
        counter(registry, "wsched.steal.attempts", "steal attempts, successful or not",
                "attempts", SchedulerStats::stealAttempts);
        counter(registry, "wsched.worker.parks", "times a worker fell asleep", "parks", SchedulerStats::parks);
        counter(registry, "wsched.worker.wakeups", "times a thread woke a sleeping worker",
                "wakeups", SchedulerStats::wakeUps);
        counter(registry, "wsched.queue.offers", "tasks put into the shared queue", "tasks", SchedulerStats::queueOffers);
        counter(registry, "wsched.queue.polls", "tasks taken from the shared queue", "tasks", SchedulerStats::queuePolls);
        counter(registry, "wsched.queue.contention",
                "polls that found the shared queue non-empty but got nothing (another worker was first)",
                "polls", SchedulerStats::queueContention);
        FunctionCounter.builder("wsched.worker.busy", scheduler, s -> s.stats().busyNanos() / 1e9)
                .tags(tags).description("time workers spent running top-level tasks, summed over workers")
                .baseUnit("seconds").register(registry);
        Gauge.builder("wsched.parallelism", scheduler, s -> s.parallelism())
                .tags(tags).description("number of workers").baseUnit("threads").register(registry);
        for (double q : QUANTILES) {
            TimeGauge.builder("wsched.schedule.latency", scheduler, TimeUnit.NANOSECONDS, latency(q))
                    .tags(tags).tag("quantile", Double.toString(q))
                    .description("submit-to-start latency of tasks submitted from outside the pool, from a random "
                            + "eighth of them (quantile 1.0: max of that sample)")
                    .register(registry);
        }
        counter(registry, "wsched.schedule.latency.count", "tasks submitted from outside the pool that started "
                + "(the quantiles come from a random eighth of them)",
                "tasks", s -> s.scheduleLatency().count());
    }

    private void counter(MeterRegistry registry, String name, String description, String unit,
            ToLongFunction<SchedulerStats> field) {
        FunctionCounter.builder(name, scheduler, s -> field.applyAsLong(s.stats()))
                .tags(tags).description(description).baseUnit(unit).register(registry);
    }

    static ToDoubleFunction<Scheduler> latency(double quantile) {
        ToLongFunction<SchedulerStats.Latency> f;
        if (quantile == 0.5) {
            f = SchedulerStats.Latency::p50Nanos;
        } else if (quantile == 0.9) {
            f = SchedulerStats.Latency::p90Nanos;
        } else if (quantile == 0.99) {
            f = SchedulerStats.Latency::p99Nanos;
        } else if (quantile == 0.999) {
            f = SchedulerStats.Latency::p999Nanos;
        } else if (quantile == 1.0) {
            f = SchedulerStats.Latency::maxNanos;
        } else {
            throw new IllegalArgumentException("quantile " + quantile + " is not recorded; use one of 0.5, 0.9, 0.99, 0.999, 1.0");
        }
        return s -> f.applyAsLong(s.stats().scheduleLatency());
    }
}
