package org.wsched.internal.deque;

// The field layout of WorkStealingDeque: its fields live in this chain of superclasses because
// HotSpot lays out a superclass's fields before a subclass's and reorders the fields of one class
// by size, so only a class chain keeps the thieves' word, the shared word and the owner's fields
// each on a cache line of its own (checked by PaddingLayoutTest). The accessors that name each
// field's memory order are in WorkStealingDeque.

/**
 * Padding before the thieves' word of a {@link WorkStealingDeque}. HotSpot fills the 4-byte gap
 * after a compressed header with any int-sized field of the class or of a subclass; {@code p0h}
 * takes it, so no hot field can land there, next to the previous object.
 */
abstract class WorkStealingDequePad0 {
    @SuppressWarnings("unused")
    private int p0h;
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** The thieves' line: top. */
abstract class WorkStealingDequeTop extends WorkStealingDequePad0 {
    /** Accessed only through {@code TOP}: CAS by thieves and by the owner's last-element take. */
    long top;
}

/** Padding between top and the shared line. */
abstract class WorkStealingDequePad1 extends WorkStealingDequeTop {
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;
}

/** The shared line: split (owner writes, thieves read) and requested (thieves set, owner clears). */
abstract class WorkStealingDequeShared extends WorkStealingDequePad1 {
    /** Accessed only through {@code SPLIT}: written by the owner only. */
    long split;
    /** Accessed only through {@code REQUESTED}: 1 once a thief asked for a publication. */
    int requested;
    @SuppressWarnings("unused")
    private int p1h; // fills the line's last 4 bytes: no owner field can be placed here
}

/** Padding between the shared line and the owner's fields. */
abstract class WorkStealingDequePad2 extends WorkStealingDequeShared {
    @SuppressWarnings("unused")
    private long p20, p21, p22, p23, p24, p25, p26, p27;
}

/** The owner's fields. */
abstract class WorkStealingDequeOwner extends WorkStealingDequePad2 {
    /** Accessed only through {@code BOTTOM}: written by the owner only. */
    long bottom;
    /** Owner-only copy of split (plain). */
    long ownerSplit;
    /** Accessed only through {@code ARRAY}: written by the owner only. */
    Object[] array;
    /** Classic (every push publishes) rather than split. */
    final boolean eager;

    WorkStealingDequeOwner(boolean eager) {
        this.eager = eager;
    }
}
