package dev.kiln.filters;

import dev.kiln.core.stage.Params;
import dev.kiln.filters.text.KeywordMatcher;
import dev.kiln.filters.text.WordTokenizer;
import java.util.List;
import java.util.Locale;

/** Parameters and description text shared by the factory families ({@link ReferenceFactories} and the others). */
final class FactoryParams {

    private FactoryParams() {
    }

    /** The {@code match} parameter: {@code substring} or {@code words}. */
    static KeywordMatcher.Mode match(Params p, String dflt) {
        return KeywordMatcher.Mode.valueOf(p.getChoice("match", dflt, List.of("substring", "words")).toUpperCase(Locale.ROOT));
    }

    /** The {@code tokenizer} parameter: {@code standard} or {@code icu}. */
    static WordTokenizer tokenizer(Params p) {
        return WordTokenizer.of(WordTokenizer.Kind.valueOf(
                p.getChoice("tokenizer", "standard", List.of("standard", "icu")).toUpperCase(Locale.ROOT)));
    }

    /** A default as a description shows it: {@code 200} for 200.0, {@code 0.65} for 0.65. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A ratio with two decimals, as the reference writes its thresholds ({@code 0.30}). */
    static String num2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
