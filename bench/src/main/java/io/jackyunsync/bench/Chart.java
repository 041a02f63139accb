package io.jackyunsync.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A horizontal bar chart of the median rows/s of every path, grouped by section, drawn with java.awt (headless). */
final class Chart {

    private Chart() {
    }

    static void draw(Results results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        record Bar(String label, double value, double min, double max, boolean section) {
        }
        List<Bar> bars = new ArrayList<>();
        double top = 1;
        for (var section : results.samples.entrySet()) {
            bars.add(new Bar(section.getKey().startsWith("memory")
                    ? "c sync in a fresh JVM at " + section.getKey().substring(7) + ", by N (pageSize 200)"
                    : section.getKey(), 0, 0, 0, true));
            for (var path : section.getValue().entrySet()) {
                var s = path.getValue();
                double median = Report.median(s, Sample::perSecond);
                double max = Report.max(s, Sample::perSecond);
                bars.add(new Bar(path.getKey(), median, Report.min(s, Sample::perSecond), max, false));
                top = Math.max(top, max);
            }
        }
        int rowHeight = 26;
        int left = 300;
        int width = 1100;
        int height = 90 + rowHeight * bars.size();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("jackyun-sync benchmark: records or rows per second (median; whiskers min-max)", 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(results.machine + "; " + results.database, 20, 48);
        double scale = (width - left - 120) / top;
        int y = 70;
        for (Bar bar : bars) {
            if (bar.section()) {
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.drawString(bar.label(), 20, y + 17);
            } else {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(Color.DARK_GRAY);
                g.drawString(bar.label(), 40, y + 17);
                g.setColor(bar.label().startsWith("c ") || bar.label().endsWith(" records") || bar.label().endsWith(" orders")
                        ? new Color(0xE0, 0x6C, 0x1F)
                        : bar.label().startsWith("a ") ? new Color(0x3B, 0x7D, 0xD8) : new Color(0x5A, 0xA4, 0x69));
                g.fillRect(left, y + 5, (int) (bar.value() * scale), rowHeight - 10);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.5f));
                int mid = y + rowHeight / 2;
                g.drawLine(left + (int) (bar.min() * scale), mid, left + (int) (bar.max() * scale), mid);
                g.drawString(String.format("%,.0f", bar.value()), left + (int) (bar.max() * scale) + 8, y + 17);
            }
            y += rowHeight;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
