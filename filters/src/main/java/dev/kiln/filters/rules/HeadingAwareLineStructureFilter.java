package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.PyText;
import dev.kiln.filters.text.TextChars;

/**
 * The reference's G4 line-structure test with headings exempt: a heading (a short line standing alone between blank
 * lines, starting with a capital letter or digit and not ending in sentence punctuation, which is how kiln's cleaners
 * emit section and chapter titles, or directly above a line at least twice its length, which is how a web page's
 * extracted text has them: "EXODUS CHAPTER 26" above a note) counts neither as a short line nor as an all-caps line.
 * A line is all-caps when it has at least two words with letters and all its letters are upper case (a lone {@code
 * `BROTLI_PARAM_MODE`} list item is an identifier, not shouting); lines without letters (a closing brace of a code
 * sample, a lone number), Markdown headings ({@code ### `module.id`}), a quotation's attribution ({@code -- Steven
 * Wright}: a quotations page is two short lines to a quote) and short lines that {@code code_lines} counts as code
 * ({@code family: 'IPv4',}, {@code * {string}}: a documentation page's samples, judged by that rule) are not counted
 * at all. Drops when short lines exceed {@code max_short_line_ratio} of the lines with letters or all-caps lines
 * exceed {@code max_caps_ratio} of the lines with two words with letters, and are at least two: one short or
 * capitalised line under two paragraphs ("RSA FAQ.") is not a structure. A reference term alone on a line ({@link
 * #term}: {@code -d}, {@code STATIC_ROOT}, {@code models.py}) is never a short line. With {@code count_list_items}
 * false, a list item ({@code "- "}, {@code "* "}, {@code "• "} at the line's start) is never a short line either:
 * kiln's Wikipedia cleaner writes an article's lists that way (the Factbook's seventeen provinces of Laos), and an
 * article has no menus for the rule to find.
 *
 * <p>Reference documentation is made of short lines too: option and directive names, grammar, glossary terms, version
 * lists, a letter's closing. So when a page's short lines are mostly not {@linkplain #chrome chrome} (a menu item, a
 * button or a footer line: capitalised words, no identifier or value in them), only its chrome-like short lines
 * count; a page whose short lines are mostly chrome (a menu, a link list, a cookie banner) counts them all.
 *
 * <p>Only the short lines of the page's head and tail count: those before its first sentence line (20 characters or
 * more, ending in {@code . ! ? :}) and after its last. A run of short lines between two sentence lines is a table's or
 * a list's cells ("Command / Shortcut Key / Rotate Left", a release's translations), as a help page or a manual's
 * extracted text has them, unless one of its chrome lines is a {@linkplain #siteLine site's} ("Back to top", "Share
 * this", {@code [dot.gif]}): a menu or a share bar between two paragraphs still counts.
 */
public final class HeadingAwareLineStructureFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "line_structure";
    private static final int MAX_HEADING_CHARS = 100;
    /** The longest line taken for a quotation's attribution ("-- Calvin and Hobbes, Bill Watterson"). */
    private static final int MAX_ATTRIBUTION_CHARS = 80;

    private final int shortLineChars;
    private final double maxShortRatio;
    private final double maxCapsRatio;
    private final boolean countListItems;

    public HeadingAwareLineStructureFilter(int shortLineChars, double maxShortRatio, double maxCapsRatio) {
        this(shortLineChars, maxShortRatio, maxCapsRatio, true);
    }

    public HeadingAwareLineStructureFilter(int shortLineChars, double maxShortRatio, double maxCapsRatio, boolean countListItems) {
        this.shortLineChars = ConfigException.checkRange("short_line_chars", shortLineChars, 0, 1_000_000);
        this.maxShortRatio = ConfigException.checkRange("max_short_line_ratio", maxShortRatio, 0.0, 1.0);
        this.maxCapsRatio = ConfigException.checkRange("max_caps_ratio", maxCapsRatio, 0.0, 1.0);
        this.countListItems = countListItems;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        char[] chars = TextChars.of(t);   // the same characters, for the word loop below (no charAt coder test)
        int lines = 0;
        int shortLines = 0;     // in the page's head (before its first sentence line) and tail (after its last)
        int chromeLines = 0;
        int runShort = 0;       // since the last sentence line
        int runChrome = 0;
        boolean runSite = false; // a site's word in the run (Home, Share, Cart): a menu, not a table
        boolean body = false;   // a sentence line seen
        int lettered = 0;
        int caps = 0;
        boolean prevBlank = true;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int a = PyText.stripStart(t, start, end);
            int b = PyText.stripEnd(t, a, end);
            if (b == a) {
                prevBlank = true;
                start = end + 1;
                continue;
            }
            int len = PyText.len(t, a, b);
            if (isHeadingLike(t, a, b, len) && (prevBlank && nextBlank(t, end) || nextLineAtLeast(t, end, 2 * len))
                    || markdownHeading(t, a, b) || len <= MAX_ATTRIBUTION_CHARS && attribution(t, a, b) || len < shortLineChars && CodeLinesFilter.codeLike(t.substring(start, b), t.substring(a, b))) {
                prevBlank = false;
                start = end + 1;
                continue;
            }
            int letteredWords = 0;
            boolean inWord = false;
            boolean wordHasLetter = false;
            boolean allUpper = true;
            boolean anyLetter = false;
            for (int i = a; i <= b; ) {
                char c = i < b ? chars[i] : ' ';
                if (c < 128) { // ASCII: Character's answers without its tables
                    i++;
                    if (c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F) {
                        letteredWords += inWord && wordHasLetter ? 1 : 0;
                        inWord = false;
                        wordHasLetter = false;
                    } else {
                        inWord = true;
                        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                            wordHasLetter = true;
                            anyLetter = true;
                            allUpper &= c <= 'Z';
                        }
                    }
                    continue;
                }
                int cp = t.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isWhitespace(cp)) {
                    letteredWords += inWord && wordHasLetter ? 1 : 0;
                    inWord = false;
                    wordHasLetter = false;
                } else {
                    inWord = true;
                    if (Character.isLetter(cp)) {
                        wordHasLetter = true;
                        anyLetter = true;
                        allUpper &= Character.isUpperCase(cp);
                    }
                }
            }
            prevBlank = false;
            if (!anyLetter) {
                start = end + 1;
                continue;
            }
            lines++;
            if (len < shortLineChars && (countListItems || !listItem(t, a, b)) && !term(t, a, b)) {
                runShort++;
                if (chrome(t, a, b)) {
                    runChrome++;
                    runSite = runSite || siteLine(t, a, b);
                }
            } else if (len >= shortLineChars && ".!?:".indexOf(t.charAt(b - 1)) >= 0) {
                if (!body || runSite) {  // the head, or a menu; other runs between sentence lines are a table's or a list's cells
                    shortLines += runShort;
                    chromeLines += runChrome;
                }
                body = true;
                runShort = 0;
                runChrome = 0;
                runSite = false;
            }
            if (letteredWords >= 2) {
                lettered++;
                caps += allUpper ? 1 : 0;
            }
            start = end + 1;
        }
        if (lines == 0) {
            return Decision.keep();
        }
        shortLines += runShort;     // the tail, or the whole page when it has no sentence line
        chromeLines += runChrome;
        shortLines = 2 * chromeLines > shortLines ? shortLines : chromeLines;   // reference documentation: only its chrome
        double shortRatio = (double) shortLines / lines;
        if (shortRatio > maxShortRatio && shortLines >= 2) {
            return Decision.drop(NAME, shortRatio);
        }
        double capsRatio = lettered == 0 ? 0.0 : (double) caps / lettered;
        return capsRatio > maxCapsRatio && caps >= 2 ? Decision.drop(NAME, capsRatio) : Decision.keep();
    }

    /** Whether the stripped line after the one ending at {@code end} has at least {@code n} code points (none at the end of the text). */
    private static boolean nextLineAtLeast(String t, int end, int n) {
        if (end >= t.length()) {
            return n <= 0;
        }
        int next = t.indexOf('\n', end + 1);
        int e = next < 0 ? t.length() : next;
        int a = PyText.stripStart(t, end + 1, e);
        int b = PyText.stripEnd(t, a, e);
        return b - a >= n && (b - a >= 2L * n || PyText.len(t, a, b) >= n); // a code point is one or two units
    }

    private static boolean nextBlank(String t, int end) {
        if (end >= t.length()) {
            return true;
        }
        int next = t.indexOf('\n', end + 1);
        return PyText.stripStart(t, end + 1, next < 0 ? t.length() : next) == (next < 0 ? t.length() : next);
    }

    /**
     * A quotation's attribution: {@code "-- "}, an em dash or a horizontal bar at the start ("-- Steven Wright"),
     * not a select box's {@code "-- Choose --"}.
     */
    static boolean attribution(String t, int a, int b) {
        char c = t.charAt(a);
        boolean dashes = b - a > 3 && c == '-' && t.charAt(a + 1) == '-' && t.charAt(a + 2) == ' ';
        boolean selectBox = b - a >= 2 && t.charAt(b - 1) == '-' && t.charAt(b - 2) == '-';
        return (dashes || c == '\u2014' || c == '\u2015') && !selectBox;
    }

    /**
     * A technical term on a line of its own: one token (no space) with a digit or one of {@code - _ . / ( ) @ < > [ ]
     * = : $ %}: an option ({@code -d}), a path ({@code /dev/stdin}), an identifier ({@code STATIC_ROOT},
     * {@code render()}), a version ({@code glob@7.1.6}), as reference documentation lists them; not a bracketed file
     * name, an image's placeholder ({@code [dot.gif]}; a key such as {@code [D]} is a term). A menu's items are words.
     */
    static boolean term(String t, int a, int b) {
        boolean technical = false;
        boolean dot = false;
        for (int i = a; i < b; i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            technical |= c >= '0' && c <= '9' || "-_./()@<>[]=:$%".indexOf(c) >= 0;
            dot |= c == '.';
        }
        return technical && !(dot && t.charAt(a) == '[' && t.charAt(b - 1) == ']');   // not an image's "[dot.gif]"
    }

    /**
     * A short line as a site's chrome has them, a menu item, a button or a footer ("My account", "Cart (0)", "Accept
     * all cookies", "© 2024 Fern & Pine Co."), after a list item's marker: its first letter is upper case, it does
     * not end a sentence ({@code .} or {@code ;}), and none of its words is an identifier or a value: no capital
     * after a small letter ({@code ServerName}), no version or time ({@code 2.4.23}), none of {@code { } < > = ; _ /
     * \ $ # @ | `} or {@code "}. An image's placeholder ({@code [dot.gif]}) and a letter's salutation ({@code Dear
     * Sir,}) are chrome. The short lines of reference documentation (glossary terms in lower case, option and
     * directive names, grammar, {@code < word}, version lists, {@code "Yours, etc."} closing a letter) are not chrome
     * and are not counted.
     */
    static boolean chrome(String t, int a, int b) {
        if (listItem(t, a, b)) {
            a = PyText.stripStart(t, a + 2, b);
        }
        if (a >= b) {
            return false;
        }
        char last = t.charAt(b - 1);
        if (t.charAt(a) == '[' && last == ']') {
            return true;   // an image's placeholder: [dot.gif]
        }
        if (last == '.' || last == ';') {
            return false;
        }
        boolean firstLetter = true;
        int prev = ' ';
        for (int i = a; i < b; ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                if (firstLetter && !Character.isUpperCase(c) && !Character.isTitleCase(c)) {
                    return false;
                }
                firstLetter = false;
                if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                    return false;   // an identifier: ServerName
                }
            } else if ((c == '.' || c == ':') && Character.isDigit(prev) && i < b && Character.isDigit(t.codePointAt(i))) {
                return false;       // a version or a time: 2.4.23, 10:30
            } else if (c < 128 && "{}<>=;_/\\$#@|`\"".indexOf(c) >= 0) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    /** Words of a site's menus, buttons and footers, lower case. */
    static final java.util.Set<String> SITE_WORDS = java.util.Set.of("home", "about", "contact", "login", "logout", "log",
            "sign", "search", "menu", "share", "tweet", "facebook", "twitter", "pinterest", "instagram", "linkedin",
            "youtube", "subscribe", "newsletter", "cart", "basket", "checkout", "wishlist", "account", "careers", "privacy", "terms",
            "cookies", "sitemap", "archives", "categories", "tags", "comments", "reply", "blog", "related", "skip", "back", "follow",
            "rss", "copyright");
    /** Words that join {@link #SITE_WORDS} in a menu's items: "Back to top", "About us", "Share this post". */
    static final java.util.Set<String> GLUE_WORDS = java.util.Set.of("my", "our", "us", "me", "to", "this", "the", "of",
            "in", "on", "up", "out", "all", "with", "and", "for", "your", "now", "more", "read", "top", "post", "posts", "page",
            "content", "main", "site", "team", "info", "a");

    /**
     * A chrome line made of {@link #SITE_WORDS site words} and {@link #GLUE_WORDS their glue}, at least one site word
     * ("Back to top", not "Rolling Back"), or with a copyright sign, or an image's placeholder ({@code [dot.gif]}, not a
     * key's {@code [D]}), or a select box's {@code "-- Choose --"}. It reads only the line (a short one).
     */
    static boolean siteLine(String t, int a, int b) {
        if (t.charAt(a) == '[' && t.charAt(b - 1) == ']' && dotInside(t, a + 2, b)
                || b - a >= 2 && t.charAt(b - 1) == '-' && t.charAt(b - 2) == '-') {
            return true;    // an image's placeholder ([dot.gif], not a key's [D]) or a select box's "-- Choose --"
        }
        boolean site = false;
        for (int i = a; i < b; ) {
            while (i < b && !Character.isLetter(t.charAt(i))) {
                if (t.charAt(i++) == '\u00a9') {
                    return true;
                }
            }
            int w = i;
            while (i < b && Character.isLetter(t.charAt(i))) {
                i++;
            }
            if (i > w) {
                String word = t.substring(w, i).toLowerCase(java.util.Locale.ROOT);
                if (SITE_WORDS.contains(word)) {
                    site = true;
                } else if (!GLUE_WORDS.contains(word)) {
                    return false;
                }
            }
        }
        return site;
    }

    /** Whether {@code t[from, to)} has a {@code .} (a bounded scan: {@code indexOf} would read on past the line). */
    private static boolean dotInside(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    /** A list item: {@code -}, {@code *} or {@code •}, then a space. */
    static boolean listItem(String t, int a, int b) {
        char c = t.charAt(a);
        return a + 1 < b && (c == '-' || c == '*' || c == '\u2022') && t.charAt(a + 1) == ' ';
    }

    /** A Markdown heading: one to six {@code #}, a space, then text. */
    static boolean markdownHeading(String t, int a, int b) {
        int i = a;
        while (i < b && i - a < 7 && t.charAt(i) == '#') {
            i++;
        }
        return i > a && i - a <= 6 && i + 1 < b && t.charAt(i) == ' ';
    }

    static boolean isHeadingLike(String t, int a, int b, int len) {
        if (len > MAX_HEADING_CHARS) {
            return false;
        }
        int first = t.codePointAt(a);
        char last = t.charAt(b - 1);
        return (Character.isUpperCase(first) || Character.isDigit(first))
                && last != '.' && last != '!' && last != '?' && last != ',' && last != ';';
    }
}
