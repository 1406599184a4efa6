package dev.kiln.tokenizer;

/**
 * Which strings may become a learned piece: SentencePiece's {@code IsValidSentencePiece} for BPE with
 * {@code split_by_whitespace} on and whitespace as a prefix. A piece has at most
 * {@code max_sentencepiece_length} characters, no NUL, TAB, U+0020 or U+2585, {@code ▁} only in front, no
 * two Unicode scripts (Hiragana and Katakana count as Han, inherited marks take the script before them;
 * without {@code split_by_number} digits join anything), and with {@code split_digits} a digit only alone.
 */
final class PieceRules {

    private static final int ANY = -1;

    private final int maxLength;
    private final boolean splitByUnicodeScript;
    private final boolean splitByNumber;
    private final boolean splitDigits;

    PieceRules(TrainerConfig c) {
        this.maxLength = c.maxPieceLength();
        this.splitByUnicodeScript = c.splitByUnicodeScript();
        this.splitByNumber = c.splitByNumber();
        this.splitDigits = c.splitDigits();
    }

    int maxLength() {
        return maxLength;
    }

    /** True if {@code piece} (code point length {@code length}) may be learned. */
    boolean isValid(String piece, int length) {
        if (length == 0 || length > maxLength) {
            return false;
        }
        int prevScript = ANY;
        int pos = 0;
        for (int i = 0; i < piece.length(); pos++) {
            int c = piece.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x2585 || c == 0 || c == '\t' || c == ' ' || (c >= 0xD800 && c <= 0xDFFF)) {
                return false;
            }
            if (c == Pretokenizer.WS) {
                if (pos > 0) {
                    return false;
                }
                continue;
            }
            int s = script(c, prevScript);
            boolean number = (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
            if (!splitByNumber && number) {
                s = ANY;
            }
            if (splitDigits && number && length > 1) {
                return false;
            }
            if (splitByUnicodeScript && s != ANY && prevScript != ANY && prevScript != s) {
                return false;
            }
            prevScript = s;
        }
        return true;
    }

    private static int script(int c, int prev) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA || c == 0x30FC) {
            return Character.UnicodeScript.HAN.ordinal();
        }
        if (s == Character.UnicodeScript.INHERITED) {
            return prev;
        }
        return s.ordinal();
    }
}
