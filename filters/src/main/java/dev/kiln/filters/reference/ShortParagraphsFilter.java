package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * W2: paragraphs are the pieces of {@code re.split(r"\n\s*\n", text)}; the document passes if at least
 * one paragraph has {@code min_sentences} (2) sentence ends ({@code [.!?]+(?:\s|$)}). The drop value is
 * the largest count found.
 */
public final class ShortParagraphsFilter implements Filter {

    /** Reference id. */
    public static final String W2 = "W2_short_paragraphs";

    private final int minSentences;

    public ShortParagraphsFilter(int minSentences) {
        this.minSentences = Check.range("min_sentences", minSentences, 0, 1_000_000);
    }

    @Override
    public String name() {
        return W2;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int best = 0;
        int count = 0;
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                int j = i;
                while (j < n && (t.charAt(j) == '.' || t.charAt(j) == '!' || t.charAt(j) == '?')) {
                    j++;
                }
                if (j == n || PyText.isSpace(t.charAt(j))) {
                    count++;
                }
                i = j;
                continue;
            }
            if (c == '\n') {
                int j = i + 1;
                int lastNl = -1;
                while (j < n && PyText.isSpace(t.charAt(j))) {
                    if (t.charAt(j) == '\n') {
                        lastNl = j;
                    }
                    j++;
                }
                if (lastNl >= 0) { // paragraph break
                    best = Math.max(best, count);
                    count = 0;
                    i = lastNl + 1;
                    continue;
                }
            }
            i++;
        }
        best = Math.max(best, count);
        return best >= minSentences ? Decision.keep() : Decision.drop(W2, best);
    }
}
