package dev.kiln.filters.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Share of a text's words (maximal runs of letters, lower-cased) that belong to a vocabulary. Words of
 * ASCII letters are lower-cased and looked up in place, without a string per word; any other word is
 * lower-cased as a {@code String} ({@code Locale.ROOT}: U+0130 and the Kelvin sign included) and looked up in the set.
 */
final class VocabularyShare {

    /** Longer words are never looked up. */
    static final int MAX_WORD = 20;

    /** policy_vocabulary's and placeholder_text's vocabularies, scanned together (kiln's profile runs both on every page). */
    static final List<Vocabulary> KILN = together(List.of(set(PolicyVocabularyFilter.WORDS), set(PlaceholderTextFilter.WORDS)));

    private VocabularyShare() {
    }

    /** A vocabulary of lower-case words, with an open-addressing table for in-place lookups of ASCII words. */
    static final class Vocabulary {
        private final Set<String> words;
        private final String[] table;
        private final int mask;
        private final Group group; // together: the shared scan, else null
        private final int bit;

        Vocabulary(Set<String> words) {
            this(words, null, 0);
        }

        private Vocabulary(Set<String> words, Group group, int bit) {
            this.group = group;
            this.bit = bit;
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

    /**
     * Vocabularies whose shares come from one scan of each text: the first to measure a text counts its
     * words and every vocabulary's hits (a one-entry per-thread cache keyed on the text's identity); each
     * share equals its vocabulary's own scan.
     */
    static List<Vocabulary> together(List<Set<String>> vocabularies) {
        Group g = new Group(vocabularies);
        List<Vocabulary> out = new java.util.ArrayList<>();
        for (int i = 0; i < vocabularies.size(); i++) {
            out.add(new Vocabulary(vocabularies.get(i), g, i));
        }
        return List.copyOf(out);
    }

    /** The shared scan of {@link #together}: each word's membership as a bit mask. */
    private static final class Group {
        private final Map<String, Integer> masks = new HashMap<>();
        private final String[] table;
        private final int[] tableMasks;
        private final int mask;
        private final int size;
        private final ThreadLocal<Object[]> last = new ThreadLocal<>(); // {text, long[] {words, hits per vocabulary...}}

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
                    int h = Vocabulary.hash(w, 0, w.length()) & mask;
                    while (table[h] != null) {
                        h = (h + 1) & mask;
                    }
                    table[h] = w;
                    tableMasks[h] = m;
                }
            });
        }

        double share(String text, int bit) {
            Object[] l = last.get();
            long[] counts;
            if (l != null && l[0] == text) {
                counts = (long[]) l[1];
            } else {
                counts = scan(text);
                last.set(new Object[] {text, counts});
            }
            return counts[0] == 0 ? 0.0 : (double) counts[1 + bit] / counts[0];
        }

        private int asciiMask(String t, int from, int to) {
            int h = Vocabulary.hash(t, from, to) & mask;
            for (String w; (w = table[h]) != null; h = (h + 1) & mask) {
                if (w.length() == to - from && Vocabulary.sameLower(w, t, from)) {
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

    static double of(String text, Vocabulary vocabulary) {
        if (vocabulary.group != null) {
            return vocabulary.group.share(text, vocabulary.bit);
        }
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
        return new Vocabulary(set(spaceSeparated));
    }

    static Set<String> set(String spaceSeparated) {
        return Set.of(spaceSeparated.trim().split("\\s+"));
    }
}
