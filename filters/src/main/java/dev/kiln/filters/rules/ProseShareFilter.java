package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import java.util.regex.Pattern;

/**
 * Pages with too little running prose (link lists, menus, tables, encoded blobs): drops text in which prose
 * lines hold less than {@code min_prose_share} of the non-blank characters. A prose line has at least
 * {@value #MIN_WORDS} words and words make up at least {@value #MIN_WORD_SHARE} of its space-separated tokens;
 * a word is letters (digits, inner apostrophes, hyphens and dots allowed after the first letter) with
 * surrounding punctuation, quotes, backticks or markdown emphasis. Unlike the mean line length of
 * {@code paragraph_quality}, the share does not depend on how lines are wrapped: hard-wrapped man pages and
 * READMEs, verse-per-line scripture, commentary full of verse references and API docs with list items and
 * code samples measure 0.3 or more (docs/benchmarks/filter-fidelity.md; an API page that is mostly example code
 * can measure less), link lists under 0.16, stylesheets and encoded blobs 0.
 */
public final class ProseShareFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "prose_share";

    /** Default {@code min_prose_share}. */
    public static final double DEFAULT_MIN_SHARE = 0.2;

    static final int MIN_WORDS = 6;
    static final double MIN_WORD_SHARE = 0.6;
    private static final Pattern WORD = Pattern.compile(
            "[(\"'“‘\\[`*_]*\\p{L}[\\p{L}\\p{N}]*(?:['’.\\-][\\p{L}\\p{N}]+)*[.,;:!?)\\]\"'”’`*_]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final double minShare;

    public ProseShareFilter(double minShare) {
        this.minShare = ConfigException.checkRange("min_prose_share", minShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        long total = 0;
        long prose = 0;
        for (int start = 0; start <= t.length(); ) {
            int end = t.indexOf('\n', start);
            end = end < 0 ? t.length() : end;
            String s = t.substring(start, end).strip();
            if (!s.isEmpty()) {
                total += s.length();
                prose += isProse(s) ? s.length() : 0;
            }
            start = end + 1;
        }
        double share = total == 0 ? 0.0 : (double) prose / total;
        return share < minShare ? Decision.drop(NAME, share) : Decision.keep();
    }

    static boolean isProse(String line) {
        String[] tokens = SPACES.split(line);
        int words = 0;
        for (String tok : tokens) {
            words += WORD.matcher(tok).matches() ? 1 : 0;
        }
        return words >= MIN_WORDS && words >= MIN_WORD_SHARE * tokens.length;
    }
}
