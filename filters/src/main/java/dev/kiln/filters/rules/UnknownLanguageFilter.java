package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.quality.LangDetect;
import java.util.List;
import java.util.Set;

/**
 * Text in no language: drops a page whose words hold under {@code min_english_share} English function words
 * ({@link #WORDS}: about a third of English prose's running words) and whose language Cybozu's langdetect
 * cannot name with at least {@code min_language_probability}. Random-word placeholder fails both: faker's
 * {@code lorem} draws from a Latin dictionary and measures 0 to 0.07 English words, and langdetect splits it
 * between Spanish, Portuguese and Italian. English prose never reaches langdetect (so the rule costs one
 * shared word scan per page), and a page in German, Russian or Spanish is named with 0.99 or more and kept.
 * A language langdetect lacks (Latin itself, Esperanto, Catalan) is dropped too. A page langdetect names
 * but in a language not in {@code languages} is dropped as {@code other_language} (its probability the measured
 * value): the default profile is for English, as C4 is, and the pages it drops that way are French licences and
 * legal pages, cookie banners and placeholder filler in Spanish or Russian, German spam. An empty list keeps every
 * language langdetect can name. A page is taken as English without langdetect only when, besides that share, at
 * least {@code min_english_only_share} of its words are function words no common European language spells the
 * same ({@link #WORDS} less {@link #SHARED}): Hungarian filler's {@code a} and {@code is}, Polish {@code i, a, to}
 * and Dutch {@code in, is} reach 0.08 alone, yet their English-only share is 0 to 0.005, while English pages
 * measure 0.04 and more (a 49-word news brief; 2,688 clean pages of the labelled sets). A page langdetect names
 * English though under {@code min_named_english_share} of its words are English function words is a list of English
 * words, not English ({@link #WORD_LIST}: random-word filler).
 */
public final class UnknownLanguageFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "unknown_language";

    /** Reason code of a page in a language not in {@code languages}. */
    public static final String OTHER = "other_language";

    /**
     * Reason code of a page langdetect names English whose words hold under {@code min_named_english_share}
     * English function words: English words without English sentences (Data::Random's and npm random-words'
     * filler, a schema's attribute names) measure 0 to 0.005.
     */
    public static final String WORD_LIST = "english_word_list";

    /** Default {@code min_named_english_share}: the labelled sets' clean English pages measure 0.04 and more. */
    public static final double DEFAULT_MIN_NAMED_ENGLISH_SHARE = 0.01;

    /** Default {@code languages}: English only. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("en");

    /** Default {@code min_english_share}: held-out English pages measure 0.1 and more, faker's placeholder 0 to 0.07. */
    public static final double DEFAULT_MIN_ENGLISH_SHARE = 0.08;

    /** Default {@code min_language_probability}: the web corpora's pages in other languages score 1.0, faker's placeholder mostly 0.42 to 0.86. */
    public static final double DEFAULT_MIN_LANGUAGE_PROBABILITY = 0.9;

    /** Default {@code min_english_only_share}. */
    public static final double DEFAULT_MIN_ENGLISH_ONLY_SHARE = 0.03;

    /** Those of {@link #WORDS} that other languages spell the same (Hungarian, Polish, Dutch, German, Italian, Latin). */
    static final String SHARED = "a i is in to on an";

    /** The 40 commonest English function words, space-separated. */
    static final String WORDS = """
            the of and to a in is that for it with as was on be by this are or not you from at have an which but
            his they we he i if can will all has their there its""";

    static final VocabularyShare.Vocabulary VOCABULARY = VocabularyShare.KILN.get(2);

    /** {@link #WORDS} less {@link #SHARED}. */
    static final VocabularyShare.Vocabulary ENGLISH_ONLY = VocabularyShare.KILN.get(3);

    private final double minEnglishShare;
    private final double minEnglishOnlyShare;
    private final double minProbability;
    private final double minNamedEnglishShare;
    private final Set<String> languages;
    /** English pages are kept without langdetect only when English is kept. */
    private final boolean englishKept;

    /**
     * @param languages langdetect codes kept ({@link LangDetect#LANGUAGES}); empty for any language it can name
     */
    public UnknownLanguageFilter(double minEnglishShare, double minEnglishOnlyShare, double minProbability, double minNamedEnglishShare,
            List<String> languages) {
        this.minEnglishShare = ConfigException.checkRange("min_english_share", minEnglishShare, 0.0, 1.0);
        this.minEnglishOnlyShare = ConfigException.checkRange("min_english_only_share", minEnglishOnlyShare, 0.0, 1.0);
        this.minProbability = ConfigException.checkRange("min_language_probability", minProbability, 0.0, 1.0);
        this.minNamedEnglishShare = ConfigException.checkRange("min_named_english_share", minNamedEnglishShare, 0.0, 1.0);
        for (String l : languages) {
            if (!LangDetect.LANGUAGES.contains(l)) {
                throw new ConfigException("languages: '" + l + "' is not one of langdetect's " + LangDetect.LANGUAGES);
            }
        }
        this.languages = Set.copyOf(languages);
        this.englishKept = languages.isEmpty() || languages.contains("en");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        if (englishKept && VocabularyShare.of(doc.text(), VOCABULARY) >= minEnglishShare
                && VocabularyShare.of(doc.text(), ENGLISH_ONLY) >= minEnglishOnlyShare) {
            return Decision.keep();
        }
        LangDetect.Guess g = LangDetect.best(doc.text());
        if (g.probability() < minProbability) {
            return Decision.drop(NAME, g.probability());
        }
        if (!languages.isEmpty() && !languages.contains(g.language())) {
            return Decision.drop(OTHER, g.probability());
        }
        double share = g.language().equals("en") ? VocabularyShare.of(doc.text(), VOCABULARY) : 1;
        return share < minNamedEnglishShare ? Decision.drop(WORD_LIST, share) : Decision.keep();
    }
}
