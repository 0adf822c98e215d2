/**
 * Micrometer binding for wsched: {@link org.wsched.micrometer.SchedulerMetrics} publishes a
 * pool's counters and submit-to-start latency to any {@code MeterRegistry}. An optional module:
 * {@code scheduler-core} does not depend on Micrometer.
 */
package org.wsched.micrometer;
