package dev.kiln.filters.clean;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Transform;
import dev.kiln.filters.text.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans a Project Gutenberg book: removes a byte-order mark, turns CRLF and CR into LF, cuts the header
 * and footer of every marker era (see {@link GutenbergMarkers}), strips a table of contents, and unwraps
 * hard-wrapped paragraphs into single lines with {@link Unwrapper}, keeping verse, indented blocks, lists
 * and headings as they are. Paragraphs are separated by one blank line.
 */
public final class GutenbergCleaner implements Transform {

    /** Stage name. */
    public static final String NAME = "gutenberg_clean";

    private static final Pattern TOC_HEADER = Pattern.compile("(?:TABLE OF )?CONTENTS?\\.?|INDEX");
    private static final int MAX_TOC_LINES = 400;

    private final boolean stripToc;
    private final boolean unwrap;

    public GutenbergCleaner(boolean stripToc, boolean unwrap) {
        this.stripToc = stripToc;
        this.unwrap = unwrap;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Document apply(Document doc) {
        return doc.withText(clean(doc.text()));
    }

    /** The clean body of one book. */
    public String clean(String book) {
        String t = normaliseNewlines(book);
        t = GutenbergMarkers.body(t);
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        if (stripToc) {
            lines = stripToc(lines);
        }
        String out = unwrap ? Unwrapper.unwrap(lines) : String.join("\n", lines);
        return PyText.strip(out);
    }

    /** Drops a BOM and turns CRLF and lone CR into LF. */
    static String normaliseNewlines(String t) {
        String s = !t.isEmpty() && t.charAt(0) == '\uFEFF' ? t.substring(1) : t;
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Removes a table of contents: a {@code CONTENTS} (or {@code TABLE OF CONTENTS}) line and the short lines
     * after it. The TOC ends where its first entry appears again as a heading (the body starts there), or,
     * if no entry repeats, at the first line of 80 or more characters.
     */
    static List<String> stripToc(List<String> lines) {
        int header = -1;
        int limit = Math.min(lines.size(), 2000);
        for (int i = 0; i < limit; i++) {
            String s = lines.get(i).strip().toUpperCase(Locale.ROOT);
            if (TOC_HEADER.matcher(s).matches()) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            return lines;
        }
        String firstEntry = null;
        int end = -1;
        int stop = Math.min(lines.size(), header + 1 + MAX_TOC_LINES);
        for (int i = header + 1; i < stop; i++) {
            String s = normaliseEntry(lines.get(i));
            if (s.isEmpty()) {
                continue;
            }
            if (firstEntry == null) {
                firstEntry = s;
            } else if (s.equals(firstEntry) || PyText.len(lines.get(i).strip()) >= 80) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, header));
        out.addAll(lines.subList(end, lines.size()));
        return out;
    }

    /** A TOC entry without page numbers, dot leaders and case, so it can be compared with the heading. */
    private static String normaliseEntry(String line) {
        String s = line.strip().toUpperCase(Locale.ROOT);
        int j = s.length();
        while (j > 0 && (Character.isDigit(s.charAt(j - 1)) || s.charAt(j - 1) == '.' || s.charAt(j - 1) == ' ')) {
            j--;
        }
        return s.substring(0, j);
    }
}
