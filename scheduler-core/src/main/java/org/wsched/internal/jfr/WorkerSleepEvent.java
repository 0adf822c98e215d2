package org.wsched.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: a worker slept (parked in the sleep protocol) because it found no work. Off unless enabled. */
@Name("org.wsched.WorkerSleep")
@Label("Worker Sleep")
@Category({"wsched"})
@Description("A pool worker was asleep, waiting for work")
@Enabled(false)
@StackTrace(false)
public final class WorkerSleepEvent extends Event {
    @Label("Worker")
    public int worker;
}
