package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import java.util.Set;

/**
 * Source code pasted as a page (JavaScript, CSS, PHP, Python, minified bundles): drops text in which code-like lines
 * hold more than {@code max_code_share} of the non-blank characters. A line is code-like when it ends with one of
 * {@code ; { } ( [ =} or a line continuation's backslash (or a comma after one word, as CSS selectors do), starts
 * with {@code } { // /* <? @}, INI's and Lisp's {@code ;} or a doc-comment's {@code " *"}, or with Python's {@code
 * def class import return elif}, a docstring's quotes, {@code from x import}, {@code self.}, {@code $}, {@code >>>}
 * or a doc-comment's {@code *}, {@code * @} or {@code *}{@code /}, holds {@code self.} or {@code (self}, is indented
 * (two spaces or a tab) and holds one of {@code = ( ) [ ] { } ;}, ends with {@code :} or starts with {@code #}
 * (Python blocks and comments), is a C preprocessor line ({@code #define}, {@code # include}...), ends a comment with
 * {@code *}{@code /}, lies inside a block comment or docstring opened at a line's start (or before the page starts: a
 * lone closing delimiter makes the lines above it source), starts with SQLite's {@code ** }, assigns at the line's
 * start ({@code name = }), or holds a {@code ;} inside a {@code { }} pair on a line with spaces for under a tenth of
 * its characters (minified code; the Jargon File's {@code {cross-reference};} and a paragraph quoting a struct are
 * prose). Comment-continuation lines ({@code " *"}, {@code "** "}, {@code "* @"}) count only up to {@link
 * #SOURCE_WIDTH} characters: longer ones are an outline's bullets (GNU NEWS files), not wrapped source comments.
 * Lua's and SQL's {@code --} comments count after a code line ({@link #dashComment}). Lines starting with {@code %}
 * (TeX, Prolog, Octave) or a backslash (TeX, Forth), markup lines ({@code <port>8080</port>}), JSON members ({@code
 * "type": "array",}) and source-width lines with {@code ->}, {@code ::} or {@code =>} are code; so are two or more
 * {@code #} lines in a row (a comment block: Markdown headings never touch) on a page that has code besides them (an
 * e-mail quoting a news story behind {@code #} has none). Shell and make files count by their script comments ({@link
 * #hashComment}), {@code NAME=value} and {@code NAME ?= value} lines ({@link #assignment}, with a declaring {@code
 * let local var const my our} too), {@code fi}/{@code done}/{@code ; then}, a lone {@code endif}/{@code endfunction}
 * and BSD make directives ({@link #shell}), and Vim's {@code " comment} lines; commands with options ({@link
 * #commandLine}), configuration directives ({@link #directive}), Lisp forms ({@link #sExpression}) and call statements
 * ({@link #call}: CMake's {@code set(X ${Y})}, {@code endif()}) count too, and three settings
 * commented out ({@link #commentedOut}) make a page's {@code #} runs count as a comment block. Indentation alone
 * (verse, quotations) and a final comma (hard-wrapped prose) do not make a line code. Counting characters, not lines,
 * keeps documentation whose prose paragraphs (one long line each on a web page) outweigh its code samples.
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
        int comments = -1;           // a block comment's delimiter or blank " *" line on the page: 1, 0, -1 not looked
        long total = 0;
        long code = 0;
        String closing = null;
        boolean delimiterSeen = false;
        boolean previousCode = false;
        long proseBefore = 0;
        int hashAbove = -1;          // the line just above starts with '#' and was not counted: its length
        boolean hashRun = false;     // the line just above starts with '#' (no blank line between)
        long hashRunChars = 0;       // '#' lines counted only as a run of them
        boolean otherCode = false;   // a code line that does not start with '#'
        int commentedOut = 0;        // settings commented out ("# set boldtext"): three of them are code besides
        for (int start = 0; start <= t.length(); ) {
            int end = t.indexOf('\n', start);
            end = end < 0 ? t.length() : end;
            String line = t.substring(start, end).stripTrailing();
            String s = line.strip();
            if (s.isEmpty()) {
                hashRun = false;
                hashAbove = -1;
            } else {
                total += s.length();
                boolean inBlock = closing != null;
                boolean closes = !inBlock && closesUnopened(line, s);
                if (!delimiterSeen && closes) {
                    code += proseBefore;   // the page starts inside a comment or docstring
                }
                closing = block(line, s, closing, previousCode);
                delimiterSeen |= inBlock || closing != null || closes;
                boolean hash = s.charAt(0) == '#';
                boolean continuation = commentContinuation(line, s);
                if (continuation && comments < 0) {   // looked for once, on a page's first " *" line
                    comments = t.contains("/*") || t.contains("*/") || t.contains("\n *\n") ? 1 : 0;
                }
                boolean isCode = inBlock || closing != null || continuation && comments == 1 || codeLikeOtherwise(line, s)
                        || previousCode && dashComment(s);
                if (hash && hashRun && !isCode) {
                    hashRunChars += s.length();
                }
                if (hash && hashRun && hashAbove >= 0) {
                    hashRunChars += hashAbove;
                }
                otherCode |= isCode && !hash;
                commentedOut += isCode && hash && commentedOut(s) ? 1 : 0;
                code += isCode ? s.length() : 0;
                proseBefore += isCode || delimiterSeen ? 0 : s.length();
                previousCode = isCode;
                hashAbove = hash && !isCode && !hashRun ? s.length() : -1;
                hashRun = hash;
            }
            start = end + 1;
        }
        // '#' lines in a row: a comment block, when the page has code besides them or settings commented out
        code += otherCode || commentedOut >= 3 ? hashRunChars : 0;
        double share = total == 0 ? 0.0 : (double) code / total;
        return share > maxShare ? Decision.drop(NAME, share) : Decision.keep();
    }

    /**
     * The delimiter that closes the block comment ({@code /*} at a line's start) or docstring open after this
     * line, or null; {@code closing} is the one open before it. A docstring ({@code """} or {@code '''} at a line's
     * start) counts when its first line is indented or follows a code line ({@code def f():}), so that an e-mail
     * quoting between triple quotes stays prose. The lines of such a block are source, however much they read as prose.
     */
    static String block(String line, String s, String closing, boolean previousCode) {
        if (closing != null) {
            return s.contains(closing) ? null : closing;
        }
        if (s.startsWith("/*") && s.indexOf("*/", 2) < 0) {
            return "*/";
        }
        for (String q : QUOTES) {
            if (s.startsWith(q) && s.indexOf(q, 3) < 0 && (previousCode || indented(line))) {
                return q;
            }
        }
        return null;
    }

    /**
     * A line that ends a comment or docstring without opening one: {@code *}{@code /} at its end, or an indented
     * line ending with a lone triple quote.
     */
    static boolean closesUnopened(String line, String s) {
        if (s.endsWith("*/")) {
            return !s.contains("/*");
        }
        for (String q : QUOTES) {
            if (s.endsWith(q) && s.indexOf(q) == s.length() - 3 && indented(line)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest comment-continuation line ({@code " * "}, {@code "** "}) read as code outside a block: source wraps
     * its comments near 80 columns, while an outline's bullet on a web page (a NEWS file's {@code "** Fixed ..."}) is
     * one line per paragraph.
     */
    static final int SOURCE_WIDTH = 100;

    private static final String[] QUOTES = {"\"\"\"", "'''"};

    /** Whether {@code s} holds one of {@code chars}. */
    private static boolean anyOf(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean indented(String line) {
        return line.startsWith("  ") || line.startsWith("\t");
    }

    /** Whether a stripped line {@code s} of {@code line} reads as source code (the rules above), on any page. */
    static boolean codeLike(String line, String s) {
        return commentContinuation(line, s) || codeLikeOtherwise(line, s);
    }

    /**
     * A block comment's continuation line ({@code " * text"}) of source width. {@link #test} counts it only on a
     * page that has a {@code /}{@code *}, a {@code *}{@code /} or a comment's blank {@code " *"} line somewhere (a
     * page cut from inside a comment has the last): without one, {@code " *  [ES] fixed ..."} lines are a change
     * list's bullets.
     */
    static boolean commentContinuation(String line, String s) {
        return s.length() <= SOURCE_WIDTH && line.startsWith(" *");
    }

    private static boolean codeLikeOtherwise(String line, String s) {
        char last = s.charAt(s.length() - 1);
        if (";{}([=\\".indexOf(last) >= 0 || last == ',' && s.indexOf(' ') < 0) {   // a backslash: a continued line
            return true;
        }
        boolean wrapped = s.length() <= SOURCE_WIDTH;
        if (s.startsWith("}") || s.startsWith("{") || s.startsWith(";") || s.startsWith("%") || s.startsWith("\\") || s.startsWith("//") || s.startsWith("/*") || s.startsWith("<?") || s.startsWith("@")) {
            return true;
        }
        if (s.startsWith("def ") || s.startsWith("class ") || s.startsWith("import ") || s.startsWith("return ") || s.startsWith("elif ")) {
            return true;
        }
        if (indented(line) && (last == ':' || s.startsWith("#") || anyOf(s, "=()[]{};"))) {
            return true;
        }
        if (s.startsWith("<") && s.endsWith(">") || s.startsWith("\"") && s.contains("\": ")) {
            return true;   // markup (<port>8080</port>, </Limit>) or a JSON member ("type": "array",)
        }
        if (wrapped && (s.contains(" -> ") || s.contains(" :: ") || s.contains(" => "))) {
            return true;   // a type signature or a closure (Haskell, Scala, Rust, an arrow function), not a paragraph's f: A -> B
        }
        if (s.startsWith("\"\"\"") || s.startsWith("'''") || s.startsWith("from ") && s.contains(" import ")
                || s.startsWith("self.") || s.contains(" self.") || s.contains("(self")) {
            return true;
        }
        if (s.startsWith("\" ") && s.indexOf('"', 1) < 0) {
            return true;   // a Vim script comment: prose opens a quotation without a space and closes it
        }
        if (s.equals("*") || s.equals("**") || wrapped && s.startsWith("** ") || s.startsWith("*/") || s.endsWith("*/") || wrapped && s.startsWith("* @") || s.startsWith("$") || s.startsWith(">>> ")) {
            return true;
        }
        return preprocessor(s) || assignment(s) || semicolonInBraces(s) || hashComment(s) || shell(s) || mappingKey(line, s)
                || commandLine(s) || wrapped && (directive(s) || sExpression(s) || call(s));
    }

    /** C's, CMake's and gnuplot's keywords that take a parenthesised condition after a space: {@code if (NOT X)}. */
    private static final String[] CONDITIONS = {"if (", "elseif (", "while (", "foreach ("};

    /**
     * A statement that is one call on a line of its own ({@code set(GPB_MODULE_DIR ${DIR})}, {@code endif()}, {@code
     * if (NOT X)}) or a call's closing {@code )}: a name of letters, digits and {@code _} right before the {@code (},
     * the {@code )} last, not after a sentence's {@code . ! ?}, and no arguments or arguments with a space, a {@code $}
     * or a {@code "}: a manual page's {@code ls(1)} is a reference, and a C definition's {@code main(void)} counts by
     * its body.
     */
    static boolean call(String s) {
        int n = s.length();
        char last = s.charAt(n - 1);
        if (last != ')' && last != ']') {
            return false;
        }
        if (n <= 3 && s.chars().allMatch(c -> c == ')' || c == ']')) {
            return true;
        }
        if (n < 3 || last != ')' || ".!?".indexOf(s.charAt(n - 2)) >= 0) {
            return false;
        }
        for (String c : CONDITIONS) {
            if (s.startsWith(c)) {
                return true;
            }
        }
        int i = 0;
        for (char c; i < n && ((c = s.charAt(i)) >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9'); i++) {
        }
        if (i == 0 || i >= n || s.charAt(i) != '(') {
            return false;
        }
        for (int j = i + 1; j < n - 1; j++) {
            char c = s.charAt(j);
            if (c == ' ' || c == '$' || c == '"') {
                return true;
            }
        }
        return i + 2 == n;   // no arguments: endif()
    }

    /**
     * A setting commented out ({@code # set casesensitive}, {@code #ftdi device_desc "Dual"}): a short {@code #} line
     * that {@link #hashComment} reads as a script's and that ends with a letter or digit, not like a sentence's
     * piece. Three of them tell a configuration file's {@code #} runs from an e-mail quoting a story line by line
     * behind {@code #}, where a paragraph's short last line can look the same once.
     */
    static boolean commentedOut(String s) {
        char last = s.charAt(s.length() - 1);
        return s.length() > 3 && s.length() <= 40 && hashComment(s) && Character.isLetterOrDigit(last);
    }

    /**
     * A Lisp form on a line of its own ({@code (load "misc.lsp" :verbose NIL)}): it opens with {@code (} and closes
     * with {@code )}, not after a sentence's {@code . ! ?} (a parenthetical aside on its own line is prose).
     */
    static boolean sExpression(String s) {
        int n = s.length();
        return n > 2 && s.charAt(0) == '(' && s.charAt(n - 1) == ')' && ".!?".indexOf(s.charAt(n - 2)) < 0
                && Character.isLowerCase(s.charAt(1));
    }

    /**
     * A command with options ({@code complete -c cargo -l help -d 'Prints help'}): three or more tokens that are
     * options (a space, one or two dashes, a letter) and at least one token in eight an option, so that a release
     * note's paragraph naming {@code -std=f95} and {@code --enable-foo} stays prose.
     */
    static boolean commandLine(String s) {
        int flags = 0;
        for (int i = s.indexOf(" -"); i >= 0; i = s.indexOf(" -", i + 2)) {
            int j = i + 2 < s.length() && s.charAt(i + 2) == '-' ? i + 3 : i + 2;
            flags += j < s.length() && (s.charAt(j) | 0x20) >= 'a' && (s.charAt(j) | 0x20) <= 'z' ? 1 : 0;
        }
        if (flags < 3) {
            return false;
        }
        int tokens = 1;
        for (int i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
            tokens++;
        }
        return flags * 8 >= tokens;
    }

    /**
     * A configuration directive: a line that does not end a sentence and starts with a {@code snake_case} name and
     * an argument ({@code reset_config none}, {@code add_header all Level}; not a lone name in a table, nor a C
     * prototype {@code apr_status_t doall(...)} in an API reference), or holds a hexadecimal literal ({@code 0x0403}).
     */
    static boolean directive(String s) {
        char last = s.charAt(s.length() - 1);
        if (".!?:".indexOf(last) >= 0) {
            return false;
        }
        int i = 0;
        boolean underscore = false;
        for (char c; i < s.length() && ((c = s.charAt(i)) >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'); i++) {
            underscore |= c == '_' && i > 0 && i + 1 < s.length() && s.charAt(i + 1) != ' ';
        }
        if (underscore && i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            int next = s.indexOf(' ', i + 1);
            return s.lastIndexOf('(', next < 0 ? s.length() : next) < 0;   // not a C declaration's "type name(": API docs
        }
        for (int h = s.indexOf("0x"); h >= 0; h = s.indexOf("0x", h + 2)) {
            boolean start = h == 0 || !Character.isLetterOrDigit(s.charAt(h - 1));
            int k = h + 2;
            while (k < s.length() && Character.digit(s.charAt(k), 16) >= 0) {
                k++;
            }
            if (start && k - h >= 4 && (k == s.length() || !Character.isLetterOrDigit(s.charAt(k)))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SHELL_WORDS = Set.of("fi", "done", "esac", "else", "then", "do", ";;", "shift", "end",
            "endif", "endwhile", "endfor", "endforeach", "endfunction", "endfunc", "endtry", "endswitch", "endmodule", "endcase");

    private static final Set<String> MAKE_DIRECTIVES = Set.of("if", "ifdef", "ifndef", "elif", "else", "endif", "for", "endfor",
            "include", "undef", "export");

    /**
     * Shell and make (their assignments are {@link #assignment}'s): a lone {@code fi done esac else then do ;; shift}
     * (or Lua's and Ruby's {@code end}, Vim's, PHP's and Verilog's {@code endif endwhile endfunction endmodule}...),
     * a line ending {@code ; then} or {@code ; do}, starting {@code export }, or a BSD make directive ({@code .if},
     * {@code .endif}...).
     */
    static boolean shell(String s) {
        if (s.length() <= 11 && SHELL_WORDS.contains(s) || s.endsWith("; then") || s.endsWith("; do") || s.startsWith("export ")) {
            return true;
        }
        if (s.startsWith(".")) {
            int j = 1;
            while (j < s.length() && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
                j++;
            }
            return MAKE_DIRECTIVES.contains(s.substring(1, j)) && (j == s.length() || s.charAt(j) == ' ' || s.charAt(j) == '\t');
        }
        return luaBlock(s);
    }

    /**
     * A Lua block's head: {@code if}/{@code elseif} ... {@code then} and {@code for} ... {@code do} with an operator, a
     * call or a field in them ({@code if t == nil then}, {@code for k, v in pairs(t) do}; a wrapped sentence's "if it
     * fails then" has none), or {@code function name(args)} with the parenthesis right after the name ("function
     * words (the, of)" is prose).
     */
    static boolean luaBlock(String s) {
        if ((s.startsWith("if ") || s.startsWith("elseif ")) && s.endsWith(" then") || s.startsWith("for ") && s.endsWith(" do")) {
            for (int i = 0; i < s.length(); i++) {
                if ("=~<>(.#_[".indexOf(s.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }
        int from = s.startsWith("function ") ? 9 : s.startsWith("local function ") ? 15 : -1;
        if (from < 0 || !s.endsWith(")")) {
            return false;
        }
        int i = from;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.' || s.charAt(i) == ':')) {
            i++;
        }
        return i > from && i < s.length() && s.charAt(i) == '(';
    }

    /**
     * A comment of a script, not a Markdown heading: {@code #} alone, {@code #!}, {@code #} and a tab, or {@code # }
     * then a second space, a lower-case letter, or a sentence's end ({@code # Start Vim on a copy of the tutor
     * file.}). "# Installation" stays a heading, and "#includes are resolved first" prose.
     */
    static boolean hashComment(String s) {
        if (!s.startsWith("#") || preprocessor(s)) {
            return false;
        }
        if (s.length() == 1 || s.charAt(1) == '!' || s.charAt(1) == '\t') {
            return true;
        }
        if (s.charAt(1) != ' ' || s.length() < 3) {
            return false;
        }
        char c = s.charAt(2);
        char last = s.charAt(s.length() - 1);
        return c == ' ' || c == '\t' || c >= 'a' && c <= 'z' || last == '.' || last == ',' || last == ';';
    }

    private static final Set<String> DIRECTIVES = Set.of("define", "include", "if", "ifdef", "ifndef", "endif",
            "else", "elif", "undef", "pragma", "error", "warning", "line");

    /** A C preprocessor line: {@code #}, optional spaces, a directive, then the end or a space, tab or parenthesis. */
    static boolean preprocessor(String s) {
        if (!s.startsWith("#")) {
            return false;
        }
        int i = 1;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
            j++;
        }
        return j > i && DIRECTIVES.contains(s.substring(i, j))
                && (j == s.length() || s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '(' || s.charAt(j) == '<' || s.charAt(j) == '"');
    }

    /**
     * A statement at the start of a line: {@code name = ...} (Python's module constants), {@code NAME=value} (shell),
     * {@code NAME ?= value}, {@code :=}, {@code +=} with or without spaces (make), also after a lower-case declaring
     * keyword ({@code let s:count = 0}, {@code local n = 1}; the name may then hold {@code $ : { }}).
     */
    static boolean assignment(String s) {
        int k = declaration(s);
        int i = k;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
                || k > 0 && "$:{}".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        if (i == k || i == s.length() || Character.isDigit(s.charAt(k))) {
            return false;
        }
        int j = s.charAt(i) == ' ' ? i + 1 : i;
        j += j < s.length() && "?:+".indexOf(s.charAt(j)) >= 0 ? 1 : 0;
        return j < s.length() && s.charAt(j) == '=' && (j == i || s.startsWith("= ", j) || s.charAt(i) != ' ');
    }

    private static final String[] DECLARATIONS = {"let ", "local ", "var ", "const ", "my ", "our "};

    /** The length of a declaring keyword and its space at {@code s}'s start ({@code let x = 1}, {@code local n = 0}), or 0. */
    private static int declaration(String s) {
        for (String d : DECLARATIONS) {
            if (s.startsWith(d)) {
                return d.length();
            }
        }
        return 0;
    }

    /**
     * A comment of Lua, SQL, Haskell or Ada ({@code --}, {@code -- text}, LuaDoc's {@code --- text}), counted as code
     * only after a code line (a run of them goes on counting): a church's list of "-- Welcome into the fellowship"
     * items under a paragraph is prose, and so are a quotation's attribution and a select box's "-- Choose --".
     */
    static boolean dashComment(String s) {
        return s.length() <= SOURCE_WIDTH && (s.equals("--") || s.startsWith("-- ") || s.startsWith("--- ")) && !s.endsWith(" --");
    }

    /**
     * A YAML mapping: an indented {@code key: value} whose key is one token of letters, digits and {@code _ - . /}
     * ({@code   Enabled: true}), or a block's key alone at the line's start ({@code Naming/VariableName:},
     * {@code jobs:}) that is lower case or holds one of {@code _ - . /}, so that a document's "Example:" stays prose.
     */
    static boolean mappingKey(String line, String s) {
        int i = 0;
        boolean lower = false;
        boolean mark = false;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_-./".indexOf(s.charAt(i)) >= 0)) {
            lower |= i == 0 && Character.isLowerCase(s.charAt(i));
            mark |= "_-./".indexOf(s.charAt(i)) >= 0;
            i++;
        }
        if (i == 0 || i == s.length() || s.charAt(i) != ':' || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        if (i + 1 == s.length()) {
            return !indented(line) && (lower || mark);
        }
        return indented(line) && s.charAt(i + 1) == ' ';
    }

    /**
     * Minified code: a {@code ;} between a {@code {} and the next {@code }}, not prose's {@code {cross-reference};},
     * on a line with spaces for under a tenth of its characters (minified bundles have almost none; a release note's
     * paragraph quoting {@code struct S { float a; int : 0; }} has a space every six characters).
     */
    static boolean semicolonInBraces(String s) {
        if (s.indexOf(';') < 0 || s.indexOf('{') < 0) {
            return false;
        }
        int open = -1;
        boolean found = false;
        int spaces = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                open = i;
            } else if (c == '}') {
                open = -1;
            } else if (c == ';' && open >= 0) {
                found = true;
            } else if (c == ' ') {
                spaces++;
            }
        }
        return found && spaces * 10L < s.length();
    }
}
