package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.quality.LangDetect;

/**
 * Text in no language: drops a page whose words hold under {@code min_english_share} English function words
 * ({@link #WORDS}: about a third of English prose's running words) and whose language Cybozu's langdetect
 * cannot name with at least {@code min_language_probability}. Random-word placeholder fails both: faker's
 * {@code lorem} draws from a Latin dictionary and measures 0 to 0.07 English words, and langdetect splits it
 * between Spanish, Portuguese and Italian. English prose never reaches langdetect (so the rule costs one
 * shared word scan per page), and a page in German, Russian or Spanish is named with 0.99 or more and kept.
 * A language langdetect lacks (Latin itself, Esperanto, Catalan) is dropped too: the default profile is
 * for English.
 */
public final class UnknownLanguageFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "unknown_language";

    /** Default {@code min_english_share}: held-out English pages measure 0.1 and more, faker's placeholder 0 to 0.07. */
    public static final double DEFAULT_MIN_ENGLISH_SHARE = 0.08;

    /** Default {@code min_language_probability}: the web corpora's pages in other languages score 1.0, faker's placeholder mostly 0.42 to 0.86. */
    public static final double DEFAULT_MIN_LANGUAGE_PROBABILITY = 0.9;

    /** The 40 commonest English function words, space-separated. */
    static final String WORDS = """
            the of and to a in is that for it with as was on be by this are or not you from at have an which but
            his they we he i if can will all has their there its""";

    static final VocabularyShare.Vocabulary VOCABULARY = VocabularyShare.KILN.get(2);

    private final double minEnglishShare;
    private final double minProbability;

    public UnknownLanguageFilter(double minEnglishShare, double minProbability) {
        this.minEnglishShare = ConfigException.checkRange("min_english_share", minEnglishShare, 0.0, 1.0);
        this.minProbability = ConfigException.checkRange("min_language_probability", minProbability, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        if (VocabularyShare.of(doc.text(), VOCABULARY) >= minEnglishShare) {
            return Decision.keep();
        }
        double p = LangDetect.bestProbability(doc.text());
        return p >= minProbability ? Decision.keep() : Decision.drop(NAME, p);
    }
}
