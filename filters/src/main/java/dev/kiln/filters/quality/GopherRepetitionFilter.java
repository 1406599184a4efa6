package dev.kiln.filters.quality;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.WordTokenizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gopher repetition rules (Rae et al. Table A1) with datatrove's defaults and reason names: duplicate
 * paragraphs ({@code \n{2,}}) and lines ({@code \n+}) by count (0.30) and by characters (0.20), the
 * most frequent 2/3/4-gram's character share (0.20/0.18/0.16), and the characters in duplicated
 * 5..10-grams (0.15 .. 0.10; greedy scan that skips n words after a repeat, as datatrove). Character
 * fractions are over the whole text's length.
 *
 * @param dupLineFrac max duplicate line share (0.30)
 * @param dupParaFrac max duplicate paragraph share (0.30)
 * @param dupLineCharFrac max characters in duplicate lines (0.20)
 * @param dupParaCharFrac max characters in duplicate paragraphs (0.20)
 * @param topNGrams thresholds for n = 2, 3, 4 (0.20, 0.18, 0.16)
 * @param dupNGrams thresholds for n = 5..10 (0.15 .. 0.10)
 * @param tokenizer word splitter
 */
public record GopherRepetitionFilter(double dupLineFrac, double dupParaFrac, double dupLineCharFrac,
                                     double dupParaCharFrac, double[] topNGrams, double[] dupNGrams,
                                     WordTokenizer tokenizer) implements Filter {

    /** Stage name. */
    public static final String NAME = "gopher_repetition";
    /** datatrove's top n-gram thresholds for n = 2, 3, 4. */
    public static final double[] TOP_NGRAMS = {0.20, 0.18, 0.16};
    /** datatrove's duplicate n-gram thresholds for n = 5 .. 10. */
    public static final double[] DUP_NGRAMS = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10};

    public GopherRepetitionFilter {
        ConfigException.checkRange("dup_line_frac", dupLineFrac, 0, 1);
        ConfigException.checkRange("dup_para_frac", dupParaFrac, 0, 1);
        ConfigException.checkRange("dup_line_char_frac", dupLineCharFrac, 0, 1);
        ConfigException.checkRange("dup_para_char_frac", dupParaCharFrac, 0, 1);
        topNGrams = topNGrams.clone();
        dupNGrams = dupNGrams.clone();
        ConfigException.checkRange("top_n_grams (count)", topNGrams.length, 3, 3);
        ConfigException.checkRange("dup_n_grams (count)", dupNGrams.length, 6, 6);
    }

    /** datatrove's defaults. */
    public static GopherRepetitionFilter defaults(WordTokenizer tokenizer) {
        return new GopherRepetitionFilter(0.30, 0.30, 0.20, 0.20, TOP_NGRAMS, DUP_NGRAMS, tokenizer);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String text = doc.text();
        double len = Math.max(1, text.length());
        String[] paras = text.strip().split("\\n{2,}");
        long[] dp = duplicates(paras);
        if ((double) dp[0] / paras.length > dupParaFrac) {
            return Decision.drop("dup_para_frac", (double) dp[0] / paras.length);
        }
        if (dp[1] / len > dupParaCharFrac) {
            return Decision.drop("dup_para_char_frac", dp[1] / len);
        }
        String[] lines = text.split("\\n+");
        long[] dl = duplicates(lines);
        if ((double) dl[0] / lines.length > dupLineFrac) {
            return Decision.drop("dup_line_frac", (double) dl[0] / lines.length);
        }
        if (dl[1] / len > dupLineCharFrac) {
            return Decision.drop("dup_line_char_frac", dl[1] / len);
        }
        List<String> words = tokenizer.words(text);
        for (int n = 2; n <= 4; n++) {
            double f = topNGramChars(words, n) / len;
            if (f > topNGrams[n - 2]) {
                return Decision.drop("top_" + n + "_gram", f);
            }
        }
        for (int n = 5; n <= 10; n++) {
            double f = duplicateNGramChars(words, n) / len;
            if (f > dupNGrams[n - 5]) {
                return Decision.drop("duplicated_" + n + "_n_grams", f);
            }
        }
        return Decision.keep();
    }

    /** {count of duplicate elements, their characters}: every occurrence after the first is a duplicate. */
    static long[] duplicates(String[] items) {
        Set<String> seen = new HashSet<>();
        long count = 0;
        long chars = 0;
        for (String s : items) {
            if (!seen.add(s)) {
                count++;
                chars += s.length();
            }
        }
        return new long[] {count, chars};
    }

    /** Length of the most frequent n-gram (words joined by spaces) times its count, or 0 if none repeats. */
    static double topNGramChars(List<String> words, int n) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (int i = 0; i + n <= words.size(); i++) {
            String g = String.join(" ", words.subList(i, i + n));
            int c = counts.merge(g, 1, Integer::sum);
            if (c > bestCount) {
                bestCount = c;
                best = g;
            }
        }
        return bestCount > 1 ? (double) best.length() * bestCount : 0;
    }

    /** Characters in repeated n-grams, skipping n words after each repeat so characters count once. */
    static double duplicateNGramChars(List<String> words, int n) {
        Set<String> unique = new HashSet<>();
        long chars = 0;
        int i = 0;
        while (i + n <= words.size()) {
            String g = String.join("", words.subList(i, i + n));
            if (!unique.add(g)) {
                chars += g.length();
                i += n;
            } else {
                i++;
            }
        }
        return chars;
    }
}
