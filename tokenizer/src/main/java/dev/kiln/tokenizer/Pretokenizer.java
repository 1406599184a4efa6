package dev.kiln.tokenizer;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a document into the words BPE training counts: kiln's character normalisation, then
 * SentencePiece's identity whitespace rules (extra spaces removed if asked, dummy {@code ▁} prefix, every
 * U+0020 escaped to {@code ▁}), then a split before each {@code ▁} as {@code split_by_whitespace} does.
 *
 * <p>Unlike SentencePiece, which trains on lines, kiln trains on whole documents: each run of newlines
 * is a word of its own, so {@code \n} and {@code \n\n} can become pieces while no piece spans a line
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
        this.userDefined = config.userDefinedSymbols();
    }

    /** The normalised text as SentencePiece sees it before splitting into pieces. */
    String normalize(String raw) {
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
                sb.append(WS);
                prevSpace = true;
                endsWithSpace = true;
            } else {
                sb.append(c);
                prevSpace = false;
                endsWithSpace = false;
            }
        }
        if (removeExtraWhitespaces && endsWithSpace) {
            sb.setLength(sb.length() - 1);
        }
        if (addDummyPrefix && !sb.isEmpty()) {
            sb.insert(0, WS);
        }
        return sb.toString();
    }

    /** Passes every word of {@code raw} to {@code sink}. */
    void words(String raw, Consumer<String> sink) {
        String s = normalize(raw);
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
            } else if (c == '\n') {
                boundary = s.charAt(i - 1) != '\n';
            } else {
                boundary = c == WS || s.charAt(i - 1) == '\n';
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
}
