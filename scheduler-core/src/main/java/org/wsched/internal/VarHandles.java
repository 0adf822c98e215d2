package org.wsched.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Finds the {@link VarHandle}s of wsched's concurrently accessed fields. */
public final class VarHandles {

    private VarHandles() {
    }

    /**
     * The handle of field {@code name} of {@code owner}, found through {@code lookup} (the
     * caller's own {@code MethodHandles.lookup()}, which can see its private fields).
     *
     * @throws ExceptionInInitializerError if the field does not exist: a build defect, as a
     *     failed static initializer would report it
     */
    public static VarHandle field(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
