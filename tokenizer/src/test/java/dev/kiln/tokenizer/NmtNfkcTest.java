package dev.kiln.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code nmt_nfkc} against SentencePiece's own normaliser: the expected files were written by
 * {@code spm_normalize --normalization_rule_name=nmt_nfkc --remove_extra_whitespaces=false} (Debian
 * sentencepiece 0.1.97) from {@code chars.txt} (every code point Java's NFKC or the overlay changes, between
 * two letters, plus a few multi-character cases) and from {@code corpus/heldout.txt}. See
 * {@code nmt_nfkc/README.md}.
 */
class NmtNfkcTest {

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = NmtNfkcTest.class.getResourceAsStream("/" + resource)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String l : all.split("\n", -1)) {
                out.add(unescape(l));
            }
            if (out.getLast().isEmpty()) {
                out.removeLast();
            }
            return out;
        }
    }

    /** The files escape backslash as {@code \\} and CR as {@code \r} so that every case stays on one line. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Test
    void matchesSpmNormalizeOnEveryChangedCodePoint() throws IOException {
        List<String> in = lines("nmt_nfkc/chars.txt");
        List<String> expected = lines("nmt_nfkc/chars.expected.txt");
        assertEquals(in.size(), expected.size());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String got = Normalization.NMT_NFKC.apply(in.get(i));
            if (!got.equals(expected.get(i))) {
                wrong.add(String.format("U+%04X in %s: spm %s, kiln %s", in.get(i).codePointAt(1), in.get(i), expected.get(i), got));
            }
        }
        // the two documented differences, both a decomposition meeting a combining mark: SentencePiece's table
        // maps each source sequence on its own, Java's NFKC recomposes across them
        assertEquals(2, wrong.size(), wrong.toString());
        assertEquals(true, wrong.get(0).startsWith("U+0344 in "), wrong.toString());
        assertEquals("U+0308 in \ufb01\u0308: spm fi\u0308, kiln f\u00ef", wrong.get(1));
    }

    @Test
    void matchesSpmNormalizeOnHeldOutText() throws IOException {
        List<String> in = lines("corpus/heldout.txt");
        List<String> expected = lines("nmt_nfkc/heldout.expected.txt");
        assertEquals(in.size(), expected.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(expected.get(i), Normalization.NMT_NFKC.apply(in.get(i)), "line=" + (i + 1));
        }
    }

    @Test
    void newlinesBecomeSpacesAndTheNameRoundTrips() {
        assertEquals("a b c", Normalization.NMT_NFKC.apply("a\nb\u0001\tc"));
        assertEquals("a b", Normalization.NMT_NFKC.apply("a\nb"));
        assertEquals(Normalization.NMT_NFKC, Normalization.parse("nmt_nfkc"));
        assertEquals("nmt_nfkc", Normalization.NMT_NFKC.id());
    }
}
