package dev.kiln.wikidata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.io.BadRecords;
import dev.kiln.wikidata.Datatype;
import dev.kiln.wikidata.NormalizeConfig;
import dev.kiln.wikidata.Normalizer;
import dev.kiln.wikidata.PropertyTable;
import dev.kiln.wikidata.Triple;
import dev.kiln.wikidata.TripleStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityDumpReaderTest {

    static final Path DUMP = TsvReadersTest.RES.resolve("entities.json");

    @TempDir
    Path dir;

    final TripleStats stats = new TripleStats();

    List<Triple> read(Path f, BadRecords bad) throws IOException {
        EntityLabels labels = EntityLabels.collect(List.of(f));
        List<Triple> out = new ArrayList<>();
        try (EntityDumpReader r = EntityDumpReader.open(f, bad, labels, PropertyTable.bundled(), stats)) {
            Triple t;
            while ((t = r.next()) != null) {
                out.add(t);
            }
        }
        return out;
    }

    static Triple find(List<Triple> ts, String subject, String pid) {
        return ts.stream().filter(t -> t.subjectId().equals(subject) && t.propertyId().equals(pid)).findFirst().orElseThrow();
    }

    @Test
    void statementsBecomeLabelledTriplesWithDatatypes() throws IOException {
        assertEquals(TripleFormat.ENTITY_JSON, TripleFormat.detect(DUMP));
        List<Triple> ts = read(DUMP, BadRecords.lenient());
        Triple p31 = find(ts, "Q42", "P31");
        assertEquals(new Triple("Q42", "Douglas Adams", "P31", "instance of", "Q5", "human", Datatype.WIKIBASE_ITEM, ""), p31);
        assertEquals("+1952-03-11T00:00:00Z", find(ts, "Q42", "P569").object());
        assertEquals("birth name", find(ts, "Q42", "P1477").property(), "property label from the dump's P entity");
        assertEquals("Douglas Noël Adams", find(ts, "Q42", "P1477").object());
        Triple height = find(ts, "Q42", "P2048");
        assertEquals("+1.96", height.object());
        assertEquals("metres", height.unit());
        assertEquals("+1979-10-00T00:00:00Z", find(ts, "Q3107329", "P577").object(), "month precision zeroes the day");
        assertEquals("-0753-00-00T00:00:00Z", find(ts, "Q220", "P571").object());
        assertEquals(Datatype.EXTERNAL_ID, find(ts, "Q42", "P214").datatype());
        // occupation: three statements, in file order
        assertEquals(List.of("writer", "screenwriter", "novelist"),
                ts.stream().filter(t -> t.propertyId().equals("P106")).map(Triple::object).toList());
        // deprecated date, somevalue spouse, novalue country, unknown child Q99999999, unknown superclass Q154954
        assertEquals(Map.of("deprecated_rank", 1L, "no_value", 2L, "unresolved_label", 2L), stats.dropped());
        assertEquals(1, ts.stream().filter(t -> t.propertyId().equals("P569")).count());
    }

    @Test
    void normalizedDumpTriplesFollowLoka() throws IOException {
        List<Triple> ts = read(DUMP, BadRecords.lenient());
        Normalizer n = new Normalizer(NormalizeConfig.DEFAULT, PropertyTable.bundled(), stats);
        List<Triple> kept = ts.stream().map(n::normalize).filter(t -> t != null).toList();
        assertEquals("1952-03-11", find(kept, "Q42", "P569").object());
        assertEquals("1.96 metres", find(kept, "Q42", "P2048").object());
        assertEquals("242495 square kilometres", find(kept, "Q145", "P2046").object());
        assertEquals("3100000000000 United States dollars", find(kept, "Q145", "P2131").object());
        assertEquals("145700", find(kept, "Q350", "P1082").object());
        assertEquals("+44", find(kept, "Q145", "P474").object());
        assertEquals("1979-10", find(kept, "Q3107329", "P577").object());
        assertEquals("-0753", find(kept, "Q220", "P571").object());
        assertEquals("GB", find(kept, "Q145", "P297").object(), "ISO code kept by default");
        Map<String, Long> d = stats.dropped();
        assertEquals(1L, d.get("datatype_external_id"), "VIAF");
        assertEquals(1L, d.get("datatype_commons_media"));
        assertEquals(1L, d.get("datatype_url"));
        assertEquals(1L, d.get("datatype_globe_coordinate"));
    }

    @Test
    void plainJsonLinesAndMalformedLines() throws IOException {
        List<String> lines = Files.readAllLines(DUMP);
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size() - 1)) {
            out.add(l.endsWith(",") ? l.substring(0, l.length() - 1) : l);
        }
        out.add(2, "{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{\"en\":{\"value\":\"universe\"}},\"claims\":{\"P31\":[{\"mainsnak\"");
        out.add(3, "[1, 2]");
        Path f = dir.resolve("dump.jsonl");
        Files.write(f, out);
        List<String> log = new ArrayList<>();
        BadRecords bad = new BadRecords(false, log::add);
        List<Triple> ts = read(f, bad);
        assertEquals(read(DUMP, BadRecords.lenient()), ts);
        assertEquals(Map.of("malformed_json", 2L), bad.countsByKind());
        assertTrue(log.get(0).startsWith("WARN dump.jsonl:3: malformed json"), log.get(0));
        assertTrue(log.get(1).startsWith("WARN dump.jsonl:4: malformed json: not a JSON object"), log.get(1));
    }

    @Test
    void precisionIsApplied() {
        assertEquals("+1952-00-00T00:00:00Z", EntityDumpReader.applyPrecision("+1952-03-11T00:00:00Z", 9));
        assertEquals("+1952-03-00T00:00:00Z", EntityDumpReader.applyPrecision("+1952-03-11T00:00:00Z", 10));
        assertEquals("+1952-03-11T00:00:00Z", EntityDumpReader.applyPrecision("+1952-03-11T00:00:00Z", 11));
        assertEquals("-13798000000-00-00T00:00:00Z", EntityDumpReader.applyPrecision("-13798000000-00-00T00:00:00Z", 3));
    }
}
