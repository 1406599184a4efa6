package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Transform;
import dev.kiln.filters.text.PyText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GUT1 (reference semantics): a line whose upper-cased strip is {@code CONTENTS}, {@code CONTENT},
 * {@code TABLE OF CONTENTS} or {@code INDEX} starts a table of contents and is dropped; following lines
 * are dropped while they look like TOC entries (stripped length below 80 and: ends in {@code .} and a
 * number, is a roman numeral, starts with {@code CHAPTER} and a number, or is empty); the first other
 * line, or the 51st line, ends the TOC and is kept.
 */
public final class StripToc implements Transform {

    /** Reference id. */
    public static final String GUT1 = "GUT1_strip_toc";

    private static final int MAX_TOC_LINES = 50;
    private static final Pattern HEADER = Pattern.compile("^(?:CONTENTS?|TABLE OF CONTENTS?|INDEX)\\s*$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PAGE_REF = Pattern.compile("\\.\\s*\\d+\\s*$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ROMAN = Pattern.compile("^\\s*[IVX]+\\s*$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CHAPTER = Pattern.compile("^CHAPTER\\s+[IVX\\d]+", Pattern.UNICODE_CHARACTER_CLASS);

    @Override
    public String name() {
        return GUT1;
    }

    @Override
    public Document apply(Document doc) {
        String t = doc.text();
        StringBuilder out = new StringBuilder(t.length());
        boolean inToc = false;
        int tocLines = 0;
        boolean first = true;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            String s = PyText.strip(t, start, end);
            boolean keep = true;
            if (!inToc && s.length() < 40 && HEADER.matcher(s.toUpperCase(Locale.ROOT)).matches()) {
                inToc = true;
                tocLines = 0;
                keep = false;
            } else if (inToc) {
                tocLines++;
                if (tocLines > MAX_TOC_LINES) {
                    inToc = false;
                } else if (isTocLike(s)) {
                    keep = false;
                } else {
                    inToc = false;
                }
            }
            if (keep) {
                if (!first) {
                    out.append('\n');
                }
                out.append(t, start, end);
                first = false;
            }
            start = end + 1;
        }
        return doc.withText(out.toString());
    }

    /** A TOC entry: short, and a page reference, a roman numeral, a chapter line or empty. */
    static boolean isTocLike(String stripped) {
        if (PyText.len(stripped) >= 80) {
            return false;
        }
        return stripped.isEmpty() || PAGE_REF.matcher(stripped).find() || ROMAN.matcher(stripped).matches()
                || CHAPTER.matcher(stripped.toUpperCase(Locale.ROOT)).lookingAt();
    }
}
