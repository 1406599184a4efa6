package dev.kiln.wikidata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.wikidata.text.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WikidataJobTest {

    @TempDir
    Path dir;

    static final Progress.Listener QUIET = new Progress.Listener() {
        @Override
        public void onProgress(Progress p) {
        }
    };

    WikidataJob.Result run(List<String> in, Path out, WikidataConfig config, int threads, boolean strict) throws IOException {
        return new WikidataJob(in, out, null, strict, config, RunnerOptions.DEFAULT.withThreads(threads))
                .run(Pipeline.of(), QUIET, line -> { });
    }

    @Test
    void outputBytesDoNotDependOnThreadsAndDocumentsReadBackThroughCoreReaders() throws IOException {
        List<String> in = List.of(TestData.SAMPLE.toString());
        Path one = dir.resolve("one.jsonl.gz");
        Path two = dir.resolve("two.jsonl.gz");
        run(in, one, WikidataConfig.DEFAULT, 1, false);
        WikidataJob.Result r = run(in, two, WikidataConfig.DEFAULT, 2, false);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertEquals(13_528L, r.stats().docsWritten());
        try (var reader = Formats.reader(two, ReadOptions.DEFAULT, BadRecords.lenient())) {
            var first = reader.next();
            assertEquals("Q188", first.id());
            assertEquals("wikidata", first.source());
            assertEquals("German", first.metadata().get("title"));
            assertTrue(first.text().startsWith("The ISO 639-1 code of German is de."), first.text());
        }
        JsonNode meta = Configs.JSON.readTree(two.resolveSibling("two.jsonl.gz.meta.json").toFile());
        assertEquals("wikidata", meta.at("/command").asText());
        assertEquals(33_215, meta.at("/wikidata/triples_read").asLong());
        assertEquals(221, meta.at("/wikidata/dropped/datatype_globe_coordinate").asLong());
        assertEquals(13_528, meta.at("/pipeline/docs_written").asLong());
        assertEquals("text", meta.at("/config/mode").asText());
    }

    @Test
    void rawModeToTxtIsLokasFile() throws IOException {
        Path out = dir.resolve("triples_normalized.txt");
        run(List.of(TestData.RES.resolve("slice.tsv").toString()), out, WikidataConfig.DEFAULT.withMode(Mode.RAW), 2, false);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        // 134 rows, less 2 genid URLs (Celtiberian's native label, Old Swedish's code); no coordinates for the 3 countries
        assertEquals(134 - 2 - 3, lines.size());
        for (String l : lines) {
            assertEquals(3, l.split("\t", -1).length, l);
        }
        assertTrue(lines.contains("France\tcapital\tParis"));
        assertTrue(lines.contains("Hydrogen\ttime of discovery or invention\t1776"));
    }

    @Test
    void compressedTextOutputAndNoLeftoversOnFailure() throws IOException {
        Path out = dir.resolve("linear.txt.zst");
        run(List.of(TestData.RES.resolve("slice.tsv").toString()), out, WikidataConfig.DEFAULT.withMode(Mode.LINEAR), 1, false);
        try (InputStream z = dev.kiln.core.io.Compression.ZSTD.decompress(Files.newInputStream(out))) {
            String text = new String(z.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(14, text.split("\n").length);
        }
        Path bad = dir.resolve("bad.tsv");
        Files.write(bad, TestData.damagedTsv());
        Path failed = dir.resolve("failed.jsonl");
        BadInputException e = assertThrows(BadInputException.class,
                () -> run(List.of(bad.toString()), failed, WikidataConfig.DEFAULT, 2, true));
        assertTrue(e.getMessage().startsWith("bad.tsv:5: short row"), e.getMessage());
        assertFalse(Files.exists(failed));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("kiln-tmp")).toList());
        }
    }

    @Test
    void lenientRunCountsBadRowsInTheMetadata() throws IOException {
        Path bad = dir.resolve("bad.tsv");
        Files.write(bad, TestData.damagedTsv());
        Path out = dir.resolve("ok.jsonl");
        WikidataJob.Result r = run(List.of(bad.toString()), out, WikidataConfig.DEFAULT, 2, false);
        assertEquals(5, r.badRows());
        JsonNode meta = Configs.JSON.readTree(r.metadataPath().toFile());
        assertEquals(2, meta.at("/input/bad_records_by_kind/missing_label").asLong());
        assertTrue(meta.at("/input/bad_record_examples/invalid_utf8").asText().startsWith("bad.tsv:9: invalid utf8"));
    }
}
