package dev.kiln.filters.clean;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The markup passes of {@link WikitextCleaner}, each a linear scan over the text (no backtracking
 * regex), applied in this order: comments, tag blocks ({@code <ref>}, {@code <gallery>}, ...), templates and
 * parser functions (nested), tables (nested), links, external links, tags, quotes, entities, then
 * line-level work (headings, lists, removed sections).
 */
final class Wikitext {

    private Wikitext() {
    }

    /** Tags whose whole content is dropped. */
    private static final List<String> DROP_BLOCKS = List.of("ref", "gallery", "references", "timeline",
            "math", "score", "syntaxhighlight", "source", "imagemap", "templatedata", "graph");
    private static final Set<String> DROP_LINK_NS = Set.of("file", "image", "media", "category");
    private static final Pattern INTERLANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[a-z]{2,8})*|simple");

    /** Removes {@code <!-- ... -->}; an unterminated comment runs to the end. */
    static String removeComments(String t) {
        int i = t.indexOf("<!--");
        if (i < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int from = 0;
        while (i >= 0) {
            out.append(t, from, i);
            int end = t.indexOf("-->", i + 4);
            if (end < 0) {
                return out.toString();
            }
            from = end + 3;
            i = t.indexOf("<!--", from);
        }
        return out.append(t, from, t.length()).toString();
    }

    /**
     * Removes {@code <ref>...</ref>}, {@code <ref name=x />}, {@code <references/>} and the other
     * {@link #DROP_BLOCKS} tags with their content, case-insensitively. An opening tag with no closing tag
     * is removed alone.
     */
    static String removeTagBlocks(String t) {
        if (t.indexOf('<') < 0) {
            return t;
        }
        String lower = asciiLower(t);
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        int from = 0;
        while ((i = lower.indexOf('<', i)) >= 0) {
            String tag = tagNameAt(lower, i + 1);
            if (tag == null || !DROP_BLOCKS.contains(tag)) {
                i++;
                continue;
            }
            int gt = lower.indexOf('>', i);
            if (gt < 0) {
                break;
            }
            out.append(t, from, i);
            if (lower.charAt(gt - 1) == '/') { // self-closing
                from = gt + 1;
            } else {
                int close = lower.indexOf("</" + tag, gt);
                int closeEnd = close < 0 ? -1 : lower.indexOf('>', close);
                from = closeEnd < 0 ? gt + 1 : closeEnd + 1;
            }
            i = from;
        }
        return out.append(t, from, t.length()).toString();
    }

    private static String tagNameAt(String lower, int i) {
        int j = i;
        while (j < lower.length() && lower.charAt(j) >= 'a' && lower.charAt(j) <= 'z') {
            j++;
        }
        if (j == i || j >= lower.length()) {
            return null;
        }
        char c = lower.charAt(j);
        return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' ? lower.substring(i, j) : null;
    }

    /**
     * Removes templates and parser functions ({@code {{...}}}, nested to any depth, template parameters
     * {@code {{{1}}}} included). Braces are paired with a stack; an opening {@code {{} that is never
     * closed stays as text. Linear in time and memory.
     */
    static String removeTemplates(String t) {
        int first = t.indexOf("{{");
        if (first < 0) {
            return t;
        }
        int n = t.length();
        int[] stack = new int[16];
        int depth = 0;
        int[] starts = new int[16]; // outermost removed spans, sorted, non-overlapping
        int[] ends = new int[16];
        int spans = 0;
        for (int i = first; i + 1 < n; i++) {
            char c = t.charAt(i);
            if (c == '{' && t.charAt(i + 1) == '{') {
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = i;
                i++;
            } else if (c == '}' && t.charAt(i + 1) == '}' && depth > 0) {
                int open = stack[--depth];
                while (spans > 0 && starts[spans - 1] >= open) {
                    spans--; // nested inside the span just closed
                }
                if (spans == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, spans * 2);
                    ends = java.util.Arrays.copyOf(ends, spans * 2);
                }
                starts[spans] = open;
                ends[spans++] = i + 2;
                i++;
            }
        }
        if (spans == 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int from = 0;
        for (int k = 0; k < spans; k++) {
            out.append(t, from, starts[k]);
            from = ends[k];
        }
        return out.append(t, from, n).toString();
    }

    /** Removes wikitables: from a line starting with {@code {|} to the matching line starting with {@code |}}. */
    static String removeTables(String t) {
        if (!t.contains("{|")) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int depth = 0;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int a = start;
            while (a < end && (t.charAt(a) == ' ' || t.charAt(a) == '\t' || t.charAt(a) == ':')) {
                a++;
            }
            boolean open = t.startsWith("{|", a);
            boolean close = t.startsWith("|}", a);
            if (open) {
                depth++;
            } else if (close && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(t, start, end);
                if (end < t.length()) {
                    out.append('\n');
                }
            }
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * Internal links: {@code [[a|b]]} becomes {@code b}, {@code [[a]]} becomes {@code a}; file, image,
     * media and category links and interlanguage links ({@code [[fr:...]]}) are removed with their
     * captions (nested links inside captions included).
     */
    static String replaceLinks(String t) {
        int first = t.indexOf("[[");
        if (first < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        out.append(t, 0, first);
        int i = first;
        int n = t.length();
        while (i < n) {
            if (t.charAt(i) == '[' && i + 1 < n && t.charAt(i + 1) == '[') {
                int end = matchingClose(t, i);
                if (end < 0) { // unclosed: keep the text verbatim up to the end of its paragraph
                    int para = t.indexOf("\n\n", i);
                    int stop = para < 0 ? n : para;
                    out.append(t, i, stop);
                    i = stop;
                    continue;
                }
                String inner = t.substring(i + 2, end);
                out.append(linkText(inner));
                i = end + 2;
                continue;
            }
            out.append(t.charAt(i));
            i++;
        }
        return out.toString();
    }

    /** Index of the {@code ]]} closing the {@code [[} at {@code open}, respecting nesting; -1 if none on record. */
    private static int matchingClose(String t, int open) {
        int depth = 0;
        int n = t.length();
        for (int i = open; i + 1 < n; i++) {
            char c = t.charAt(i);
            if (c == '[' && t.charAt(i + 1) == '[') {
                depth++;
                i++;
            } else if (c == ']' && t.charAt(i + 1) == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
                i++;
            } else if (c == '\n' && i + 1 < n && t.charAt(i + 1) == '\n') {
                return -1; // links never span paragraphs
            }
        }
        return -1;
    }

    private static String linkText(String inner) {
        String target = inner;
        int bar = topLevelBar(inner);
        if (bar >= 0) {
            target = inner.substring(0, bar);
        }
        String trimmed = target.strip();
        boolean leadingColon = trimmed.startsWith(":");
        int colon = trimmed.indexOf(':', leadingColon ? 1 : 0);
        if (colon > 0 && !leadingColon) {
            String ns = trimmed.substring(0, colon).strip();
            if (DROP_LINK_NS.contains(ns.toLowerCase(Locale.ROOT)) || INTERLANGUAGE.matcher(ns).matches()) {
                return "";
            }
        }
        if (bar >= 0) {
            String label = inner.substring(bar + 1);
            int last = topLevelBar(label);
            while (last >= 0) { // [[a|b|c]] shows c
                label = label.substring(last + 1);
                last = topLevelBar(label);
            }
            if (!label.isBlank()) {
                return replaceLinks(label);
            }
        }
        return leadingColon ? trimmed.substring(1) : trimmed;
    }

    private static int topLevelBar(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code [http://x label]} becomes {@code label}; {@code [http://x]} is removed; other brackets are prose and stay. */
    static String replaceExternalLinks(String t) {
        int i = t.indexOf('[');
        if (i < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int from = 0;
        while (i >= 0) {
            if (isUrlStart(t, i + 1)) {
                int close = t.indexOf(']', i);
                int nl = t.indexOf('\n', i);
                if (close > 0 && (nl < 0 || close < nl)) {
                    out.append(t, from, i);
                    int space = t.indexOf(' ', i);
                    if (space > 0 && space < close) {
                        out.append(t, space + 1, close);
                    }
                    from = close + 1;
                    i = t.indexOf('[', from);
                    continue;
                }
            }
            i = t.indexOf('[', i + 1);
        }
        return out.append(t, from, t.length()).toString();
    }

    private static boolean isUrlStart(String t, int i) {
        return t.startsWith("http://", i) || t.startsWith("https://", i) || t.startsWith("//", i)
                || t.startsWith("ftp://", i) || t.startsWith("mailto:", i);
    }

    /** Removes the remaining HTML-like tags ({@code <br>}, {@code <small>}, {@code </span>}), keeping their text. */
    static String removeTags(String t) {
        int i = t.indexOf('<');
        if (i < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int from = 0;
        while (i >= 0) {
            int j = i + 1;
            if (j < t.length() && t.charAt(j) == '/') {
                j++;
            }
            int k = j;
            while (k < t.length() && isAsciiLetterOrDigit(t.charAt(k))) {
                k++;
            }
            boolean nameEnds = k < t.length() && (t.charAt(k) == '>' || t.charAt(k) == '/' || Character.isWhitespace(t.charAt(k)));
            int gt = k > j && nameEnds ? t.indexOf('>', k) : -1;
            int nl = t.indexOf('\n', k);
            if (gt > 0 && (nl < 0 || gt < nl) && Character.isLetter(t.charAt(j))) {
                out.append(t, from, i);
                String name = t.substring(j, k).toLowerCase(Locale.ROOT);
                if (name.equals("br") || name.equals("p") || name.equals("div")) {
                    out.append(name.equals("br") ? " " : "\n");
                }
                from = gt + 1;
                i = t.indexOf('<', from);
            } else {
                i = t.indexOf('<', i + 1);
            }
        }
        return out.append(t, from, t.length()).toString();
    }

    /** Removes bold/italic quote runs as MediaWiki renders them: 2, 3, 5 vanish; 4 leaves one apostrophe; a single one stays. */
    static String removeQuoteMarkup(String t) {
        if (!t.contains("''")) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\'' && i + 1 < t.length() && t.charAt(i + 1) == '\'') {
                int run = 0;
                while (i < t.length() && t.charAt(i) == '\'') {
                    i++;
                    run++;
                }
                if (run == 4) { // bold close followed by a possessive: one apostrophe stays
                    out.append('\'');
                } else if (run > 5) {
                    out.append("'".repeat(run - 5));
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Decodes the HTML entities that occur in wikitext ({@code &nbsp; &amp; &ndash; ...} and numeric ones). */
    static String decodeEntities(String t) {
        int i = t.indexOf('&');
        if (i < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int from = 0;
        while (i >= 0) {
            int semi = t.indexOf(';', i);
            String rep = semi > i && semi - i <= 10 ? entity(t.substring(i + 1, semi)) : null;
            if (rep != null) {
                out.append(t, from, i).append(rep);
                from = semi + 1;
                i = t.indexOf('&', from);
            } else {
                i = t.indexOf('&', i + 1);
            }
        }
        return out.append(t, from, t.length()).toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "nbsp": return "\u00A0";
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "ndash": return "\u2013";
            case "mdash": return "\u2014";
            case "minus": return "\u2212";
            case "times": return "\u00D7";
            case "deg": return "\u00B0";
            case "hellip": return "\u2026";
            default:
                if (name.length() > 1 && name.charAt(0) == '#') {
                    try {
                        int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                                ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                        return Character.isValidCodePoint(cp) ? Character.toString(cp) : null;
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static String asciiLower(String t) {
        char[] cs = t.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] >= 'A' && cs[i] <= 'Z') {
                cs[i] = (char) (cs[i] + 32);
            }
        }
        return new String(cs);
    }
}
