package org.wsched.sim.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves charts (XChart's, or anything painted on a {@link Graphics2D}) as PNG and SVG. The SVG
 * keeps its text as {@code <text>} elements, editable in Inkscape or a text editor: XChart's own
 * SVG export draws glyph outlines, so this one paints on a VectorGraphics2D (the library XChart
 * exports with) with the text hint set to real text.
 */
public final class ChartFiles {
    private static final double PNG_SCALE = 110 / 72.0;

    private ChartFiles() {
    }

    /** Writes {@code stem.png} and/or {@code stem.svg} as {@code format} says. */
    public static void save(Chart<?, ?> chart, Path stem, ChartFormat format) throws IOException {
        save(chart::paint, chart.getWidth(), chart.getHeight(), stem, format);
    }

    /**
     * Writes {@code stem.png} and/or {@code stem.svg} of a {@code width} × {@code height}
     * drawing that {@code painter} paints as {@code painter.paint(graphics, width, height)}.
     */
    public static void save(Painter painter, int width, int height, Path stem, ChartFormat format) throws IOException {
        if (format.png()) {
            int w = (int) Math.round(width * PNG_SCALE);
            int h = (int) Math.round(height * PNG_SCALE);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            painter.paint(g, width, height);
            g.dispose();
            ImageIO.write(img, "png", Path.of(stem + ".png").toFile());
        }
        if (format.svg()) {
            VectorGraphics2D g = new VectorGraphics2D();
            g.setRenderingHint(VectorHints.KEY_TEXT, VectorHints.VALUE_TEXT_DEFAULT);
            painter.paint(g, width, height);
            try (OutputStream out = Files.newOutputStream(Path.of(stem + ".svg"))) {
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
            }
        }
    }

    /** Something that paints a width × height picture. */
    @FunctionalInterface
    public interface Painter {
        /** Paints on {@code g}. */
        void paint(Graphics2D g, int width, int height);
    }

}
