package dev.kiln.filters.quality;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageOutput;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The C4 rules (TFDS {@code c4_utils.clean_page}, as datatrove's {@code C4QualityFilter}): each line is
 * stripped and citation markers ({@code [1]}, {@code [edit]}, {@code [citation needed]}) removed; a
 * line is <b>removed</b> when it has a word over 1000 characters, does not end in terminal punctuation
 * ({@code . ? ! "}, not {@code ...}), has fewer than {@code min_words_per_line} words, mentions
 * "javascript" or a cookie/terms policy; the <b>page</b> is dropped for "lorem ipsum", a curly brace, or
 * fewer than {@code min_sentences} sentences over the kept lines. Kept lines are joined with
 * {@code \n}.
 *
 * <p>Two variants (quality-rules.md section 3): {@link Config#PAPER} follows the C4 paper and datatrove
 * (3 words per line, 5 sentences; profile {@code c4}); {@link Config#TFDS} follows the TFDS code that
 * produced the released C4 (5 words, 3 sentences; profile {@code c4_tfds}). Sentences are counted with
 * the JDK's English sentence {@link BreakIterator} (TFDS uses NLTK punkt).
 *
 * @param name stage name and reason prefix ({@code c4_quality} or {@code c4_tfds_quality})
 * @param config thresholds
 */
public record C4QualityFilter(String name, Config config) implements Stage {

    private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> POLICY = List.of("terms of use", "privacy policy", "cookie policy",
            "uses cookies", "use of cookies", "use cookies");
    private static final int MAX_WORD_LENGTH = 1000;
    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ENGLISH);

    /**
     * @param minWordsPerLine lines with fewer words are removed
     * @param minSentences pages with fewer sentences are dropped
     * @param filterNoTerminalPunct remove lines without terminal punctuation (FineWeb turns this off)
     */
    public record Config(int minWordsPerLine, int minSentences, boolean filterNoTerminalPunct) {

        /** The C4 paper and datatrove: 3 words per line, 5 sentences per page. */
        public static final Config PAPER = new Config(3, 5, true);
        /** The TFDS code behind the released C4: 5 words per line, 3 sentences per page. */
        public static final Config TFDS = new Config(5, 3, true);

        public Config {
            ConfigException.checkRange("min_words_per_line", minWordsPerLine, 0, 10_000);
            ConfigException.checkRange("min_sentences", minSentences, 0, 1_000_000);
        }
    }

    @Override
    public void process(Document doc, StageOutput out) {
        StringBuilder kept = new StringBuilder(doc.text().length());
        int sentences = 0;
        BreakIterator sentenceIt = (BreakIterator) SENTENCES.clone(); // clone of one prototype, not a new instance per document
        for (String raw : doc.text().split("\\R")) {
            String line = raw.strip();
            if (line.indexOf('[') >= 0) {
                line = CITATION.matcher(line).replaceAll("").strip();
            }
            String[] words = line.isEmpty() ? new String[0] : line.split("\\s+");
            if (hasLongWord(words)) {
                continue;
            }
            if (config.filterNoTerminalPunct() && (!endsWithTerminal(line) || line.endsWith("..."))) {
                continue;
            }
            if (words.length < config.minWordsPerLine()) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains("lorem ipsum")) {
                out.drop(name + "_lorem_ipsum", Double.NaN);
                return;
            }
            if (lower.contains("javascript")) {
                continue;
            }
            if (line.indexOf('{') >= 0) {
                out.drop(name + "_curly_bracket", Double.NaN);
                return;
            }
            if (POLICY.stream().anyMatch(lower::contains)) {
                continue;
            }
            sentences += countSentences(sentenceIt, line);
            if (!kept.isEmpty()) {
                kept.append('\n');
            }
            kept.append(line);
        }
        if (sentences < config.minSentences()) {
            out.drop(name + "_too_few_sentences", sentences);
            return;
        }
        out.emit(doc.withText(kept.toString()));
    }

    private static boolean hasLongWord(String[] words) {
        for (String w : words) {
            if (w.length() > MAX_WORD_LENGTH) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithTerminal(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(line.length() - 1);
        return c == '.' || c == '?' || c == '!' || c == '"';
    }

    private static int countSentences(BreakIterator it, String line) {
        it.setText(line);
        int count = 0;
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            if (!line.substring(start, end).isBlank()) {
                count++;
            }
        }
        return count;
    }
}
