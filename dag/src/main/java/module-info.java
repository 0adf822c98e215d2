/**
 * Task graphs of strands: the {@code wsched-dag} file format, the one topological (Kahn) pass that
 * computes work, span and burdened span, and the profile constants (OpenCilk's burden, Cilkview's
 * speedup estimate). Shared by the runtime's tracing and the simulator.
 */
module org.wsched.dag {
    exports org.wsched.dag;
}
