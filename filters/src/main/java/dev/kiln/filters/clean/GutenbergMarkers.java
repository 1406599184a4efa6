package dev.kiln.filters.clean;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a Project Gutenberg book's body starts and ends, for every marker era found in real
 * collections: the modern {@code *** START OF THE PROJECT GUTENBERG EBOOK ... ***} and {@code THIS}
 * variant, the 1990s etext {@code *END*THE SMALL PRINT! ...*END*} block, and footers that start with
 * {@code *** END OF THE/THIS PROJECT GUTENBERG}, "End of the Project Gutenberg EBook/Etext of" or "End of
 * Project Gutenberg's". The body is the text between the line after the start marker and the start of
 * the first footer line; without a start marker the whole text is the body start.
 */
final class GutenbergMarkers {

    private GutenbergMarkers() {
    }

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;
    private static final List<Pattern> START = List.of(
            Pattern.compile("^[ \\t]*\\*{3}[ \\t]*START OF (?:THE |THIS )?PROJECT GUTENBERG[^\\n]*$", F),
            Pattern.compile("^[^\\n]*\\*END\\*[ \\t]*THE SMALL PRINT![^\\n]*$", F),
            Pattern.compile("^[ \\t]*\\*{3}[ \\t]*START OF (?:THE |THIS )?(?:E-?BOOK|E-?TEXT)[^\\n]*$", F));
    private static final Pattern END = Pattern.compile(
            "^[ \\t]*(?:\\*{3}[ \\t]*END OF (?:THE |THIS )?PROJECT GUTENBERG"
                    + "|\\*{3}[ \\t]*END OF (?:THE |THIS )?(?:E-?BOOK|E-?TEXT)"
                    + "|END OF (?:THE |THIS )?PROJECT GUTENBERG"
                    + "|END OF PROJECT GUTENBERG'?S)", F);

    /** The body of {@code text} (LF line endings) between the header and the footer. */
    static String body(String text) {
        int from = 0;
        for (Pattern p : START) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                from = Math.min(text.length(), m.end() + 1);
                break;
            }
        }
        Matcher e = END.matcher(text);
        int to = e.find(from) ? e.start() : text.length();
        return text.substring(from, Math.max(from, to));
    }
}
