package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * Drops text in which one character repeats {@code max_run} or more times in a row ("!!!!!!!!", "sooooooo",
 * emoji floods). Ignored, because clean text has them: runs of digits ("1000000"), whitespace (indentation),
 * ellipsis dots ({@code ......}, {@code …}), which the reference's G2 wrongly rejects; rule and box-drawing
 * characters ({@code - = _ * ~ # + /}, U+2500..U+259F: heading underlines, horizontal rules, boxed and {@code ////} comments and
 * tables); and a letter run in a word that is one capital repeated (mktemp's {@code XXXXXX} templates,
 * {@code FFFFFFFF}) or a hex number with a digit ({@code 0x7fffffff}). "aaaaaaaa", "NOOOOOOOO" and "JEEEEEEEESUS"
 * still count. Linear scan.
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
            int at = i;
            i += Character.charCount(cp);
            if (cp == prev) {
                if (++run >= maxRun && !ignored(cp) && !(Character.isLetter(cp) && capitalsOrHexWord(t, at))) {
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
        return cp == '.' || cp == '\u2026' || PyText.isSpace(cp) || Character.isDigit(cp) || "-=_*~#+/".indexOf(cp) >= 0
                || cp >= 0x2500 && cp <= 0x259F;
    }

    /** Whether the word (letters and digits) around {@code at} is one capital repeated, or a hex number holding a digit. */
    static boolean capitalsOrHexWord(String t, int at) {
        int from = at;
        while (from > 0 && Character.isLetterOrDigit(t.charAt(from - 1))) {
            from--;
        }
        int to = at;
        while (to < t.length() && Character.isLetterOrDigit(t.charAt(to))) {
            to++;
        }
        boolean oneCapital = true;
        boolean hex = true;
        boolean digit = false;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            boolean d = c >= '0' && c <= '9';
            digit |= d;
            oneCapital &= c == t.charAt(at) && c >= 'A' && c <= 'Z';
            hex &= d || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f' || k == from + 1 && c == 'x' && t.charAt(from) == '0';
        }
        return oneCapital || hex && digit;
    }
}
