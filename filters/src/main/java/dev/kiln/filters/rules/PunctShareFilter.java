package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.reference.PunctSpamFilter;
import dev.kiln.filters.text.CharStats;

/**
 * Punctuation-heavy text (ASCII art, key-value dumps, separator soup): drops text in which the 12 characters
 * {@code . , ; : - / | = _ \ " '} make up more than {@code max_punct_ratio} of the code points. This is the
 * ratio half of the reference's C2 alone: C2 also drops any page holding {@code ----}, {@code ====},
 * {@code ////} or {@code ||||}, which removes every Markdown or reStructuredText page with a heading
 * underline or a horizontal rule; kiln leaves runs to {@code char_run}, which knows such lines.
 */
public final class PunctShareFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "punct_share";

    private final double maxRatio;

    public PunctShareFilter(double maxRatio) {
        this.maxRatio = ConfigException.checkRange("max_punct_ratio", maxRatio, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        double ratio = PunctSpamFilter.ratio(CharStats.of(doc.text()));
        return ratio > maxRatio ? Decision.drop(NAME, ratio) : Decision.keep();
    }
}
