package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * C5: "paragraphs" are the stripped pieces of {@code re.split(r"\n+", text)} longer than
 * {@code min_paragraph_chars} (30) code points. With none, the document passes iff its stripped length is
 * at least {@code min_total_chars} (300). Otherwise it is dropped when there are fewer than
 * {@code min_paragraphs} or their mean length is below {@code min_avg_len}.
 *
 * <p><b>NOTE:</b> the reference caller passes 2 / 200, so every one-line C4 document is dropped (value =
 * paragraph count); the function's own defaults, 1 / 100, are what kiln's profile uses.
 */
public final class ParagraphQualityFilter implements Filter {

    /** Reference id. */
    public static final String C5 = "C5_paragraph_quality";

    private final String reason;
    private final int minParagraphs;
    private final double minAvgLen;
    private final int minParagraphChars;
    private final int minTotalChars;

    public ParagraphQualityFilter(int minParagraphs, double minAvgLen, int minParagraphChars, int minTotalChars) {
        this(C5, minParagraphs, minAvgLen, minParagraphChars, minTotalChars);
    }

    /** The same rule under another reason code (kiln's profile uses {@code paragraph_quality} with 1 / 100). */
    public ParagraphQualityFilter(String reason, int minParagraphs, double minAvgLen, int minParagraphChars,
                                  int minTotalChars) {
        this.reason = reason;
        this.minParagraphs = Check.range("min_paragraphs", minParagraphs, 0, 1_000_000);
        this.minAvgLen = Check.range("min_avg_len", minAvgLen, 0, 1e9);
        this.minParagraphChars = Check.range("min_paragraph_chars", minParagraphChars, 0, 1_000_000);
        this.minTotalChars = Check.range("min_total_chars", minTotalChars, 0, Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return reason;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int count = 0;
        long total = 0;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int len = PyText.strippedLen(t, start, end);
            if (len > minParagraphChars) {
                count++;
                total += len;
            }
            start = end + 1;
        }
        if (count == 0) {
            int len = PyText.strippedLen(t, 0, t.length());
            return len >= minTotalChars ? Decision.keep() : Decision.drop(reason, len);
        }
        if (count < minParagraphs) {
            return Decision.drop(reason, count);
        }
        double mean = (double) total / count;
        return mean < minAvgLen ? Decision.drop(reason, mean) : Decision.keep();
    }
}
