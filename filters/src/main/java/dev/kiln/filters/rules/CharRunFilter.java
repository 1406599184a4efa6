package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * Drops text in which one character repeats {@code max_run} or more times in a row, ignoring runs of
 * digits ("1000000"), whitespace (indentation) and ellipsis dots ({@code ......}, {@code …}), which the
 * reference's G2 wrongly rejects. Catches "!!!!!!!!", "aaaaaaaa", emoji floods. Linear scan.
 */
public final class CharRunFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "char_run";

    private final int maxRun;

    public CharRunFilter(int maxRun) {
        this.maxRun = ConfigException.checkRange("max_run", maxRun, 2, 1_000_000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int prev = -1;
        int run = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == prev) {
                if (++run >= maxRun && !ignored(cp)) {
                    return Decision.drop(NAME, run);
                }
            } else {
                prev = cp;
                run = 1;
            }
        }
        return Decision.keep();
    }

    private static boolean ignored(int cp) {
        return cp == '.' || cp == '\u2026' || PyText.isSpace(cp) || Character.isDigit(cp);
    }
}
