package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every writer's output read back by the matching reader gives the same documents. */
class RoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"out.jsonl", "out.jsonl.gz", "out.jsonl.zst", "out.parquet", "out.arrow"})
    void writeThenReadGivesTheSameDocuments(String name) throws IOException {
        List<Document> docs = TestDocs.tricky();
        Path f = dir.resolve(name);
        TestDocs.write(f, docs);
        List<Document> back = TestDocs.read(f);
        assertEquals(docs, back);
        // metadata keeps its order, not just its entries
        assertEquals(new ArrayList<>(docs.get(0).metadata().keySet()), new ArrayList<>(back.get(0).metadata().keySet()));
    }

    @Test
    void chainThroughEveryFormatIsLossless() throws IOException {
        List<Document> docs = TestDocs.tricky();
        Path a = dir.resolve("a.jsonl.zst");
        TestDocs.write(a, docs);
        Path prev = a;
        for (String next : List.of("b.parquet", "c.arrow", "d.jsonl.gz", "e.parquet", "f.jsonl")) {
            Path p = dir.resolve(next);
            TestDocs.write(p, TestDocs.read(prev));
            prev = p;
        }
        assertEquals(docs, TestDocs.read(prev));
    }

    @ParameterizedTest
    @ValueSource(strings = {"web.parquet", "web.arrow", "web.jsonl.zst"})
    void realSampleCorpusRoundTrips(String name) throws IOException {
        Path sample = Path.of("..", "sample", "web.jsonl.gz");
        List<Document> docs = TestDocs.read(sample, ReadOptions.DEFAULT, TestDocs.collecting(new ArrayList<>()));
        assertTrue(docs.size() > 1000, "sample has its documents: " + docs.size());
        Path f = dir.resolve(name);
        TestDocs.write(f, docs);
        assertEquals(docs, TestDocs.read(f));
    }

    @Test
    void sourceOptionAppliesToEveryFormatAndKeepsTheFilesOwn() throws IOException {
        List<Document> docs = List.of(new Document("1", "hello", "web", Map.of("k", "v")), Document.of("2", "bye", "mysrc"));
        for (String name : List.of("o.jsonl", "o.parquet", "o.arrow")) {
            Path f = dir.resolve(name);
            TestDocs.write(f, docs);
            List<Document> back = TestDocs.read(f, ReadOptions.DEFAULT.withSource("mysrc"), TestDocs.strict());
            assertEquals("mysrc", back.get(0).source(), name);
            assertEquals(Map.of("k", "v", "source", "web"), back.get(0).metadata(), name + ": the file's own source is kept");
            assertEquals(Document.of("2", "bye", "mysrc"), back.get(1), name);
        }
    }

    @Test
    void jsonlTextAndIdFieldsAreConfigurable() throws IOException {
        Path f = dir.resolve("fields.jsonl");
        Files.writeString(f, "{\"key\":7,\"body\":\"the text\",\"text\":\"not this\"}\n");
        Document d = TestDocs.read(f, ReadOptions.DEFAULT.withFields("body", "key"), TestDocs.strict()).get(0);
        assertEquals(new Document("7", "the text", "", Map.of("text", "not this")), d);
    }

    @Test
    void jsonlOutputIsOneCompactObjectPerLine() throws IOException {
        Path f = dir.resolve("exact.jsonl");
        TestDocs.write(f, List.of(new Document("a", "x\ny", "web", Map.of("n", 1L)), Document.of("b", "", "")));
        assertEquals("{\"id\":\"a\",\"text\":\"x\\ny\",\"source\":\"web\",\"n\":1}\n{\"id\":\"b\",\"text\":\"\",\"source\":\"\"}\n",
                Files.readString(f));
    }

    @Test
    void jsonlMetadataScalarsAreTheBytesTheMapperWrites() throws IOException {
        // the writer puts scalars straight to the generator; each line must equal the mapper's own serialisation
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("s", "q\"uote \\ tab\t ctl\u0001 é 🚀 </script>");
        meta.put("long", Long.MIN_VALUE);
        meta.put("int", 7);
        meta.put("d", 0.1);
        meta.put("tiny", 4.9e-324);
        meta.put("big", 1.0e300);
        meta.put("neg0", -0.0);
        meta.put("nan", Double.NaN);
        meta.put("inf", Double.NEGATIVE_INFINITY);
        meta.put("t", true);
        meta.put("f", false);
        meta.put("nothing", null);
        meta.put("dec", new java.math.BigDecimal("1.50"));
        meta.put("list", List.of(1L, "two", Map.of("three", 3.0)));
        meta.put("map", new java.util.TreeMap<>(Map.of("b", 2L, "a", List.of())));
        Document doc = new Document("id\u2028", "text", "web", meta);
        Path f = dir.resolve("scalars.jsonl");
        TestDocs.write(f, List.of(doc));
        Map<String, Object> whole = new java.util.LinkedHashMap<>();
        whole.put("id", doc.id());
        whole.put("text", doc.text());
        whole.put("source", doc.source());
        whole.putAll(doc.metadata());
        assertEquals(JsonlReader.MAPPER.writeValueAsString(whole) + "\n", Files.readString(f));
    }

    @Test
    void jsonlWritesAstralCharactersAsRawUtf8EvenInLongTexts() throws IOException {
        String text = "rocket 🚀 ".repeat(20_000);
        Path f = dir.resolve("emoji.jsonl");
        TestDocs.write(f, List.of(Document.of("e", text, "")));
        String raw = Files.readString(f);
        assertTrue(!raw.contains("\\uD83D"), "no escaped surrogates");
        assertEquals(20_000, raw.split("🚀", -1).length - 1);
        assertEquals(text, TestDocs.read(f).get(0).text());
    }

    @Test
    void manyDocumentsSpanSeveralArrowBatches() throws IOException {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < ArrowDocumentWriter.BATCH_DOCS * 2 + 17; i++) {
            docs.add(Document.of("d" + i, "text " + i, i % 2 == 0 ? "a" : "b"));
        }
        Path f = dir.resolve("many.arrow");
        TestDocs.write(f, docs);
        assertEquals(docs, TestDocs.read(f));
        assertTrue(Files.size(f) > 0);
    }
}
