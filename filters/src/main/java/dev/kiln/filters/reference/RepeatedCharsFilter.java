package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;

/**
 * G2: drops a document in which any code point other than {@code \n} repeats {@code max_repeated_chars}
 * or more times in a row (the reference's {@code (.)\1{N-1,}}; it fires on "1000000", six spaces,
 * "......"). N &lt;= 0 disables the rule. Linear scan, no regex. The drop value is the longest run.
 */
public final class RepeatedCharsFilter implements Filter {

    /** Reference id. */
    public static final String G2 = "G2_repeated_chars";

    private final int n;

    public RepeatedCharsFilter(int maxRepeatedChars) {
        this.n = Check.range("max_repeated_chars", maxRepeatedChars, -1, 1_000_000);
    }

    @Override
    public String name() {
        return G2;
    }

    @Override
    public Decision test(Document doc) {
        if (n <= 0) {
            return Decision.keep();
        }
        int run = CharStats.of(doc.text()).maxRun();
        return run >= n ? Decision.drop(G2, run) : Decision.keep();
    }
}
