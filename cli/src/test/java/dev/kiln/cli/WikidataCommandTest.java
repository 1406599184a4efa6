package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import dev.kiln.core.testing.SampleCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln wikidata} and {@code kiln bench wikidata} end to end on the bundled triples. */
class WikidataCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    static String triples() {
        return SampleCorpus.dir().resolve("wikidata").resolve("triples.tsv.gz").toString();
    }

    @Test
    void textModeWritesDocumentsMetadataAndASummary() throws IOException {
        Path o = dir.resolve("wd.jsonl.zst");
        int rc = Kiln.execute("wikidata", triples(), "-o", o.toString(), "--threads", "2");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        JsonNode meta = Configs.JSON.readTree(dir.resolve("wd.jsonl.zst.meta.json").toFile());
        assertEquals(33_215, meta.at("/wikidata/triples_read").asLong());
        assertEquals(13_528, meta.at("/pipeline/docs_written").asLong());
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("triples: 33,215 read, 32,796 kept, 419 dropped"), summary);
        assertTrue(summary.contains("datatype_globe_coordinate=221"), summary);
    }

    @Test
    void rawModeWithUserTemplatesAndLokaRules() throws IOException {
        Path o = dir.resolve("loka.txt");
        int rc = Kiln.execute("wikidata", triples(), "-o", o.toString(), "--mode", "raw", "--loka-strict", "-q");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(o);
        assertEquals(33_215 - 221 - 3 - 195 - 14_265, lines.size(), "Loka rules also drop the 14,265 ISO-code rows");
        assertFalse(lines.contains("France\tISO 3166-1 alpha-2 code\tFR"));
        assertTrue(lines.contains("France\tcapital\tParis"));

        Path tpl = dir.resolve("mine.tsv");
        Files.writeString(tpl, "capital\tone\t{subject}'s seat of government is {object}.\n");
        Path t = dir.resolve("text.jsonl");
        rc = Kiln.execute("wikidata", triples(), "-o", t.toString(), "--templates", tpl.toString(), "-q");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(t).contains("France's seat of government is Paris."));
    }

    @Test
    void badInputIsSkippedUnlessStrictAndUsageErrorsExitWith2() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "Meigs County\tpopulation\t23257\nshort\trow\n");
        assertEquals(0, Kiln.execute("wikidata", bad.toString(), "-o", dir.resolve("a.jsonl").toString(), "-q"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.txt:2: short row"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, Kiln.execute("wikidata", bad.toString(), "-o", dir.resolve("b.jsonl").toString(), "-q", "--strict"));
        assertFalse(Files.exists(dir.resolve("b.jsonl")));
        assertEquals(2, Kiln.execute("wikidata", bad.toString(), "--mode", "prose"));
        assertEquals(2, Kiln.execute("wikidata", bad.toString(), "--format", "csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--format must be one of"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void documentsFlowThroughPipelineStages() throws IOException {
        Path yaml = dir.resolve("stages.yaml");
        Files.writeString(yaml, "stages:\n  - name: test_min_words\n    min_words: 30\n");
        Path o = dir.resolve("long.jsonl");
        int rc = Kiln.execute("wikidata", triples(), "-o", o.toString(), "--pipeline", yaml.toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        JsonNode meta = Configs.JSON.readTree(dir.resolve("long.jsonl.meta.json").toFile());
        long written = meta.at("/pipeline/docs_written").asLong();
        long dropped = meta.at("/pipeline/stages/0/dropped_by_reason/too_few_words").asLong();
        assertEquals(13_528, written + dropped);
        assertTrue(written > 200 && dropped > 10_000, written + " written, " + dropped + " dropped");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("test_min_words"));
    }

    @Test
    void benchPrintsTriplesPerSecondPerMode() {
        int rc = Kiln.execute("bench", "wikidata", triples(), "--mode", "text,linear", "--warmup", "0", "--repeat", "1");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("text: 33,215 triples -> 13,528 documents") && s.contains("linear: 33,215 triples"), s);
        assertTrue(s.contains("triples/s"), s);
    }
}
