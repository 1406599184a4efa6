package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusStatsTest {

    @Test
    void countsCodePointsAndUtf8BytesNotUtf16Units() {
        CorpusStats s = new CorpusStats(0, 1);
        s.add(Document.of("a", "aé東🚀", "x")); // 1 + 2 + 3 + 4 bytes, 4 code points, 5 UTF-16 units
        assertEquals(4, s.characters());
        assertEquals(10, s.textBytes());
        assertEquals(1, s.documents());
    }

    @Test
    void histogramBucketsAreLogSpaced() {
        assertEquals("0", CorpusStats.label(CorpusStats.bucket(0)));
        assertEquals("1-9", CorpusStats.label(CorpusStats.bucket(9)));
        assertEquals("10-19", CorpusStats.label(CorpusStats.bucket(10)));
        assertEquals("20-49", CorpusStats.label(CorpusStats.bucket(49)));
        assertEquals("50-99", CorpusStats.label(CorpusStats.bucket(50)));
        assertEquals("1000-1999", CorpusStats.label(CorpusStats.bucket(1999)));
        assertEquals("5000000000+", CorpusStats.label(CorpusStats.bucket(Long.MAX_VALUE)));

        CorpusStats s = new CorpusStats(0, 1);
        for (String t : List.of("", "short", "exactly ten", "x".repeat(120), "y".repeat(150))) {
            s.add(Document.of("d", t, ""));
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("0", 1L);
        expected.put("1-9", 1L);
        expected.put("10-19", 1L);
        expected.put("100-199", 2L);
        assertEquals(expected, s.histogram());
    }

    @Test
    void samplesDependOnlyOnInputAndSeed() {
        List<String> a = sampleIds(42);
        assertEquals(a, sampleIds(42));
        assertNotEquals(a, sampleIds(43));
        assertEquals(5, a.size());
    }

    @Test
    void perSourceCountsAndTableShowEverySource() {
        CorpusStats s = new CorpusStats(1, 1);
        s.add(Document.of("1", "web text", "c4"));
        s.add(Document.of("2", "wiki", "wikipedia"));
        s.add(Document.of("3", "more", "c4"));
        assertEquals(Map.of("c4", Map.of("documents", 2L, "characters", 12L), "wikipedia", Map.of("documents", 1L, "characters", 4L)),
                s.toMap().get("sources"));
        String table = s.table(80);
        assertEquals(true, table.contains("c4") && table.contains("wikipedia") && table.contains("66.7%"), table);
    }

    @Test
    void sampleCountIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CorpusStats(101, 1));
        assertEquals("samples must be in [0, 100]: 101", e.getMessage());
    }

    private static List<String> sampleIds(long seed) {
        CorpusStats s = new CorpusStats(5, seed);
        for (int i = 0; i < 1000; i++) {
            s.add(Document.of("d" + i, "text " + i, ""));
        }
        return s.samples().stream().map(Document::id).toList();
    }
}
