package dev.kiln.filters.quality;

import com.cybozu.labs.langdetect.LangDetectException;
import com.cybozu.labs.langdetect.Language;
import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import java.util.List;

/**
 * C4's language rule (TFDS {@code c4_utils.is_language}): keeps a page only when langdetect's most
 * probable language is {@code language} with probability at least {@code min_probability} (C4: English,
 * 0.99). TFDS runs it on the cleaned page, after the line rules, so the {@code c4} profiles put it after
 * {@code c4_quality}.
 *
 * <p>Drops, in TFDS's order: {@code c4_langdetect_no_features} (no letters to judge, value NaN),
 * {@code c4_langdetect_no_prediction} (no language over 0.1, NaN), {@code c4_langdetect_low_prob_<lang>}
 * (the best guess is below {@code min_probability}) and {@code c4_langdetect_lang_<lang>} (a confident
 * other language); the value is the best guess's probability and the reason names its language
 * ({@code zh-cn} becomes {@code zh_cn}).
 *
 * <p><b>NOTE:</b> deterministic (seed 0, see {@link LangDetect}) but slow: 2.7 MB/CPU-s on its own, 14 times
 * slower than the other three C4 rules together, and it makes the {@code c4} profile 8 times slower
 * (docs/benchmarks/filters.md).
 */
public final class C4LangDetectFilter implements Filter {

    public static final String NAME = "c4_langdetect";
    /** C4's threshold. */
    public static final double DEFAULT_MIN_PROBABILITY = 0.99;

    private final String language;
    private final double minProbability;

    /**
     * @param language the language kept, one of {@link #languages()} (C4: {@code en})
     * @param minProbability the least probability of the best guess, in [0, 1] (C4: 0.99)
     */
    public C4LangDetectFilter(String language, double minProbability) {
        if (!LangDetect.LANGUAGES.contains(language)) {
            throw new ConfigException("language must be one of langdetect's " + LangDetect.LANGUAGES + ": '" + language + "'");
        }
        this.language = language;
        this.minProbability = ConfigException.checkRange("min_probability", minProbability, 0, 1);
        LangDetect.load();
    }

    /** The languages langdetect knows. */
    public static List<String> languages() {
        return LangDetect.LANGUAGES;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        List<Language> ranked;
        try {
            ranked = LangDetect.detect(doc.text());
        } catch (LangDetectException e) {
            return Decision.drop(NAME + "_no_features");
        }
        if (ranked.isEmpty()) {
            return Decision.drop(NAME + "_no_prediction");
        }
        Language best = ranked.get(0);
        if (best.prob < minProbability) {
            return Decision.drop(NAME + "_low_prob_" + best.lang.replace('-', '_'), best.prob);
        }
        if (!best.lang.equals(language)) {
            return Decision.drop(NAME + "_lang_" + best.lang.replace('-', '_'), best.prob);
        }
        return Decision.keep();
    }
}
