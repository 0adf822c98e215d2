package org.wsched.bench;

/** The implementations a benchmark can run on, by their {@code @Param impl} spelling. */
public enum Impl {
    /** {@code wsched}: {@link org.wsched.WorkStealingPool}, Task API. */
    WSCHED,
    /** {@code centralized}: {@link org.wsched.CentralizedPool}. */
    CENTRALIZED,
    /** {@code fjp}: {@link java.util.concurrent.ForkJoinPool}. */
    FJP,
    /** {@code serial}: no pool. */
    SERIAL,
    /** {@code wsched-frames}: the program's {@link org.wsched.Frames} form on a {@link org.wsched.WorkStealingPool}. */
    FRAMES,
    /** {@code wsched-frames-fc}: fib's fast-clone frames form on a {@link org.wsched.WorkStealingPool}. */
    FRAMES_FC;

    /**
     * From the {@code @Param} spelling.
     *
     * @param s wsched, centralized, fjp, serial, wsched-frames or wsched-frames-fc
     * @return the implementation
     * @throws IllegalArgumentException for any other spelling
     */
    public static Impl parse(String s) {
        return switch (s) {
            case "wsched" -> WSCHED;
            case "centralized" -> CENTRALIZED;
            case "fjp" -> FJP;
            case "serial" -> SERIAL;
            case "wsched-frames" -> FRAMES;
            case "wsched-frames-fc" -> FRAMES_FC;
            default -> throw new IllegalArgumentException("impl must be wsched, centralized, fjp, serial, "
                    + "wsched-frames or wsched-frames-fc, not '" + s + "'");
        };
    }
}
