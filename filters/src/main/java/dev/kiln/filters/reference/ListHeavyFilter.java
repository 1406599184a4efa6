package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * W1: among lines whose strip is non-empty, list-like lines ({@code ^\s*[*\-•]\s},
 * {@code ^\s*\d+[.)]\s}, {@code ^\s*[a-zA-Z][.)]\s}) make up more than {@code max_list_ratio} (0.30).
 */
public final class ListHeavyFilter implements Filter {

    /** Reference id. */
    public static final String W1 = "W1_list_heavy";

    private final double maxRatio;

    public ListHeavyFilter(double maxRatio) {
        this.maxRatio = Check.ratio("max_list_ratio", maxRatio);
    }

    @Override
    public String name() {
        return W1;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int lines = 0;
        int list = 0;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int a = PyText.stripStart(t, start, end);
            if (a < end) {
                lines++;
                if (isListLine(t, a, end)) {
                    list++;
                }
            }
            start = end + 1;
        }
        double ratio = lines == 0 ? 0.0 : (double) list / lines;
        return ratio > maxRatio ? Decision.drop(W1, ratio) : Decision.keep();
    }

    /** Whether the line whose first non-space character is at {@code a} (line ends at {@code end}) is a list item. */
    static boolean isListLine(String t, int a, int end) {
        char c = t.charAt(a);
        if (c == '*' || c == '-' || c == '•') {
            return a + 1 < end && PyText.isSpace(t.charAt(a + 1));
        }
        if (c < 128 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
            if (a + 2 < end && (t.charAt(a + 1) == '.' || t.charAt(a + 1) == ')') && PyText.isSpace(t.charAt(a + 2))) {
                return true;
            }
        }
        int i = a;
        while (i < end && PyText.isDecimal(t.codePointAt(i))) {
            i += Character.charCount(t.codePointAt(i));
        }
        return i > a && i + 1 < end && (t.charAt(i) == '.' || t.charAt(i) == ')') && PyText.isSpace(t.charAt(i + 1));
    }
}
