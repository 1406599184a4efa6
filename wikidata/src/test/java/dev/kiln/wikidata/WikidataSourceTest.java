package dev.kiln.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.wikidata.io.KilnTsvReader;
import dev.kiln.wikidata.text.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chain on real triples: the bundled sample (33,215 rows) and the slice in test resources. */
class WikidataSourceTest {

    static final Path SAMPLE = TestData.SAMPLE;
    static final Path RES = TestData.RES;

    @TempDir
    Path dir;

    static List<Document> convert(List<Path> files, WikidataConfig config) throws IOException {
        return convert(files, config, BadRecords.lenient());
    }

    static List<Document> convert(List<Path> files, WikidataConfig config, BadRecords bad) throws IOException {
        List<Document> out = new ArrayList<>();
        try (WikidataSource s = WikidataSource.open(files, config, bad)) {
            Document d;
            while ((d = s.next()) != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** The kept triples of a file, read and normalized independently of the source. */
    static List<Triple> keptTriples(Path file, TripleStats stats) throws IOException {
        Normalizer n = new Normalizer(NormalizeConfig.DEFAULT, PropertyTable.bundled(), stats);
        List<Triple> kept = new ArrayList<>();
        try (KilnTsvReader r = KilnTsvReader.open(file, BadRecords.lenient())) {
            Triple t;
            while ((t = r.next()) != null) {
                Triple k = n.normalize(t);
                if (k != null) {
                    kept.add(k);
                }
            }
        }
        return kept;
    }

    @Test
    void everyKeptTripleOfTheSampleIsStatedInItsSubjectsDocument() throws IOException {
        List<Document> docs = convert(List.of(SAMPLE), WikidataConfig.DEFAULT);
        Map<String, Document> byId = new HashMap<>();
        for (Document d : docs) {
            assertEquals(null, byId.put(d.id(), d), "duplicate id " + d.id());
            assertEquals("wikidata", d.source());
        }
        List<Triple> kept = keptTriples(SAMPLE, new TripleStats());
        assertEquals(32_796, kept.size());
        List<String> missing = new ArrayList<>();
        for (Triple t : kept) {
            Document d = byId.get(t.subjectId());
            if (d == null || !d.text().contains(t.object()) || !d.text().contains(t.subject())) {
                missing.add(t.toString());
            }
        }
        assertEquals(List.of(), missing);
        for (Document d : docs) {
            int named = d.text().indexOf((String) d.metadata().get("title"));
            int end = d.text().indexOf(". ");
            assertTrue(named >= 0 && (end < 0 || named <= end), "subject named in the first sentence: " + d.text());
        }
        // 13,529 subjects; Old Swedish (Q2417210) has only a blank-node URL as object and so no document
        assertEquals(13_528, docs.size());
        assertTrue(!byId.containsKey("Q2417210"));
        assertEquals(kept.size(), docs.stream().mapToLong(d -> (Long) d.metadata().get("triples")).sum());
    }

    @Test
    void droppedDatatypesAreCountedOnTheSample() throws IOException {
        try (WikidataSource s = WikidataSource.open(List.of(SAMPLE), WikidataConfig.DEFAULT, BadRecords.lenient())) {
            while (s.next() != null) {
                // drain
            }
            TripleStats st = s.tripleStats();
            assertEquals(33_215, st.triplesRead());
            // 221 coordinate locations (corpus README); 3 Wikidata blank nodes (.well-known/genid URLs);
            // 195 "located in" objects whose label column only repeats their key (iso3166-2:GB-GB-ENG ...)
            assertEquals(Map.of("datatype_globe_coordinate", 221L, "url_value", 3L, "unresolved_label", 195L), st.dropped());
            assertEquals(st.triplesRead(), st.triplesKept() + st.triplesDropped());
        }
        // Loka's exact rules drop the ISO codes too (external-id on Wikidata)
        try (WikidataSource s = WikidataSource.open(List.of(SAMPLE), WikidataConfig.DEFAULT.withNormalize(NormalizeConfig.LOKA),
                BadRecords.lenient())) {
            while (s.next() != null) {
                // drain
            }
            long external = s.tripleStats().dropped().get("datatype_external_id");
            // ISO 639-1/2/3/6, 3166-1 alpha-2/alpha-3/numeric, 3166-2, 4217, 15924 alpha-4 rows (corpus README)
            assertEquals(171 + 470 + 7730 + 137 + 221 + 221 + 221 + 4769 + 164 + 161, external);
        }
    }

    @Test
    void goldenTextForTheSlice() throws IOException {
        List<Document> docs = convert(List.of(RES.resolve("slice.tsv")), WikidataConfig.DEFAULT);
        StringBuilder actual = new StringBuilder();
        for (Document d : docs) {
            actual.append(d.id()).append('\t').append(d.text()).append('\n');
        }
        Path golden = RES.resolve("golden-text.tsv");
        if (Boolean.getBoolean("kiln.updateGolden")) {
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual.toString());
        assertEquals(14, docs.size());
    }

    @Test
    void sameInputSameTextAndSeedVariesOnlyWhenAsked() throws IOException {
        List<Path> in = List.of(RES.resolve("slice.tsv"));
        assertEquals(convert(in, WikidataConfig.DEFAULT), convert(in, WikidataConfig.DEFAULT));
        List<Document> a = convert(in, WikidataConfig.DEFAULT.withVariation(1));
        assertEquals(a, convert(in, WikidataConfig.DEFAULT.withVariation(1)));
        assertNotEquals(convert(in, WikidataConfig.DEFAULT).stream().map(Document::text).toList(),
                a.stream().map(Document::text).toList());
    }

    @Test
    void rawModeWritesLokaLinesAndLinearModeOneLine() throws IOException {
        List<Document> raw = convert(List.of(RES.resolve("slice.tsv")), WikidataConfig.DEFAULT.withMode(Mode.RAW));
        Document h = raw.stream().filter(d -> d.id().equals("element:H")).findFirst().orElseThrow();
        assertEquals("Hydrogen\tinstance of\tchemical element\nHydrogen\telement symbol\tH\nHydrogen\tatomic number\t1\n"
                + "Hydrogen\tmass\t1.0079 daltons\nHydrogen\tdiscoverer or inventor\tHenry Cavendish\n"
                + "Hydrogen\ttime of discovery or invention\t1776", h.text());
        List<Document> lin = convert(List.of(RES.resolve("slice.tsv")), WikidataConfig.DEFAULT.withMode(Mode.LINEAR));
        Document fe = lin.stream().filter(d -> d.id().equals("element:Fe")).findFirst().orElseThrow();
        assertEquals("Iron instance of chemical element element symbol Fe atomic number 26 mass 55.847 daltons", fe.text());
    }

    @Test
    void lokaInputIsNormalizedAndGroupedByLabel() throws IOException {
        List<Document> docs = convert(List.of(RES.resolve("loka.txt")), WikidataConfig.DEFAULT);
        Map<String, String> text = new LinkedHashMap<>();
        docs.forEach(d -> text.put(d.id(), d.text()));
        assertEquals(Map.of(
                "Meigs County", "The population of Meigs County is given as 23257 and 23770.",
                "Berkanush", "Berkanush is a village. Berkanush was founded in 1828.",
                "1994 FIFA World Cup", "The statistical leader of 1994 FIFA World Cup includes Hristo Stoichkov and Oleg Salenko. "
                        + "1994 FIFA World Cup took place on 1994-07-17."), text);
    }

    @Test
    void entityDumpToDocuments() throws IOException {
        List<Document> docs = convert(List.of(RES.resolve("entities.json")), WikidataConfig.DEFAULT);
        Document q42 = docs.getFirst();
        assertEquals("Q42", q42.id());
        assertEquals("Douglas Adams is a human. The gender of Douglas Adams is male. Douglas Adams was born on 1952-03-11. "
                + "Douglas Adams died on 2001-05-11. Douglas Adams was born in Cambridge. "
                + "Douglas Adams is a citizen of United Kingdom. Douglas Adams works as a writer, a screenwriter and a novelist. "
                + "The height of Douglas Adams is 1.96 metres. The birth name of Douglas Adams is Douglas Noël Adams.", q42.text());
    }

    @Test
    void subjectsThatComeBackGetNumberedDocumentsAndHugeSubjectsAreCut() throws IOException {
        Path f = dir.resolve("shuffled.txt");
        Files.writeString(f, "A\tinstance of\tletter\nB\tinstance of\tletter\nA\tfollowed by\tB\n"
                + "C\tcolour\tred\nC\tcolour\tgreen\nC\tcolour\tblue\nA\tfollows\tnothing\n");
        List<Document> docs = convert(List.of(f), WikidataConfig.DEFAULT.withMaxTriplesPerDocument(2));
        assertEquals(List.of("A", "B", "A#2", "C", "C#2", "A#3"), docs.stream().map(Document::id).toList());
        assertEquals("The colour of C includes red and green.", docs.get(3).text(), "generic fallback, several objects");
        try (WikidataSource s = WikidataSource.open(List.of(f), WikidataConfig.DEFAULT.withMaxTriplesPerDocument(2),
                BadRecords.lenient())) {
            while (s.next() != null) {
                // drain
            }
            assertEquals(2L, s.stats().get("subject_reappeared"));
            assertEquals(1L, s.stats().get("subject_split"));
        }
    }

    @Test
    void badRowsAreCountedAcrossFilesAndGoodRowsStillConverted() throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.write(f, TestData.damagedTsv());
        List<String> log = new ArrayList<>();
        BadRecords bad = new BadRecords(false, log::add);
        List<Document> docs = convert(List.of(f, RES.resolve("loka.txt")), WikidataConfig.DEFAULT, bad);
        assertEquals(5L, bad.total());
        assertEquals(List.of("Q188", "Q1321", "Meigs County", "Berkanush", "1994 FIFA World Cup"),
                docs.stream().map(Document::id).toList());
    }
}
