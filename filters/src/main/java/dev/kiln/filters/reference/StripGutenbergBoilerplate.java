package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Transform;
import dev.kiln.filters.text.PyText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GUT0 (reference semantics): the first start pattern that matches (case-insensitive, in list order)
 * begins the text after the next newline; without one, the first {@code \n\s*(CHAPTER|Chapter|PART|Part)\s+[IVX1-9]}
 * does. The first end pattern that matches ends the text at the last newline before it. Returns the
 * stripped slice. <b>NOTE:</b> the 1990s {@code *END*THE SMALL PRINT!} and "End of the Project Gutenberg
 * Etext" markers are not recognised; kiln's {@link dev.kiln.filters.clean.GutenbergCleaner} handles them.
 */
public final class StripGutenbergBoilerplate implements Transform {

    /** Reference id. */
    public static final String GUT0 = "GUT0_strip_gutenberg_boilerplate";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final List<Pattern> START = List.of(
            Pattern.compile("\\*\\*\\*\\s*START OF (?:THE |THIS )?PROJECT GUTENBERG", FLAGS),
            Pattern.compile("\\*\\*\\*\\s*START OF (?:THE )?EBOOK", FLAGS),
            Pattern.compile("START OF (?:THE |THIS )?PROJECT GUTENBERG EBOOK", FLAGS));
    private static final List<Pattern> END = List.of(
            Pattern.compile("\\*\\*\\*\\s*END OF (?:THE |THIS )?PROJECT GUTENBERG", FLAGS),
            Pattern.compile("\\*\\*\\*\\s*END OF (?:THE )?EBOOK", FLAGS),
            Pattern.compile("END OF (?:THE |THIS )?PROJECT GUTENBERG EBOOK", FLAGS));

    /**
     * {@code re.search(r"\n\s*(CHAPTER|Chapter|PART|Part)\s+[IVX1-9]", t).start()}, or -1, in linear time: every
     * newline inside one whitespace run reaches the same next word, so the run is tested once, from its
     * first newline (which is where the regex's leftmost match would start).
     */
    static int findChapter(String t) {
        int n = t.length();
        int i = t.indexOf('\n');
        while (i >= 0) {
            int j = i + 1;
            while (j < n && PyText.isSpace(t.charAt(j))) {
                j++;
            }
            if (chapterAt(t, j)) {
                return i;
            }
            i = t.indexOf('\n', j);
        }
        return -1;
    }

    private static boolean chapterAt(String t, int j) {
        int k;
        if (t.startsWith("CHAPTER", j) || t.startsWith("Chapter", j)) {
            k = j + 7;
        } else if (t.startsWith("PART", j) || t.startsWith("Part", j)) {
            k = j + 4;
        } else {
            return false;
        }
        int w = k;
        while (w < t.length() && PyText.isSpace(t.charAt(w))) {
            w++;
        }
        return w > k && w < t.length() && "IVX123456789".indexOf(t.charAt(w)) >= 0;
    }

    @Override
    public String name() {
        return GUT0;
    }

    @Override
    public Document apply(Document doc) {
        String t = doc.text();
        int from = -1;
        for (Pattern p : START) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                int nl = t.indexOf('\n', m.end());
                from = nl >= 0 ? nl + 1 : m.end();
                break;
            }
        }
        if (from < 0) {
            from = Math.max(0, findChapter(t));
        }
        int to = t.length();
        for (Pattern p : END) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                int nl = t.lastIndexOf('\n', m.start() - 1);
                to = nl >= 0 ? nl : m.start();
                break;
            }
        }
        return doc.withText(to <= from ? "" : PyText.strip(t, from, to));
    }
}
