package dev.kiln.filters.clean;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageOutput;
import dev.kiln.filters.text.PyText;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns MediaWiki wikitext into clean text: templates (nested), {@code <ref>} in every form, tables,
 * files and images, categories, interlanguage links, comments, tags, magic words and bold/italic quotes
 * are removed; {@code [[a|b]]} becomes {@code b} and {@code [http://x label]} becomes {@code label};
 * bracketed prose stays. Section headings are kept as plain lines with a blank line on each side (so
 * line-structure rules can exempt them); sections whose heading is exactly one of {@code removed_sections}
 * (References, External links, See also, ...) are dropped with their subsections. List items become
 * {@code "- item"}. Plain text without markup passes through unchanged apart from whitespace tidying.
 *
 * <p>Redirect pages ({@code #REDIRECT [[...]]}) are dropped with reason {@value #REDIRECT}; every other
 * document is emitted, even if cleaning leaves it empty.
 */
public final class WikitextCleaner implements Stage {

    /** Stage name. */
    public static final String NAME = "wikitext_clean";
    /** Reason code for redirect pages. */
    public static final String REDIRECT = "redirect";
    /** Default removed sections: the reference's list plus common variants, matched exactly (case-insensitive). */
    public static final List<String> DEFAULT_REMOVED = List.of("references", "external links", "see also",
            "further reading", "notes", "bibliography", "sources", "citations", "footnotes",
            "notes and references", "references and notes", "works cited");

    private final Set<String> removed;
    private final boolean prependTitle;

    /**
     * @param removedSections headings whose sections are dropped (exact match after trimming, case-insensitive)
     * @param prependTitle whether the {@code title} metadata field becomes the first line
     */
    public WikitextCleaner(List<String> removedSections, boolean prependTitle) {
        this.removed = removedSections.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.prependTitle = prependTitle;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void process(Document doc, StageOutput out) {
        if (isRedirect(doc.text())) {
            out.drop(REDIRECT, Double.NaN);
            return;
        }
        String text = clean(doc.text());
        if (prependTitle && doc.metadata().get("title") instanceof String title && !title.isBlank()) {
            text = text.isEmpty() ? title.strip() : title.strip() + "\n\n" + text;
        }
        out.emit(doc.withText(text));
    }

    /** Whether the page is a redirect ({@code #REDIRECT} at the start, any case). */
    public static boolean isRedirect(String text) {
        int a = PyText.stripStart(text, 0, text.length());
        return text.regionMatches(true, a, "#redirect", 0, 9);
    }

    /** The clean text of one page. */
    public String clean(String wikitext) {
        String t = wikitext.replace("\r\n", "\n");
        t = Wikitext.removeComments(t);
        t = Wikitext.removeTagBlocks(t);
        t = Wikitext.removeTemplates(t);
        t = Wikitext.removeTables(t);
        t = Wikitext.replaceLinks(t);
        t = Wikitext.replaceExternalLinks(t);
        t = Wikitext.removeTags(t);
        t = Wikitext.removeQuoteMarkup(t);
        t = Wikitext.decodeEntities(t);
        return lines(t);
    }

    /** Headings, removed sections, lists, magic words and whitespace, line by line. */
    private String lines(String t) {
        StringBuilder out = new StringBuilder(t.length());
        int skipLevel = 0; // > 0: inside a removed section of this heading level
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            String line = tidy(t.substring(start, end));
            start = end + 1;
            int level = headingLevel(line);
            if (level > 0) {
                String heading = tidy(line.substring(level, line.length() - level));
                if (skipLevel > 0 && level > skipLevel) {
                    continue; // subsection of a removed section
                }
                skipLevel = removed.contains(heading.toLowerCase(Locale.ROOT)) ? level : 0;
                if (skipLevel == 0 && !heading.isEmpty()) {
                    blankLine(out);
                    out.append(heading).append("\n\n");
                }
                continue;
            }
            if (skipLevel > 0) {
                continue;
            }
            line = listItem(line);
            if (line.isEmpty()) {
                blankLine(out);
            } else {
                out.append(line).append('\n');
            }
        }
        return PyText.strip(out);
    }

    private static void blankLine(StringBuilder out) {
        int n = out.length();
        if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
            if (out.charAt(n - 1) != '\n') {
                out.append('\n');
            }
            out.append('\n');
        }
    }

    /** Level of a {@code == Heading ==} line (number of {@code =} on each side), or 0. */
    static int headingLevel(String line) {
        int n = line.length();
        int lead = 0;
        while (lead < n && line.charAt(lead) == '=') {
            lead++;
        }
        int trail = 0;
        while (trail < n - lead && line.charAt(n - 1 - trail) == '=') {
            trail++;
        }
        int level = Math.min(Math.min(lead, trail), 6);
        return level >= 1 && n > 2 * level ? level : 0;
    }

    /** {@code * x}, {@code # x} become {@code - x}; {@code ; term} and {@code : text} lose their markers. */
    private static String listItem(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char c = line.charAt(0);
        if (c != '*' && c != '#' && c != ':' && c != ';') {
            return line;
        }
        int i = 0;
        boolean bullet = false;
        while (i < line.length() && "*#:;".indexOf(line.charAt(i)) >= 0) {
            bullet |= line.charAt(i) == '*' || line.charAt(i) == '#';
            i++;
        }
        String rest = line.substring(i).strip();
        if (rest.isEmpty()) {
            return "";
        }
        return bullet ? "- " + rest : rest;
    }

    /** Removes magic words, collapses runs of spaces, fixes space before punctuation left by removed refs, trims. */
    private static String tidy(String line) {
        StringBuilder b = new StringBuilder(line.length());
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '_' && line.startsWith("__", i)) {
                int end = line.indexOf("__", i + 2);
                if (end > i + 2 && isMagicWord(line, i + 2, end)) {
                    i = end + 2;
                    continue;
                }
            }
            if (c == ' ' || c == '\t') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
                i++;
                continue;
            }
            if ((c == '.' || c == ',' || c == ';' || c == ':') && b.length() > 0 && b.charAt(b.length() - 1) == ' '
                    && (i + 1 >= n || line.charAt(i + 1) == ' ')) {
                b.setLength(b.length() - 1);
            }
            b.append(c);
            i++;
        }
        return PyText.strip(b);
    }

    private static boolean isMagicWord(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
