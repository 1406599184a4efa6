package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * GUT2 (optional in the reference, off by default): drops a book in which lines with stripped length below
 * {@code short_line_chars} (40) make up more than {@code max_short_ratio} (0.50) of the non-empty lines.
 */
public final class PoetryHeavyFilter implements Filter {

    /** Reference id. */
    public static final String GUT2 = "GUT2_poetry_heavy";

    private final int shortLineChars;
    private final double maxRatio;

    public PoetryHeavyFilter(int shortLineChars, double maxRatio) {
        this.shortLineChars = Check.range("short_line_chars", shortLineChars, 0, 1_000_000);
        this.maxRatio = Check.ratio("max_short_ratio", maxRatio);
    }

    @Override
    public String name() {
        return GUT2;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int lines = 0;
        int shortLines = 0;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int len = PyText.strippedLen(t, start, end);
            if (len > 0) {
                lines++;
                if (len < shortLineChars) {
                    shortLines++;
                }
            }
            start = end + 1;
        }
        double ratio = lines == 0 ? 0.0 : (double) shortLines / lines;
        return ratio > maxRatio ? Decision.drop(GUT2, ratio) : Decision.keep();
    }
}
