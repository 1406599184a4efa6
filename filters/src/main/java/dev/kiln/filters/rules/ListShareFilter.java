package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * List-heavy pages measured by characters, not lines (kiln's version of W1): drops when list items
 * ({@code - x}, {@code * x}, {@code • x}, {@code 1. x}, {@code a) x}) hold more than {@code max_list_share}
 * of the text's non-blank characters. A country article with five long bullet points among paragraphs of
 * prose is not a list page, though its lines are 40 % list lines; "List of languages" is.
 */
public final class ListShareFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "list_heavy";

    private final double maxShare;

    public ListShareFilter(double maxShare) {
        this.maxShare = ConfigException.checkRange("max_list_share", maxShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        long total = 0;
        long list = 0;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int a = PyText.stripStart(t, start, end);
            int b = PyText.stripEnd(t, a, end);
            if (b > a) {
                total += b - a;
                if (isListItem(t, a, b)) {
                    list += b - a;
                }
            }
            start = end + 1;
        }
        double share = total == 0 ? 0.0 : (double) list / total;
        return share > maxShare ? Decision.drop(NAME, share) : Decision.keep();
    }

    private static boolean isListItem(String t, int a, int b) {
        char c = t.charAt(a);
        if ((c == '-' || c == '*' || c == '\u2022') && a + 1 < b && PyText.isSpace(t.charAt(a + 1))) {
            return true;
        }
        int i = a;
        while (i < b && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == a && i < b && Character.isLetter(c)) {
            i++;
        }
        return i > a && i - a <= 3 && i + 1 < b && (t.charAt(i) == '.' || t.charAt(i) == ')') && PyText.isSpace(t.charAt(i + 1));
    }
}
