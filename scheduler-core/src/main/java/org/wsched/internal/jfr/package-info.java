/**
 * JDK Flight Recorder events of wsched: {@code org.wsched.Steal}, {@code org.wsched.WorkerSleep}
 * and {@code org.wsched.TaskRun}. All are disabled by default (zero cost: the JIT removes the
 * event objects when recording is off); enable them with a JFR settings file or on the command
 * line, e.g. {@code -XX:StartFlightRecording=filename=run.jfr,+org.wsched.Steal#enabled=true}
 * (see {@code docs/profiling.md}).
 */
package org.wsched.internal.jfr;
