/**
 * wsched: a work-stealing fork/join runtime. The one exported package, {@code org.wsched}, is
 * the API: the pools ({@link org.wsched.WorkStealingPool}, {@link org.wsched.CentralizedPool}),
 * {@link org.wsched.Task}, {@link org.wsched.Frames} and their companions. Everything else is
 * mechanism and is not exported: {@code org.wsched.internal.deque} (the work-stealing deque and
 * the frame stack), {@code org.wsched.internal.idle} (the sleep controller) and
 * {@code org.wsched.internal.jfr} (JFR events).
 */
module org.wsched {
    exports org.wsched;

    // IdleStrategy is part of the API (PoolBuilder.idleStrategy): users of wsched read agrona.
    requires transitive org.agrona.core;
    // Latency histograms of SchedulerStats (recorded per worker, merged in stats()).
    requires HdrHistogram;
    requires jdk.jfr;
    // The wsched-dag format and the profile pass behind Trace.writeDag and Trace.profile.
    requires org.wsched.dag;
}
