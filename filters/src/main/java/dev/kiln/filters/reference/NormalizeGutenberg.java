package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Transform;
import dev.kiln.filters.text.PyText;

/**
 * GUT3 (reference semantics): (1) delete {@code -\n\s*} (joins hyphenated line breaks; can swallow blank
 * lines), (2) {@code [ \t]+} becomes one space, (3) unwrap: a blank line flushes the buffer (lines joined
 * with spaces) and emits an empty line; a line joins the buffer when the buffer's last line does not end
 * in one of {@code .!?:;"'} and the line does not start with an upper-case letter, otherwise it flushes
 * and starts a new buffer. <b>NOTE:</b> capitalised wrapped lines ("I", names) break paragraphs; kiln's
 * {@link dev.kiln.filters.clean.GutenbergCleaner} unwraps differently.
 */
public final class NormalizeGutenberg implements Transform {

    /** Reference id. */
    public static final String GUT3 = "GUT3_normalize_gutenberg";

    @Override
    public String name() {
        return GUT3;
    }

    @Override
    public Document apply(Document doc) {
        String t = squeezeBlanks(joinHyphens(doc.text()));
        StringBuilder out = new StringBuilder(t.length());
        StringBuilder buf = new StringBuilder();
        boolean firstOut = true;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            String line = PyText.strip(t, start, end);
            if (line.isEmpty()) {
                if (!buf.isEmpty()) {
                    firstOut = emit(out, buf, firstOut);
                }
                firstOut = emit(out, new StringBuilder(), firstOut);
            } else if (!buf.isEmpty() && !endsSentence(buf) && !Character.isUpperCase(line.codePointAt(0))) {
                buf.append(' ').append(line);
            } else {
                if (!buf.isEmpty()) {
                    firstOut = emit(out, buf, firstOut);
                }
                buf.append(line);
            }
            start = end + 1;
        }
        if (!buf.isEmpty()) {
            emit(out, buf, firstOut);
        }
        return doc.withText(out.toString());
    }

    private static boolean emit(StringBuilder out, StringBuilder buf, boolean first) {
        if (!first) {
            out.append('\n');
        }
        out.append(buf);
        buf.setLength(0);
        return false;
    }

    private static boolean endsSentence(StringBuilder buf) {
        char c = buf.charAt(buf.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '\'';
    }

    /** {@code re.sub(r"-\n\s*", "", t)}. */
    static String joinHyphens(String t) {
        if (t.indexOf("-\n") < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '-' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                i += 2;
                while (i < t.length() && PyText.isSpace(t.charAt(i))) {
                    i++;
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** {@code re.sub(r"[ \t]+", " ", t)}. */
    static String squeezeBlanks(String t) {
        StringBuilder out = new StringBuilder(t.length());
        boolean blank = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\t') {
                if (!blank) {
                    out.append(' ');
                }
                blank = true;
            } else {
                out.append(c);
                blank = false;
            }
        }
        return out.toString();
    }
}
