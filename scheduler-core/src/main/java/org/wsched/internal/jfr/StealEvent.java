package org.wsched.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: a worker of a work-stealing pool stole tasks from another worker. Off unless enabled. */
@Name("org.wsched.Steal")
@Label("Steal")
@Category({"wsched"})
@Description("A worker took tasks from the top of another worker's deque")
@Enabled(false)
@StackTrace(false)
public final class StealEvent extends Event {
    @Label("Thief")
    public int thief;

    @Label("Victim")
    public int victim;

    @Label("Tasks taken")
    public int tasks;
}
