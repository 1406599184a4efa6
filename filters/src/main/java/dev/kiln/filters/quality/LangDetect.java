package dev.kiln.filters.quality;

import com.cybozu.labs.langdetect.Detector;
import com.cybozu.labs.langdetect.DetectorFactory;
import com.cybozu.labs.langdetect.LangDetectException;
import com.cybozu.labs.langdetect.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cybozu's language-detection library (Shuyo Nakatani, Apache-2.0; Maven Central
 * {@code com.cybozu.labs:langdetect:1.1-20120112}), the Java original that Python's {@code langdetect}
 * (used by TFDS to build C4) ports: the same 53 Wikipedia-trained character n-gram profiles, loaded once
 * from the library's jar, and the same naive-Bayes trials (7 trials, alpha 0.5 ± 0.05, first 10,000
 * characters, URLs and e-mail addresses removed, probabilities under 0.1 not reported).
 *
 * <p>The detection is randomised (which n-grams each trial samples); kiln fixes the seed to
 * {@link #SEED} = 0, as TFDS does ({@code DetectorFactory.seed = 0}), so the same text always gets the
 * same answer, in any thread. Each call builds its own {@link Detector}; the profiles are shared and
 * only read after loading, so calls are thread-safe.
 *
 * <p><b>NOTE:</b> the library keeps its profiles and seed in one JVM-wide singleton. This class loads it
 * once (unless something else already did) and sets the seed; nothing else in kiln touches it. The
 * probabilities are not bit-identical to Python's: the algorithm and profiles are the same, but Java's
 * and Python's random generators draw different n-grams for the same seed, and Python's package has two
 * more profiles (ca, cy).
 */
public final class LangDetect {

    /** Seed of the detector's random trials (TFDS: {@code langdetect.DetectorFactory.seed = 0}). */
    static final long SEED = 0;

    /** The most characters of a page handed to the detector (see {@link #prefix}). */
    static final int MAX_INPUT_CHARS = 100_000;

    /** The languages of the bundled profiles (the jar's {@code profiles/} directory). */
    public static final List<String> LANGUAGES = List.of("af", "ar", "bg", "bn", "cs", "da", "de", "el", "en", "es", "et",
            "fa", "fi", "fr", "gu", "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml", "mr",
            "ne", "nl", "no", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te", "th", "tl",
            "tr", "uk", "ur", "vi", "zh-cn", "zh-tw");

    /** Loads the profiles on first use (class initialisation: once, and visible to every thread). */
    private static final class Factory {

        static final boolean READY;

        static {
            synchronized (DetectorFactory.class) {
                if (DetectorFactory.getLangList().isEmpty()) {
                    List<String> json = new ArrayList<>(LANGUAGES.size());
                    for (String lang : LANGUAGES) {
                        json.add(profile(lang));
                    }
                    try {
                        DetectorFactory.loadProfile(json);
                    } catch (LangDetectException e) {
                        throw new IllegalStateException("cannot load the langdetect profiles: " + e.getMessage(), e);
                    }
                }
                DetectorFactory.setSeed(SEED);
            }
            READY = true;
        }
    }

    private LangDetect() {
    }

    /** Loads the profiles now (once per JVM) rather than at the first detection; fails if they are missing. */
    static void load() {
        if (!Factory.READY) {
            throw new IllegalStateException("langdetect profiles not loaded");
        }
    }

    /**
     * The languages detected in {@code text} with probability over 0.1, most probable first (Python's
     * {@code detect_langs}); empty when no language reaches 0.1.
     *
     * @throws LangDetectException when the text has no letter n-grams (empty, digits, punctuation)
     */
    static List<Language> detect(String text) throws LangDetectException {
        load();
        Detector d = DetectorFactory.create();
        d.append(prefix(text));
        return d.getProbabilities();
    }

    /**
     * The probability of the most probable language of {@code text}, 0 when none reaches 0.1 or the text has
     * no letter n-grams; used by kiln's {@code unknown_language} rule on the few pages it hands over.
     */
    public static double bestProbability(String text) {
        return best(text).probability();
    }

    /** langdetect's most probable language and its probability; {@link Guess#NONE} when it has none. */
    public static Guess best(String text) {
        try {
            List<Language> ranked = detect(text);
            return ranked.isEmpty() ? Guess.NONE : new Guess(ranked.get(0).lang, ranked.get(0).prob);
        } catch (LangDetectException e) {
            return Guess.NONE;
        }
    }

    /** A language code ({@link #LANGUAGES}) and its probability; {@code ""} and 0 for no guess. */
    public record Guess(String language, double probability) {
        public static final Guess NONE = new Guess("", 0.0);
    }

    /**
     * At most the first {@link #MAX_INPUT_CHARS} characters of {@code text}, not splitting a surrogate pair.
     * The detector reads only the first 10,000 characters left after it replaces each URL and e-mail
     * address by a space, but it runs those regexes over all it is given; the cap bounds that cost (a 50 MB
     * page) and changes the answer only for a page whose first 100,000 characters are over 90 % URLs and
     * e-mail addresses.
     */
    static String prefix(String text) {
        if (text.length() <= MAX_INPUT_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_INPUT_CHARS - 1)) ? MAX_INPUT_CHARS - 1 : MAX_INPUT_CHARS;
        return text.substring(0, end);
    }

    private static String profile(String lang) {
        try (InputStream in = DetectorFactory.class.getResourceAsStream("/profiles/" + lang)) {
            if (in == null) {
                throw new IllegalStateException("langdetect profile " + lang + " missing from the langdetect jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
