package dev.kiln.tokenizer;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a document into the words BPE training counts: kiln's character normalisation, then
 * SentencePiece's identity whitespace rules (extra spaces removed if asked, dummy {@code ▁} prefix, every
 * U+0020 escaped to {@code ▁}), then a split before each {@code ▁} as {@code split_by_whitespace} does.
 *
 * <p>Unlike SentencePiece, which trains on lines, kiln trains on whole documents: each run of newlines
 * (LF and CR) is a word of its own, so {@code \n} and {@code \n\n} can become pieces while no piece spans a line
 * break. User-defined symbols are cut out of the text (they are pieces already) and act as boundaries.
 */
final class Pretokenizer {

    /** SentencePiece's escaped space. */
    static final char WS = '\u2581';

    private final Normalization normalization;
    private final boolean addDummyPrefix;
    private final boolean removeExtraWhitespaces;
    private final List<String> userDefined;

    Pretokenizer(TrainerConfig config) {
        this.normalization = config.normalization();
        this.addDummyPrefix = config.addDummyPrefix();
        this.removeExtraWhitespaces = config.removeExtraWhitespaces();
        this.userDefined = config.userDefinedSymbols().stream()
                .map(u -> u.replace(' ', KEY_WS).replace(WS, KEY_WS)).toList();
    }

    /**
     * Marks a word start ({@code ▁}) inside counted word keys. Using NUL instead of U+2581 keeps the keys of
     * mostly-Latin text in Java's compact one-byte string form, halving the memory of word counting. A NUL
     * in the text itself is unknown to training anyway (it is never part of a piece), so it is counted as
     * U+2585, SentencePiece's marker for characters outside the alphabet.
     */
    static final char KEY_WS = '\0';

    /** The normalised text as SentencePiece sees it before splitting into pieces. */
    String normalize(String raw) {
        return normalize(raw, WS);
    }

    private String normalize(String raw, char ws) {
        String t = normalization.apply(raw);
        StringBuilder sb = new StringBuilder(t.length() + 1);
        boolean prevSpace = removeExtraWhitespaces; // drops leading spaces
        boolean endsWithSpace = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ') {
                if (removeExtraWhitespaces && prevSpace) {
                    continue;
                }
                sb.append(ws);
                prevSpace = true;
                endsWithSpace = true;
            } else {
                sb.append(ws == KEY_WS ? (c == WS ? KEY_WS : c == KEY_WS ? '\u2585' : c) : c);
                prevSpace = false;
                endsWithSpace = false;
            }
        }
        if (removeExtraWhitespaces && endsWithSpace) {
            sb.setLength(sb.length() - 1);
        }
        if (addDummyPrefix && !sb.isEmpty()) {
            sb.insert(0, ws);
        }
        return sb.toString();
    }

    /** Passes every word of {@code raw} to {@code sink}, word starts marked by {@link #KEY_WS}. */
    void words(String raw, Consumer<String> sink) {
        String s = normalize(raw, KEY_WS);
        if (userDefined.isEmpty()) {
            split(s, 0, s.length(), sink);
            return;
        }
        int from = 0;
        int i = 0;
        while (i < s.length()) {
            int match = longestUserDefined(s, i);
            if (match > 0) {
                split(s, from, i, sink);
                i += match;
                from = i;
            } else {
                i++;
            }
        }
        split(s, from, s.length(), sink);
    }

    private int longestUserDefined(String s, int at) {
        int best = 0;
        for (String u : userDefined) {
            if (u.length() > best && s.startsWith(u, at)) {
                best = u.length();
            }
        }
        return best;
    }

    private static void split(String s, int from, int to, Consumer<String> sink) {
        int start = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean boundary;
            if (i == start) {
                boundary = false;
            } else if (isNewline(c)) {
                boundary = !isNewline(s.charAt(i - 1));
            } else {
                boundary = c == KEY_WS || isNewline(s.charAt(i - 1));
            }
            if (boundary) {
                sink.accept(s.substring(start, i));
                start = i;
            }
        }
        if (start < to) {
            sink.accept(s.substring(start, to));
        }
    }

    /** LF and CR: a run of them (e.g. {@code \r\n\r\n}) is a word of its own. */
    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }
}
