package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Document;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentReader;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.testing.SampleCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln convert} and {@code kiln inspect} end to end through the main entry point, on the bundled sample. */
class ConvertInspectCliTest {

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

    String stdout() {
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    static List<Document> read(Path f) throws IOException {
        List<Document> docs = new ArrayList<>();
        try (DocumentReader r = Formats.reader(f, ReadOptions.DEFAULT, new BadRecords(true, s -> { }))) {
            Document d;
            while ((d = r.next()) != null) {
                docs.add(d);
            }
        }
        return docs;
    }

    @Test
    void convertThroughEveryFormatKeepsEveryDocument() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        List<Document> original = read(web);
        Path prev = web;
        for (String name : List.of("web.parquet", "web.arrow", "web.jsonl.zst")) {
            Path next = dir.resolve(name);
            assertEquals(0, Kiln.execute("convert", prev.toString(), "-o", next.toString(), "--threads", "2", "-q"),
                    err.toString(StandardCharsets.UTF_8));
            prev = next;
        }
        assertEquals(original, read(prev));
        JsonNode meta = Configs.JSON.readTree(dir.resolve("web.jsonl.zst.meta.json").toFile());
        assertEquals("convert", meta.at("/command").asText());
        assertEquals(1500, meta.at("/pipeline/docs_written").asInt());
    }

    @Test
    void convertHonoursFieldAndSourceOptionsAndReadsTextDirectories() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"key\":\"k1\",\"body\":\"hello\"}\n{\"key\":\"k2\",\"body\":\"world\"}\n");
        Path books = SampleCorpus.dir().resolve("gutenberg");
        Path outFile = dir.resolve("out.jsonl");
        int rc = Kiln.execute("convert", in.toString(), books.toString(), "-o", outFile.toString(),
                "--text-field", "body", "--id-field", "key", "--source", "mixed", "-q");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        List<Document> docs = read(outFile);
        assertEquals(5, docs.size());
        assertEquals(Document.of("k1", "hello", "mixed"), docs.get(0));
        assertEquals("kjv-genesis.txt", docs.get(3).id());
        assertEquals(Files.readString(books.resolve("kjv-genesis.txt")), docs.get(3).text());
    }

    @Test
    void strictConvertFailsOnTheFirstBadRecordAndWritesNoOutput() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"text\":\"fine\"}\n{not json\n");
        Path outFile = dir.resolve("out.parquet");
        assertEquals(1, Kiln.execute("convert", in.toString(), "-o", outFile.toString(), "--strict", "-q"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.jsonl:2: malformed json"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(outFile));
        // lenient: the bad line is skipped and counted
        assertEquals(0, Kiln.execute("convert", in.toString(), "-o", outFile.toString(), "-q"));
        assertEquals(List.of(Document.of("bad.jsonl:1", "fine", "")), read(outFile));
    }

    @Test
    void convertRejectsAnUnknownOutputFormatBeforeReading() {
        assertEquals(2, Kiln.execute("convert", SampleCorpus.dir().resolve("web.jsonl.gz").toString(), "-o",
                dir.resolve("out.csv").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("HINT"));
    }

    @Test
    void inspectJsonCountsTheSampleAndItsSamplesDependOnlyOnTheSeed() throws IOException {
        String web = SampleCorpus.dir().resolve("web.jsonl.gz").toString();
        assertEquals(0, Kiln.execute("inspect", web, "--json"));
        String first = stdout();
        JsonNode j = Configs.JSON.readTree(first);
        assertEquals(1500, j.at("/documents").asInt());
        assertEquals(1500, j.at("/sources/c4/documents").asInt());
        long histogramTotal = 0;
        for (JsonNode n : j.at("/length_histogram")) {
            histogramTotal += n.asLong();
        }
        assertEquals(1500, histogramTotal);
        assertEquals(3, j.at("/samples").size());
        assertTrue(j.at("/text_bytes").asLong() >= j.at("/characters").asLong());

        assertEquals(0, Kiln.execute("inspect", web, "--json"));
        assertEquals(first, stdout(), "same input and seed, same report");
        assertEquals(0, Kiln.execute("inspect", web, "--json", "--seed", "7"));
        assertNotEquals(Configs.JSON.readTree(first).at("/samples"), Configs.JSON.readTree(stdout()).at("/samples"));
    }

    @Test
    void inspectTableIsReadable() {
        String books = SampleCorpus.dir().resolve("gutenberg").toString();
        assertEquals(0, Kiln.execute("inspect", books, "--source", "gutenberg", "--samples", "1"));
        String table = stdout();
        assertTrue(table.contains("documents   3"), table);
        assertTrue(table.contains("gutenberg"), table);
        assertTrue(table.contains("length (code points)"), table);
        assertTrue(table.contains("samples"), table);
    }
}
