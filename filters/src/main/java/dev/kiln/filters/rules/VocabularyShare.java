package dev.kiln.filters.rules;

import java.util.Locale;
import java.util.Set;

/** Share of a text's words (maximal runs of letters, lower-cased) that belong to a vocabulary. */
final class VocabularyShare {

    private VocabularyShare() {
    }

    static double of(String text, Set<String> vocabulary) {
        long words = 0;
        long hits = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            words++;
            if (i - start <= 20 && vocabulary.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                hits++;
            }
        }
        return words == 0 ? 0.0 : (double) hits / words;
    }

    static Set<String> words(String spaceSeparated) {
        return Set.of(spaceSeparated.trim().split("\\s+"));
    }
}
