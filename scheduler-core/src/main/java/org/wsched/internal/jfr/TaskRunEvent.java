package org.wsched.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event: a worker ran a top-level task (one it found in the shared queue or stole; the
 * children it ran inline while joining are inside this span). Off unless enabled.
 */
@Name("org.wsched.TaskRun")
@Label("Task Run")
@Category({"wsched"})
@Description("A pool worker ran a task it took from the shared queue or stole, including what it ran inline")
@Enabled(false)
@StackTrace(false)
public final class TaskRunEvent extends Event {
    @Label("Worker")
    public int worker;

    @Label("Submitted")
    @Description("True for a task submitted from outside, false for a stolen or leftover spawned task")
    public boolean submitted;
}
