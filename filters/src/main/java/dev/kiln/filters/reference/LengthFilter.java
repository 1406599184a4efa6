package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;

/**
 * G0: keeps documents whose length in code points is in {@code [min_chars, max_chars]}. The reference
 * applies it to whole documents before chunking (300..80,000); kiln's profiles use it on chunks and keep
 * only a runaway bound on whole documents.
 */
public final class LengthFilter implements Filter {

    /** Reference id. */
    public static final String G0 = "G0_length";

    private final String reason;
    private final int minChars;
    private final int maxChars;

    public LengthFilter(String reason, int minChars, int maxChars) {
        this.reason = reason;
        this.minChars = Check.range("min_chars", minChars, 0, Integer.MAX_VALUE);
        this.maxChars = Check.range("max_chars", maxChars, minChars, Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return reason;
    }

    @Override
    public Decision test(Document doc) {
        if (minChars == 0 && doc.text().length() <= maxChars) {
            return Decision.keep(); // code points <= UTF-16 chars: no need to count
        }
        int n = CharStats.of(doc.text()).codePoints();
        return n >= minChars && n <= maxChars ? Decision.keep() : Decision.drop(reason, n);
    }
}
