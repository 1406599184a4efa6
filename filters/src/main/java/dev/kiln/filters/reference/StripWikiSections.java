package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Transform;
import dev.kiln.filters.text.PyText;
import java.util.List;
import java.util.Locale;

/**
 * W0 (reference semantics): a line is a heading if its lower-cased strip starts or ends with {@code ==};
 * if the heading name (strip, then {@code =} and spaces trimmed) <b>contains</b> one of the removed
 * section names (references, external links, see also, ...), the heading and every line up to the next
 * heading are dropped. "Footnotes" matches "notes" and "Water sources" matches "sources", as in the
 * reference; kiln's {@link dev.kiln.filters.clean.WikitextCleaner} matches headings exactly.
 */
public final class StripWikiSections implements Transform {

    /** Reference id. */
    public static final String W0 = "W0_strip_wiki_sections";

    private final List<String> removed;

    public StripWikiSections(List<String> removedSections) {
        this.removed = removedSections.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public String name() {
        return W0;
    }

    @Override
    public Document apply(Document doc) {
        String t = doc.text();
        if (!t.contains("==")) {
            return doc;
        }
        StringBuilder out = new StringBuilder(t.length());
        boolean skip = false;
        boolean first = true;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            String s = PyText.lower(PyText.strip(t, start, end));
            if (s.startsWith("==") || s.endsWith("==")) {
                String heading = trimEqualsAndSpaces(s);
                skip = removed.stream().anyMatch(heading::contains);
                if (!skip) {
                    first = append(out, t, start, end, first);
                }
            } else if (!skip) {
                first = append(out, t, start, end, first);
            }
            start = end + 1;
        }
        return doc.withText(out.toString());
    }

    private static boolean append(StringBuilder out, String t, int from, int to, boolean first) {
        if (!first) {
            out.append('\n');
        }
        out.append(t, from, to);
        return false;
    }

    private static String trimEqualsAndSpaces(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == '=' || s.charAt(a) == ' ')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == '=' || s.charAt(b - 1) == ' ')) {
            b--;
        }
        return s.substring(a, b);
    }
}
