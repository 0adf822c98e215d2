package org.wsched.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * External submission: {@code producers} platform threads each submit {@code tasksPerProducer}
 * tiny tasks through {@link ExecutorService#submit(Callable)} and then {@code get()} every
 * future. One op = the whole batch; throughput = producers × tasksPerProducer / op time. Each
 * task records submit-to-start latency into an HdrHistogram {@link Recorder}; the measurement
 * iterations' histogram is appended, per fork, to the file named by the system property
 * {@code wsched.bench.latencyOut} (tab separated, nanoseconds).
 */
public class SubmitBench extends PoolState {

    @Param({"4"})
    public int producers;

    @Param({"10000"})
    public int tasksPerProducer;

    private ExecutorService target;
    private ExecutorService producerPool;
    private Recorder recorder;
    private Histogram measured;
    private List<Callable<Long>> jobs;
    private long last;

    @Override
    protected void setupProblem() {
        target = switch (kind) {
            case WSCHED, CENTRALIZED -> sched;
            case FJP -> fjp;
            case SERIAL -> new DirectExecutor();
            case FRAMES, FRAMES_FC -> throw new IllegalStateException("impl=" + impl + ": submission throughput has "
                    + "no Frames variant; use wsched, centralized, fjp or serial");
        };
        producerPool = SubmitLoad.producers(producers);
        recorder = new Recorder(3);
        measured = new Histogram(3);
        jobs = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            jobs.add(() -> SubmitLoad.produce(target, recorder, tasksPerProducer));
        }
    }

    @Benchmark
    public long submit() throws Exception {
        long n = 0;
        for (Future<Long> f : producerPool.invokeAll(jobs)) {
            n += f.get();
        }
        return last = n;
    }

    @Setup(Level.Iteration)
    public void iterationStart() {
        recorder.reset();
    }

    @TearDown(Level.Iteration)
    public void iterationEnd(IterationParams ip) {
        Histogram h = recorder.getIntervalHistogram();
        if (ip.getType() == IterationType.MEASUREMENT) {
            measured.add(h);
        }
    }

    @Override
    protected void verify() throws IOException {
        producerPool.shutdownNow();
        check(last >= (long) producers * tasksPerProducer, "submit batch incomplete on " + impl);
        String out = System.getProperty("wsched.bench.latencyOut");
        if (out != null && measured.getTotalCount() > 0) {
            String line = String.join("\t", impl, Integer.toString(parallelism), Integer.toString(producers),
                    Long.toString(measured.getTotalCount()),
                    Long.toString(measured.getValueAtPercentile(50)), Long.toString(measured.getValueAtPercentile(90)),
                    Long.toString(measured.getValueAtPercentile(99)), Long.toString(measured.getValueAtPercentile(99.9)),
                    Long.toString(measured.getMaxValue())) + "\n";
            Files.writeString(Path.of(out), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** "serial": run each task on the submitting thread (the cost of the Future alone). */
    static final class DirectExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
