package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.KeywordMatcher;
import java.util.List;

/**
 * Drops a document in which at least {@code min_hits} distinct keywords of a list occur: G5 (boilerplate
 * phrases, 1 hit), C3 (web-junk keywords, 2 hits) and the keyword half of C4. With
 * {@link KeywordMatcher.Mode#SUBSTRING} this is the reference's lower-cased substring test; kiln's profile
 * uses {@link KeywordMatcher.Mode#WORDS}. The drop value is the number of distinct keywords found.
 */
public final class KeywordFilter implements Filter {

    private final String reason;
    private final KeywordMatcher matcher;
    private final int minHits;

    public KeywordFilter(String reason, KeywordMatcher matcher, int minHits) {
        this.reason = reason;
        this.matcher = matcher;
        this.minHits = Check.range("min_hits", minHits, 1, Math.max(1, matcher.keywords().size()));
    }

    /** G5 with the reference's 12 phrases. */
    public static KeywordFilter g5(KeywordMatcher.Mode mode) {
        return new KeywordFilter("G5_boilerplate", ReferenceLists.matcher(mode, ReferenceLists.BOILERPLATE), 1);
    }

    /** C3 with the reference's 61 keywords. */
    public static KeywordFilter c3(KeywordMatcher.Mode mode, int minHits) {
        return new KeywordFilter("C3_web_junk", ReferenceLists.matcher(mode, ReferenceLists.WEB_JUNK), minHits);
    }

    public List<String> keywords() {
        return matcher.keywords();
    }

    @Override
    public String name() {
        return reason;
    }

    @Override
    public Decision test(Document doc) {
        int hits = matcher.countDistinct(doc.text(), minHits);
        return hits >= minHits ? Decision.drop(reason, hits) : Decision.keep();
    }
}
