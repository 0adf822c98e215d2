package org.wsched.sim.report;

import java.util.Locale;

/** Which chart files a command writes: {@code none}, {@code png}, {@code svg} or {@code both}. */
public enum ChartFormat {
    /** No charts: the fastest sweep. */
    NONE(false, false),
    /** PNG only. */
    PNG(true, false),
    /** SVG only (editable text). */
    SVG(false, true),
    /** PNG and SVG. */
    BOTH(true, true);

    private final boolean png;
    private final boolean svg;

    ChartFormat(boolean png, boolean svg) {
        this.png = png;
        this.svg = svg;
    }

    /** Whether PNG files are written. */
    public boolean png() {
        return png;
    }

    /** Whether SVG files are written. */
    public boolean svg() {
        return svg;
    }

    /** Whether any chart is written. */
    public boolean any() {
        return png || svg;
    }

    /** The extension an HTML page shows as the image: png if written, else svg. */
    public String imageExtension() {
        return png ? "png" : "svg";
    }

    /** Parses {@code none|png|svg|both}; anything else is an error that lists them. */
    public static ChartFormat parse(String s) {
        for (ChartFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(s.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown chart format '" + s + "'; valid: none, png, svg, both");
    }
}
