package dev.kiln.filters.quality;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.WordTokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gopher quality rules (Rae et al. 2021, App. A) with datatrove {@code GopherQualityFilter}'s defaults
 * and reason names: word count in [50, 100000], mean word length in [3, 10], {@code #} and ellipsis per
 * word at most 0.1, at most 90 % of lines starting with a bullet, at most 30 % of lines ending with an
 * ellipsis, at least 80 % of words containing a letter, and at least 2 distinct stop words of
 * {the, be, to, of, and, that, have, with}. Words come from Lucene's tokenizer (punctuation is never a word).
 *
 * @param config thresholds
 */
public record GopherQualityFilter(Config config, WordTokenizer tokenizer) implements Filter {

    /** Stage name. */
    public static final String NAME = "gopher_quality";
    private static final Set<String> STOP_WORDS = Set.of("the", "be", "to", "of", "and", "that", "have", "with");

    /**
     * Thresholds; {@link #DEFAULT} holds datatrove's values.
     *
     * @param minWords fewest words (50)
     * @param maxWords most words (100,000)
     * @param minAvgWordLength shortest mean word length (3)
     * @param maxAvgWordLength longest mean word length (10)
     * @param maxSymbolWordRatio most {@code #} or ellipses per word (0.1)
     * @param maxBulletLinesRatio most lines starting with a bullet (0.9)
     * @param maxEllipsisLinesRatio most lines ending with an ellipsis (0.3)
     * @param minAlphaWordsRatio fewest words with a letter (0.8)
     * @param minStopWords fewest distinct stop words (2)
     */
    public record Config(int minWords, int maxWords, double minAvgWordLength, double maxAvgWordLength,
                         double maxSymbolWordRatio, double maxBulletLinesRatio, double maxEllipsisLinesRatio,
                         double minAlphaWordsRatio, int minStopWords) {

        /** datatrove's defaults. */
        public static final Config DEFAULT = new Config(50, 100_000, 3, 10, 0.1, 0.9, 0.3, 0.8, 2);

        public Config {
            ConfigException.checkRange("min_doc_words", minWords, 0, Integer.MAX_VALUE);
            ConfigException.checkRange("max_doc_words", maxWords, minWords, Integer.MAX_VALUE);
            ConfigException.checkRange("min_avg_word_length", minAvgWordLength, 0, 1000);
            ConfigException.checkRange("max_avg_word_length", maxAvgWordLength, minAvgWordLength, 1000);
            ConfigException.checkRange("max_symbol_word_ratio", maxSymbolWordRatio, 0, 1000);
            ConfigException.checkRange("max_bullet_lines_ratio", maxBulletLinesRatio, 0, 1);
            ConfigException.checkRange("max_ellipsis_lines_ratio", maxEllipsisLinesRatio, 0, 1);
            ConfigException.checkRange("min_alpha_words_ratio", minAlphaWordsRatio, 0, 1);
            ConfigException.checkRange("min_stop_words", minStopWords, 0, STOP_WORDS.size());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String text = doc.text();
        List<String> words = tokenizer.words(text);
        int n = words.size();
        if (n < config.minWords()) {
            return Decision.drop("gopher_short_doc", n);
        }
        if (n > config.maxWords()) {
            return Decision.drop("gopher_long_doc", n);
        }
        long chars = 0;
        int alphaWords = 0;
        Set<String> stops = new HashSet<>();
        for (String w : words) {
            chars += w.codePointCount(0, w.length());
            if (w.codePoints().anyMatch(Character::isLetter)) {
                alphaWords++;
            }
            if (w.length() <= 4) {
                String l = w.toLowerCase(Locale.ROOT);
                if (STOP_WORDS.contains(l)) {
                    stops.add(l);
                }
            }
        }
        double avg = (double) chars / n;
        if (avg < config.minAvgWordLength()) {
            return Decision.drop("gopher_below_avg_threshold", avg);
        }
        if (avg > config.maxAvgWordLength()) {
            return Decision.drop("gopher_above_avg_threshold", avg);
        }
        double hashes = (double) count(text, "#") / n;
        if (hashes > config.maxSymbolWordRatio()) {
            return Decision.drop("gopher_too_many_hashes", hashes);
        }
        double ellipses = (double) (count(text, "...") + count(text, "\u2026")) / n;
        if (ellipses > config.maxSymbolWordRatio()) {
            return Decision.drop("gopher_too_many_ellipsis", ellipses);
        }
        int lines = 0;
        int bullets = 0;
        int endEllipsis = 0;
        for (String line : text.split("\\R")) { // str.splitlines(): no trailing empty line
            lines++;
            String s = line.stripLeading();
            if (s.startsWith("\u2022") || s.startsWith("-")) {
                bullets++;
            }
            String e = line.stripTrailing();
            if (e.endsWith("...") || e.endsWith("\u2026")) {
                endEllipsis++;
            }
        }
        if ((double) bullets / lines > config.maxBulletLinesRatio()) {
            return Decision.drop("gopher_too_many_bullets", (double) bullets / lines);
        }
        if ((double) endEllipsis / lines > config.maxEllipsisLinesRatio()) {
            return Decision.drop("gopher_too_many_end_ellipsis", (double) endEllipsis / lines);
        }
        double alpha = (double) alphaWords / n;
        if (alpha < config.minAlphaWordsRatio()) {
            return Decision.drop("gopher_below_alpha_threshold", alpha);
        }
        if (stops.size() < config.minStopWords()) {
            return Decision.drop("gopher_enough_stop_words", stops.size());
        }
        return Decision.keep();
    }

    static int count(String text, String needle) {
        int c = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            c++;
        }
        return c;
    }
}
