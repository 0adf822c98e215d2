package org.wsched;

/**
 * How much a thief takes from a victim's deque in one successful steal.
 */
public enum StealAmount {
    /** Take the single oldest task (the classic choice; the thief runs it). */
    ONE,
    /**
     * Take about half of the victim's tasks, oldest first: the thief runs the first and keeps the
     * rest in its own deque. Each task is still claimed by its own CAS, so no task is lost or
     * duplicated; this trades more work per steal for fewer steal attempts.
     */
    HALF
}
