package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;

/**
 * Source code pasted as a page (JavaScript, CSS, PHP, Python, minified bundles): drops text in which
 * code-like lines hold more than {@code max_code_share} of the non-blank characters. A line is code-like
 * when it ends with one of {@code ; { } ( [ =} (or a comma after one word, as CSS selectors do), starts with
 * {@code } { // /* <? @} or a doc-comment's {@code " *"}, or with Python's
 * {@code def class import return elif}, a docstring's quotes, {@code from x import}, {@code self.}, {@code $},
 * {@code >>>} or a doc-comment's {@code *}, {@code * @} or {@code *}{@code /}, holds {@code self.} or {@code (self}, is
 * indented (two spaces or a tab) and holds one of {@code = ( ) [ ] { } ;}, ends with {@code :} or starts with
 * {@code #} (Python blocks and comments), or holds all of {@code { } ;} (minified code). Indentation alone (verse, quotations) and a final comma
 * (hard-wrapped prose) do not make a line code. Counting characters, not lines, keeps documentation whose
 * prose paragraphs (one long line each on a web page) outweigh its code samples.
 */
public final class CodeLinesFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "code_lines";

    /** Default {@code max_code_share}. */
    public static final double DEFAULT_MAX_SHARE = 0.6;

    private final double maxShare;

    public CodeLinesFilter(double maxShare) {
        this.maxShare = ConfigException.checkRange("max_code_share", maxShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        long total = 0;
        long code = 0;
        for (int start = 0; start <= t.length(); ) {
            int end = t.indexOf('\n', start);
            end = end < 0 ? t.length() : end;
            String line = t.substring(start, end).stripTrailing();
            String s = line.strip();
            if (!s.isEmpty()) {
                total += s.length();
                code += codeLike(line, s) ? s.length() : 0;
            }
            start = end + 1;
        }
        double share = total == 0 ? 0.0 : (double) code / total;
        return share > maxShare ? Decision.drop(NAME, share) : Decision.keep();
    }

    static boolean codeLike(String line, String s) {
        char last = s.charAt(s.length() - 1);
        if (";{}([=".indexOf(last) >= 0 || last == ',' && s.indexOf(' ') < 0) {
            return true;
        }
        if (s.startsWith("}") || s.startsWith("{") || s.startsWith("//") || s.startsWith("/*") || s.startsWith("<?") || s.startsWith("@")
                || line.startsWith(" *")) {
            return true;
        }
        if (s.startsWith("def ") || s.startsWith("class ") || s.startsWith("import ") || s.startsWith("return ") || s.startsWith("elif ")) {
            return true;
        }
        boolean indented = line.startsWith("  ") || line.startsWith("\t");
        if (indented && (s.chars().anyMatch(c -> "=()[]{};".indexOf(c) >= 0) || last == ':' || s.startsWith("#"))) {
            return true;
        }
        if (s.startsWith("\"\"\"") || s.startsWith("'''") || s.startsWith("from ") && s.contains(" import ")
                || s.startsWith("self.") || s.contains(" self.") || s.contains("(self")) {
            return true;
        }
        if (s.equals("*") || s.startsWith("*/") || s.startsWith("* @") || s.startsWith("$") || s.startsWith(">>> ")) {
            return true;
        }
        return s.indexOf('{') >= 0 && s.indexOf('}') >= 0 && s.indexOf(';') >= 0;
    }
}
