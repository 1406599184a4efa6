package dev.kiln.filters;

import static dev.kiln.filters.Rules.PROSE;
import static dev.kiln.filters.Rules.PROSE2;
import static dev.kiln.filters.Rules.decide;
import static dev.kiln.filters.Rules.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gopher, C4 and FineWeb rules on real text with their datatrove reason names. */
class QualityRulesTest {

    @Test
    void gopherQuality() {
        assertEquals("keep", decide("gopher_quality", PROSE));
        StageChain.Result shortDoc = run("gopher_quality", "The cat sat on the mat and looked at the dog.");
        assertEquals("gopher_short_doc", shortDoc.reason());
        assertEquals(11, shortDoc.value());
        assertEquals("gopher_too_many_hashes", decide("gopher_quality", PROSE + " #tag".repeat(200)));
        assertEquals("gopher_too_many_bullets", decide("gopher_quality", ("- " + PROSE.substring(0, 400).replace('\n', ' ') + "\n").repeat(5)));
        assertEquals("gopher_enough_stop_words", decide("gopher_quality", "Cats dogs birds fish. ".repeat(30)));
        assertEquals("gopher_below_alpha_threshold", decide("gopher_quality", PROSE + " 1999 2001 3456 7890 1234".repeat(200)));
    }

    @Test
    void gopherRepetition() {
        assertEquals("keep", decide("gopher_repetition", PROSE));
        String paras = PROSE.substring(0, 500) + "\n\n" + (PROSE2.substring(0, 300) + "\n\n").repeat(4);
        StageChain.Result r = run("gopher_repetition", paras);
        assertEquals("dup_para_frac", r.reason());
        assertEquals(0.6, r.value(), 1e-9);
        String ngrams = PROSE + " " + "the quick brown fox jumps over ".repeat(40);
        String reason = decide("gopher_repetition", ngrams);
        assertTrue(reason.startsWith("top_") || reason.startsWith("duplicated_"), reason);
    }

    @Test
    void c4RemovesLinesAndDropsPages() {
        String page = "Home | About | Contact\n" + PROSE + "\nEnable JavaScript to view this site, it is the best thing.\nRead our privacy policy today, it is important.";
        StageChain.Result r = run("c4_quality", page);
        assertFalse(r.dropped());
        String kept = r.kept().getFirst().text();
        assertFalse(kept.contains("Home | About"));
        assertFalse(kept.toLowerCase().contains("javascript"));
        assertFalse(kept.contains("privacy policy"));
        assertTrue(kept.contains("Develop goals beyond your weight."));
        assertEquals("c4_quality_lorem_ipsum", decide("c4_quality", PROSE + "\nLorem ipsum dolor sit amet, consectetur adipiscing elit."));
        assertEquals("c4_quality_curly_bracket", decide("c4_quality", PROSE + "\nfunction f() { return 1; } is the code we ran."));
        assertEquals("c4_quality_too_few_sentences", decide("c4_quality", "One line only here. And a second sentence."));
    }

    @Test
    void c4VariantsDifferInWordsAndSentences() {
        String fourWordLines = "We went home today.\nThe sun was hot.\nBirds sang all day.\nThen it rained hard.";
        assertEquals("c4_quality_too_few_sentences", decide("c4_quality", fourWordLines));
        assertEquals("keep", decide("c4_quality", Map.of("min_sentences", 3), fourWordLines));
        assertEquals("c4_tfds_quality_too_few_sentences", decide("c4_tfds_quality", fourWordLines));
    }

    @Test
    void fineWebQuality() {
        assertEquals("keep", decide("fineweb_quality", PROSE));
        assertEquals("line_punct_ratio", decide("fineweb_quality", "Home\nNews and views of the day\nSport\nWeather today and tomorrow\n".repeat(5)));
        assertEquals("char_dup_ratio", decide("fineweb_quality", PROSE + "\n" + PROSE.substring(0, 200) + "\n" + PROSE.substring(0, 200)));
        assertEquals("short_line_ratio", decide("fineweb_quality", "It rained.\nWe ran.\nShe sang.\nA dog barked at the moon all night long.\n"));
    }
}
