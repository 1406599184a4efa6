package dev.kiln.wikidata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Compression;
import dev.kiln.wikidata.PropertyTable;
import dev.kiln.wikidata.TestData;
import dev.kiln.wikidata.Triple;
import dev.kiln.wikidata.TripleStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsvReadersTest {

    static final Path RES = TestData.RES;

    @TempDir
    Path dir;

    static List<Triple> readAll(Path f, BadRecords bad) throws IOException {
        List<Triple> out = new ArrayList<>();
        try (TripleReader r = TripleFormat.detect(f).open(f, bad, EntityLabels.empty(), PropertyTable.bundled(), new TripleStats())) {
            Triple t;
            while ((t = r.next()) != null) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void kilnTsvSkipsTheHeaderAndKeepsIdsLabelsAndValues() throws IOException {
        Path f = RES.resolve("slice.tsv");
        assertEquals(TripleFormat.KILN_TSV, TripleFormat.detect(f));
        List<String> bad = new ArrayList<>();
        List<Triple> ts = readAll(f, new BadRecords(false, bad::add));
        assertEquals(134, ts.size());
        assertEquals(List.of(), bad);
        Triple currency = ts.stream().filter(t -> t.subjectId().equals("iso3166:FRA") && t.propertyId().equals("P38")).findFirst().orElseThrow();
        assertEquals("iso4217:EUR", currency.objectId());
        assertEquals("Euro", currency.object());
        assertEquals("France", currency.subject());
        Triple capital = ts.stream().filter(t -> t.subjectId().equals("iso3166:FRA") && t.propertyId().equals("P36")).findFirst().orElseThrow();
        assertEquals("", capital.objectId());
        assertEquals("Paris", capital.object());
        Triple area = ts.stream().filter(t -> t.subjectId().equals("iso3166:FRA") && t.propertyId().equals("P2046")).findFirst().orElseThrow();
        assertEquals("", area.objectId(), "a literal value is not an id");
        assertEquals("551,695 square kilometres", area.object());
    }

    @Test
    void lokaLinesAreLabelOnlyTriples() throws IOException {
        Path f = RES.resolve("loka.txt");
        assertEquals(TripleFormat.LOKA_TSV, TripleFormat.detect(f));
        List<Triple> ts = readAll(f, BadRecords.lenient());
        assertEquals(7, ts.size());
        assertEquals(Triple.ofLabels("Berkanush", "inception", "1828-00-00"), ts.get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {".gz", ".bz2", ".zst"})
    void compressedInputReadsTheSame(String suffix) throws IOException {
        Path plain = RES.resolve("slice.tsv");
        Path packed = dir.resolve("slice.tsv" + suffix);
        try (OutputStream o = Compression.of(packed.toString()).compress(Files.newOutputStream(packed))) {
            Files.copy(plain, o);
        }
        assertEquals(TripleFormat.KILN_TSV, TripleFormat.detect(packed));
        assertEquals(readAll(plain, BadRecords.lenient()), readAll(packed, BadRecords.lenient()));
    }

    @Test
    void badRowsAreCountedWithFileAndLineAndSkipped() throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.write(f, TestData.damagedTsv());
        List<String> log = new ArrayList<>();
        BadRecords bad = new BadRecords(false, log::add);
        List<Triple> ts = readAll(f, bad);
        assertEquals(7, ts.size(), "3 good rows before, 4 after the damage");
        assertEquals(java.util.Map.of("short_row", 1L, "missing_label", 2L, "long_row", 1L, "invalid_utf8", 1L), bad.countsByKind());
        assertTrue(log.get(0).startsWith("WARN bad.tsv:5: short row: expected 6 tab-separated fields"), log.get(0));
        assertTrue(log.get(1).startsWith("WARN bad.tsv:6: missing label: empty subject_label"), log.get(1));
        assertTrue(log.get(2).startsWith("WARN bad.tsv:7: missing label: object Q150 has no label"), log.get(2));
        assertTrue(log.get(3).startsWith("WARN bad.tsv:8: long row"), log.get(3));
        assertTrue(log.get(4).startsWith("WARN bad.tsv:9: invalid utf8"), log.get(4));
        assertEquals(readAll(RES.resolve("slice.tsv"), BadRecords.lenient()).subList(0, 7), ts,
                "the good rows around the damage are read unchanged (CRLF included)");
    }

    @Test
    void strictModeStopsAtTheFirstBadRow() throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.write(f, TestData.damagedTsv());
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(f, new BadRecords(true, l -> { })));
        assertTrue(e.getMessage().startsWith("bad.tsv:5: short row"), e.getMessage());
    }

    @Test
    void lokaBadRows() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "Meigs County\tpopulation\t23257\nonly two\tfields\n\nMeigs County\t\t23257\na\tb\tc\td\n");
        List<String> log = new ArrayList<>();
        BadRecords bad = new BadRecords(false, log::add);
        assertEquals(1, readAll(f, bad).size());
        assertEquals(java.util.Map.of("short_row", 1L, "missing_label", 1L, "long_row", 1L), bad.countsByKind());
        assertTrue(log.get(1).startsWith("WARN bad.txt:4: missing label: empty predicate"), log.get(1));
    }

    @Test
    void unknownSuffixIsAUsageErrorWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TripleFormat.detect(Path.of("x.csv")));
        assertTrue(e.getMessage().contains("HINT"));
    }
}
