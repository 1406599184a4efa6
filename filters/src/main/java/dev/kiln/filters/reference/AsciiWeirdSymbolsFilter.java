package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;

/**
 * G3 (reference semantics): share of code points that are not ASCII letters, digits, ASCII punctuation
 * or {@code " \t\n\r\x0b\x0c"}; drops above {@code max_weird_ratio}. <b>NOTE:</b> every non-ASCII
 * character counts as weird here (accents, curly quotes, dashes); kiln's default profile uses
 * {@link dev.kiln.filters.rules.WeirdSymbolsFilter} instead.
 */
public final class AsciiWeirdSymbolsFilter implements Filter {

    /** Reference id. */
    public static final String G3 = "G3_weird_symbols";

    private final double maxRatio;

    public AsciiWeirdSymbolsFilter(double maxRatio) {
        this.maxRatio = Check.ratio("max_weird_ratio", maxRatio);
    }

    @Override
    public String name() {
        return G3;
    }

    @Override
    public Decision test(Document doc) {
        CharStats s = CharStats.of(doc.text());
        int n = s.codePoints();
        int weird = s.asciiWeird();
        double ratio = n == 0 ? 0.0 : (double) weird / n;
        return ratio <= maxRatio ? Decision.keep() : Decision.drop(G3, ratio);
    }
}
