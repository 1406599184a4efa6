package dev.kiln.filters.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Share of a text's words (maximal runs of letters, lower-cased) that belong to a vocabulary. Words of
 * ASCII letters are lower-cased and looked up in place, without a string per word; any other word is
 * lower-cased as a {@code String} ({@code Locale.ROOT}: U+0130 and the Kelvin sign included) and looked up in the set.
 */
final class VocabularyShare {

    /** Longer words are never looked up. */
    static final int MAX_WORD = 20;

    private VocabularyShare() {
    }

    /** A vocabulary of lower-case words, with an open-addressing table for in-place lookups of ASCII words. */
    static final class Vocabulary {
        private final Set<String> words;
        private final String[] table;
        private final int mask;

        Vocabulary(Set<String> words) {
            this.words = Set.copyOf(words);
            int size = Integer.highestOneBit(Math.max(8, words.size() * 4) - 1) << 1;
            this.table = new String[size];
            this.mask = size - 1;
            for (String w : this.words) {
                if (w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    int h = hash(w, 0, w.length()) & mask;
                    while (table[h] != null) {
                        h = (h + 1) & mask;
                    }
                    table[h] = w;
                }
            }
        }

        /** Whether {@code t[from, to)}, ASCII letters only, lower-cased, is a word of the vocabulary. */
        boolean containsAscii(String t, int from, int to) {
            int h = hash(t, from, to) & mask;
            for (String w; (w = table[h]) != null; h = (h + 1) & mask) {
                if (w.length() == to - from && sameLower(w, t, from)) {
                    return true;
                }
            }
            return false;
        }

        boolean contains(String lowerCased) {
            return words.contains(lowerCased);
        }

        private static int hash(String t, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = h * 31 + (t.charAt(i) | 0x20);
            }
            return h ^ (h >>> 15);
        }

        private static boolean sameLower(String w, String t, int from) {
            for (int j = 0; j < w.length(); j++) {
                if (w.charAt(j) != (t.charAt(from + j) | 0x20)) {
                    return false;
                }
            }
            return true;
        }
    }

    static double of(String text, Vocabulary vocabulary) {
        long words = 0;
        long hits = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128) {
                if ((c | 0x20) < 'a' || (c | 0x20) > 'z') {
                    i++;
                    continue;
                }
            } else if (!Character.isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            int start = i;
            boolean ascii = true;
            while (i < n) {
                char d = text.charAt(i);
                if (d < 128) {
                    if ((d | 0x20) < 'a' || (d | 0x20) > 'z') {
                        break;
                    }
                    i++;
                } else {
                    int cp = text.codePointAt(i);
                    if (!Character.isLetter(cp)) {
                        break;
                    }
                    ascii = false;
                    i += Character.charCount(cp);
                }
            }
            words++;
            if (i - start <= MAX_WORD && (ascii ? vocabulary.containsAscii(text, start, i)
                    : vocabulary.contains(text.substring(start, i).toLowerCase(Locale.ROOT)))) {
                hits++;
            }
        }
        return words == 0 ? 0.0 : (double) hits / words;
    }

    static Vocabulary words(String spaceSeparated) {
        return new Vocabulary(Set.of(spaceSeparated.trim().split("\\s+")));
    }
}
