package dev.kiln.filters.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bundled licence fingerprint: what a word 6-gram is, and that each shipped text is in it. */
class LicenceShinglesTest {

    static String text(String name) throws IOException {
        try (InputStream in = LicenceShingles.class.getResourceAsStream("licences/" + name + ".txt")) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyBundledTextMeasuresOne() throws IOException {
        LicenceShingles set = LicenceShingles.bundled();
        assertTrue(set.size() > 20_000, "distinct shingles " + set.size());
        for (String name : LicenceShingles.TEXTS) {
            assertEquals(1.0, set.share(text(name)), 0.0, name);
        }
        // a passage without "licence" or "copyright" is not read
        String gpl = text("GPL-3");
        int from = gpl.indexOf("When we speak of free software");
        String freedom = gpl.substring(from, gpl.indexOf('.', from) + 1);
        assertEquals(0.0, set.share(freedom), 0.0, freedom);
        assertEquals(1.0, set.share(freedom + " Our General Public Licenses"), 0.0);
    }

    @Test
    void wordsAreAsciiLettersAndDigitsWhateverTheCaseLayoutOrPunctuation() throws IOException {
        LicenceShingles set = LicenceShingles.bundled();
        String mit = text("MIT");
        int from = mit.indexOf("Permission is hereby granted");
        String grant = mit.substring(from, mit.indexOf("\n\n", from));
        // re-wrapped on one line, upper case, curly quotes and other punctuation: the same words
        String reflowed = grant.replace('\n', ' ').toUpperCase(java.util.Locale.ROOT).replace("\"", "\u201c").replace(",", " ;");
        assertEquals(1.0, set.share(reflowed), 0.0);
        assertEquals(LicenceShingles.hashes(grant).length, LicenceShingles.hashes(reflowed).length);
        // a non-ASCII letter splits a word, the same way in the text and in the licence
        assertEquals(1, LicenceShingles.hashes("Fabien Chéreau wrote the code").length);   // fabien ch reau wrote the code
        assertEquals(0.0, set.share("Permission is hereby granted"), 0.0);   // fewer than 6 words: no window
        // ordinary prose shares no 6-gram with the licences; half of each measures about half
        String prose = "The ferry left the harbour at dawn while the gulls circled above the fishing boats and the market stalls "
                + "opened one by one along the quay where the old men sat mending nets and talking about the weather";
        assertEquals(0.0, set.share(prose), 0.0);
        double half = set.share(grant.substring(0, 400) + "\n" + prose + " " + prose);
        assertTrue(half > 0.25 && half < 0.6, "half " + half);
    }
}
