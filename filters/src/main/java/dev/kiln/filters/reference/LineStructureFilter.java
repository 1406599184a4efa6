package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;

/**
 * G4: line structure over the lines of {@code text.split("\n")} whose strip is non-empty. (a) Lines whose
 * stripped length is below {@code short_line_chars} (20) make up more than {@code max_short_line_ratio}
 * (0.30) of them; (b) among lines with at least one letter, lines whose letters are all upper case make
 * up more than {@code max_caps_ratio} (0.20). Either drops; a text with no non-empty line passes.
 */
public final class LineStructureFilter implements Filter {

    /** Reference id. */
    public static final String G4 = "G4_line_structure";

    private final int shortLineChars;
    private final double maxShortRatio;
    private final double maxCapsRatio;

    public LineStructureFilter(int shortLineChars, double maxShortRatio, double maxCapsRatio) {
        this.shortLineChars = Check.range("short_line_chars", shortLineChars, 0, 1_000_000);
        this.maxShortRatio = Check.ratio("max_short_line_ratio", maxShortRatio);
        this.maxCapsRatio = Check.ratio("max_caps_ratio", maxCapsRatio);
    }

    @Override
    public String name() {
        return G4;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int nonEmpty = 0;
        int shortLines = 0;
        int lettered = 0;
        int caps = 0;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int a = PyText.stripStart(t, start, end);
            int b = PyText.stripEnd(t, a, end);
            if (b > a) {
                nonEmpty++;
                if (PyText.len(t, a, b) < shortLineChars) {
                    shortLines++;
                }
                boolean anyLetter = false;
                boolean allUpper = true;
                for (int i = a; i < b && allUpper; ) { // stops at the first letter that is not upper case
                    int cp = t.charAt(i);
                    if (cp < 128) {
                        i++;
                        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                            anyLetter = true;
                            allUpper = cp <= 'Z';
                        }
                        continue;
                    }
                    cp = t.codePointAt(i);
                    i += Character.charCount(cp);
                    if (PyText.isAlpha(cp)) {
                        anyLetter = true;
                        allUpper = Character.isUpperCase(cp);
                    }
                }
                if (anyLetter) {
                    lettered++;
                    if (allUpper) {
                        caps++;
                    }
                }
            }
            start = end + 1;
        }
        if (nonEmpty == 0) {
            return Decision.keep();
        }
        double shortRatio = (double) shortLines / nonEmpty;
        if (shortRatio > maxShortRatio) {
            return Decision.drop(G4, shortRatio);
        }
        double capsRatio = lettered == 0 ? 0.0 : (double) caps / lettered;
        return capsRatio > maxCapsRatio ? Decision.drop(G4, capsRatio) : Decision.keep();
    }
}
