package dev.kiln.filters.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Share of a text's words (maximal runs of letters, lower-cased) that belong to a vocabulary. Vocabularies
 * made {@link #together} share one scan per text (a lone one is a group of one). Words of
 * ASCII letters are lower-cased and looked up in place, without a string per word; any other word is
 * lower-cased as a {@code String} ({@code Locale.ROOT}: U+0130 and the Kelvin sign included) and looked up.
 */
final class VocabularyShare {

    /** Longer words are never looked up. */
    static final int MAX_WORD = 20;

    /**
     * policy_vocabulary's, placeholder_text's and unknown_language's two vocabularies, scanned together (kiln's
     * profile runs all three rules on every page).
     */
    static final List<Vocabulary> KILN = together(List.of(set(PolicyVocabularyFilter.WORDS), set(PlaceholderTextFilter.WORDS),
            set(UnknownLanguageFilter.WORDS), less(set(UnknownLanguageFilter.WORDS), set(UnknownLanguageFilter.SHARED))));

    private VocabularyShare() {
    }

    /** One vocabulary: its group's scan and its bit there. */
    record Vocabulary(Group group, int bit) {
    }

    /**
     * Vocabularies whose shares come from one scan of each text: the first to measure a text counts its
     * words and every vocabulary's hits (a one-entry per-thread cache keyed on the text's identity); each
     * share equals its vocabulary's own scan.
     */
    static List<Vocabulary> together(List<Set<String>> vocabularies) {
        Group g = new Group(vocabularies);
        List<Vocabulary> out = new java.util.ArrayList<>();
        for (int i = 0; i < vocabularies.size(); i++) {
            out.add(new Vocabulary(g, i));
        }
        return List.copyOf(out);
    }

    /** The share of {@code vocabulary}'s words among {@code text}'s words (0 without words). */
    static double of(String text, Vocabulary vocabulary) {
        return vocabulary.group().share(text, vocabulary.bit());
    }

    static Set<String> set(String spaceSeparated) {
        return Set.of(spaceSeparated.trim().split("\\s+"));
    }

    /** {@code words} without {@code removed}; every removed word must be in {@code words}. */
    static Set<String> less(Set<String> words, Set<String> removed) {
        if (!words.containsAll(removed)) {
            throw new IllegalArgumentException("not in the vocabulary: " + removed);
        }
        Set<String> out = new java.util.HashSet<>(words);
        out.removeAll(removed);
        return Set.copyOf(out);
    }

    /** The shared scan: each word's membership as a bit mask, ASCII words in an open-addressing table. */
    static final class Group {
        private final Map<String, Integer> masks = new HashMap<>();
        private final String[] table;
        private final int[] tableMasks;
        private final int mask;
        private final int size;
        private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);

        /** A thread's last text and its counts: words, then hits per vocabulary. */
        private static final class Last {
            String text;
            long[] counts;
        }

        Group(List<Set<String>> vocabularies) {
            size = vocabularies.size();
            if (size > 31) {
                throw new IllegalArgumentException("at most 31 vocabularies scan together");
            }
            for (int i = 0; i < size; i++) {
                for (String w : vocabularies.get(i)) {
                    masks.merge(w, 1 << i, (a, b) -> a | b);
                }
            }
            int n = Integer.highestOneBit(Math.max(8, masks.size() * 4) - 1) << 1;
            table = new String[n];
            tableMasks = new int[n];
            mask = n - 1;
            masks.forEach((w, m) -> {
                if (w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    int h = hash(w, 0, w.length()) & mask;
                    while (table[h] != null) {
                        h = (h + 1) & mask;
                    }
                    table[h] = w;
                    tableMasks[h] = m;
                }
            });
        }

        double share(String text, int bit) {
            Last l = last.get();
            if (l.text != text) {
                l.counts = scan(text);
                l.text = text;
            }
            return l.counts[0] == 0 ? 0.0 : (double) l.counts[1 + bit] / l.counts[0];
        }

        /** The membership mask of {@code t[from, to)}, ASCII letters only, lower-cased. */
        private int asciiMask(String t, int from, int to) {
            int h = hash(t, from, to) & mask;
            for (String w; (w = table[h]) != null; h = (h + 1) & mask) {
                if (w.length() == to - from && sameLower(w, t, from)) {
                    return tableMasks[h];
                }
            }
            return 0;
        }

        private long[] scan(String text) {
            long[] counts = new long[1 + size];
            int i = 0;
            int n = text.length();
            while (i < n) {
                int start = wordStart(text, i);
                if (start == n) {
                    break;
                }
                int end = wordEnd(text, start);
                boolean ascii = end >= 0;
                end = ascii ? end : -end - 1;
                counts[0]++;
                if (end - start <= MAX_WORD) {
                    int m = ascii ? asciiMask(text, start, end) : masks.getOrDefault(text.substring(start, end).toLowerCase(Locale.ROOT), 0);
                    for (int b = 0; m != 0; b++, m >>>= 1) {
                        counts[1 + b] += m & 1;
                    }
                }
                i = end;
            }
            return counts;
        }
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

    /** The first index at or after {@code i} where a letter starts, or the text's length. */
    private static int wordStart(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    return i;
                }
                i++;
            } else {
                int cp = text.codePointAt(i);
                if (Character.isLetter(cp)) {
                    return i;
                }
                i += Character.charCount(cp);
            }
        }
        return n;
    }

    /** The end of the run of letters starting at {@code start}; {@code -end - 1} if the run has a letter above ASCII. */
    private static int wordEnd(String text, int start) {
        int n = text.length();
        int i = start;
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
        return ascii ? i : -i - 1;
    }
}
