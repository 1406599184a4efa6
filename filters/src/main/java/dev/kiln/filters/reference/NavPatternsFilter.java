package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;
import dev.kiln.filters.text.KeywordMatcher;

/**
 * C4: (a) at least {@code min_nav_keywords} (4) distinct navigation words (home, about, contact, privacy,
 * terms, faq, sitemap) occur as lower-case substrings ("homework" and "in terms of" count), or (b) the
 * share of {@code |} among code points exceeds {@code max_pipe_ratio} (0.005).
 */
public final class NavPatternsFilter implements Filter {

    /** Reference id. */
    public static final String C4 = "C4_nav_patterns";

    private final KeywordMatcher matcher;
    private final int minKeywords;
    private final double maxPipeRatio;

    public NavPatternsFilter(KeywordMatcher.Mode mode, int minKeywords, double maxPipeRatio) {
        this.matcher = ReferenceLists.matcher(mode, ReferenceLists.NAV);
        this.minKeywords = Check.range("min_nav_keywords", minKeywords, 1, ReferenceLists.NAV.size() + 1);
        this.maxPipeRatio = Check.ratio("max_pipe_ratio", maxPipeRatio);
    }

    @Override
    public String name() {
        return C4;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int hits = matcher.countDistinct(t, minKeywords);
        if (hits >= minKeywords) {
            return Decision.drop(C4, hits);
        }
        CharStats s = CharStats.of(t);
        int pipes = s.pipes();
        if (pipes == 0) {
            return Decision.keep();
        }
        double ratio = (double) pipes / s.codePoints();
        return ratio > maxPipeRatio ? Decision.drop(C4, ratio) : Decision.keep();
    }
}
