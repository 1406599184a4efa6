package dev.kiln.trainer.loop;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Renders {@code metrics.jsonl} as a loss-curve PNG (train loss, averaged over each logging interval, as a line; validation loss as dots
 * joined by a line) with java.awt in headless mode: no plotting library, no display needed.
 */
public final class LossCurve {

    public static final String FILE = "loss.png";
    private static final int W = 900;
    private static final int H = 540;
    private static final int L = 80;
    private static final int R = 30;
    private static final int T = 40;
    private static final int B = 60;

    private LossCurve() {
    }

    /** Draws the records' {@code loss} and {@code val_loss} against {@code step} into {@code png}. */
    public static void render(List<JsonNode> records, Path png, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<double[]> train = new ArrayList<>();
        List<double[]> val = new ArrayList<>();
        for (JsonNode r : records) {
            double step = r.path("step").asDouble();
            if (r.has("loss")) {
                train.add(new double[] {step, r.path("loss_avg").asDouble(r.get("loss").asDouble())});
            }
            if (r.has("val_loss")) {
                val.add(new double[] {step, r.get("val_loss").asDouble()});
            }
        }
        double x0 = 0;
        double x1 = 1;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (List<double[]> s : List.of(train, val)) {
            for (double[] p : s) {
                x1 = Math.max(x1, p[0]);
                if (Double.isFinite(p[1])) {
                    y0 = Math.min(y0, p[1]);
                    y1 = Math.max(y1, p[1]);
                }
            }
        }
        if (y0 > y1) {
            y0 = 0;
            y1 = 1;
        }
        double pad = Math.max(1e-3, (y1 - y0) * 0.05);
        y0 = Math.max(0, y0 - pad);
        y1 += pad;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(225, 225, 225));
        for (int i = 0; i <= 5; i++) {
            int y = T + (H - T - B) * i / 5;
            g.drawLine(L, y, W - R, y);
            int x = L + (W - L - R) * i / 5;
            g.drawLine(x, T, x, H - B);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(L, T, W - L - R, H - T - B);
        for (int i = 0; i <= 5; i++) {
            double v = y1 - (y1 - y0) * i / 5;
            g.drawString(String.format(Locale.ROOT, "%.2f", v), 10, T + (H - T - B) * i / 5 + 4);
            double s = x0 + (x1 - x0) * i / 5;
            g.drawString(String.format(Locale.ROOT, "%,d", Math.round(s)), L + (W - L - R) * i / 5 - 10, H - B + 18);
        }
        g.drawString("step", W / 2, H - 15);
        g.drawString(title, L, 25);
        draw(g, train, new Color(31, 119, 180), x0, x1, y0, y1, false);
        draw(g, val, new Color(255, 127, 14), x0, x1, y0, y1, true);
        g.setColor(new Color(31, 119, 180));
        g.drawString("train loss (interval mean)", W - R - 250, 25);
        g.setColor(new Color(255, 127, 14));
        g.drawString("val loss", W - R - 80, 25);
        g.dispose();
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        ImageIO.write(img, "png", tmp.toFile());
        Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void draw(Graphics2D g, List<double[]> pts, Color c, double x0, double x1, double y0, double y1, boolean dots) {
        g.setColor(c);
        g.setStroke(new BasicStroke(dots ? 2f : 1.3f));
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (double[] p : pts) {
            if (!Double.isFinite(p[1])) {
                continue;
            }
            double x = L + (p[0] - x0) / (x1 - x0) * (W - L - R);
            double y = T + (y1 - p[1]) / (y1 - y0) * (H - T - B);
            if (started) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                started = true;
            }
            if (dots) {
                g.fillOval((int) x - 3, (int) y - 3, 7, 7);
            }
        }
        g.draw(path);
    }
}
