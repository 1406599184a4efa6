package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;

/**
 * Unicode-aware weird-symbol ratio (kiln's replacement for the reference's G3): weird characters are
 * controls other than tab, newline and carriage return, private-use (Co), unassigned (Cn) and unpaired
 * surrogate (Cs) code points, and U+FFFD, the mark of a decoding error. Letters, marks, digits,
 * punctuation, symbols and spaces of any script are normal, so accents, curly quotes, dashes and CJK
 * text pass. Drops when the share exceeds {@code max_weird_ratio}.
 */
public final class WeirdSymbolsFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "weird_symbols";

    private final double maxRatio;

    public WeirdSymbolsFilter(double maxRatio) {
        this.maxRatio = ConfigException.checkRange("max_weird_ratio", maxRatio, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        CharStats s = CharStats.of(doc.text());
        int n = s.codePoints();
        int weird = s.unicodeWeird();
        double ratio = n == 0 ? 0.0 : (double) weird / n;
        return ratio <= maxRatio ? Decision.keep() : Decision.drop(NAME, ratio);
    }

    /** Whether {@code cp} is a control, private-use, unassigned or surrogate code point, or U+FFFD. */
    public static boolean isWeird(int cp) {
        return CharStats.isUnicodeWeird(cp);
    }
}
