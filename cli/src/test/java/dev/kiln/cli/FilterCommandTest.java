package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import dev.kiln.core.testing.SampleCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln filter} and {@code kiln clean} end to end on the bundled sample. */
class FilterCommandTest extends StdStreamsTest {

    @TempDir
    Path dir;

    private static List<JsonNode> read(Path p) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            rows.add(Configs.JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void referenceProfileWritesKeptAndRejectsWithReasonsAndValues() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        Path kept = dir.resolve("kept.jsonl");
        Path rej = dir.resolve("rejects.jsonl");
        int code = Kiln.execute("filter", "--source", "c4", "--profile", "reference", web.toString(), "-o", kept.toString(),
                "--rejects", rej.toString(), "--threads", "2");
        assertEquals(0, code, err.toString());
        List<JsonNode> k = read(kept);
        List<JsonNode> r = read(rej);
        JsonNode meta = Configs.JSON.readTree(Files.readString(Path.of(kept + ".meta.json")));
        long docsRead = meta.at("/pipeline/docs_read").asLong();
        assertEquals(docsRead, k.size() + r.size(), meta.toString());
        Set<String> reasons = new HashSet<>();
        for (JsonNode j : r) {
            assertTrue(j.hasNonNull("id"), j.toString());
            reasons.add(j.get("reason").asText());
            assertTrue(j.has("value"));
        }
        assertTrue(reasons.contains("C5_paragraph_quality") && reasons.contains("C1_alpha_ratio"), reasons.toString());
        assertTrue(reasons.stream().allMatch(s -> s.matches("(C[1-6]|G[0-5])_[a-z_]+")), reasons.toString());
        for (JsonNode j : k) {
            assertEquals("c4", j.get("source").asText());
            assertTrue(j.has("url"), "input fields are kept: " + j);
        }
        assertTrue(out.toString().contains("C5_paragraph_quality"), out.toString());
    }

    @Test
    void kilnProfileKeepsMoreThanTheReferenceOnWikipedia() throws IOException {
        Path wiki = SampleCorpus.dir().resolve("wiki.jsonl.gz");
        Path ref = dir.resolve("ref.jsonl");
        Path kiln = dir.resolve("kiln.jsonl");
        assertEquals(0, Kiln.execute("filter", "-q", "--source", "wikipedia", "--profile", "reference", wiki.toString(), "-o", ref.toString()), err.toString());
        assertEquals(0, Kiln.execute("filter", "-q", "--source", "wikipedia", wiki.toString(), "-o", kiln.toString()), err.toString());
        List<JsonNode> k = read(kiln);
        Set<String> articles = new HashSet<>();
        for (JsonNode j : k) {
            articles.add(j.get("id").asText().replaceAll("#\\d+$", ""));
        }
        // the reference drops heading-rich articles (G4), accented text (G3) and digits runs (G2); kiln keeps them
        int reference = read(ref).size();
        assertTrue(articles.size() > 1.4 * reference, "kiln " + articles.size() + " articles vs reference " + reference);
        for (JsonNode j : k) {
            assertFalse(j.get("text").asText().contains("{{"), j.get("id").asText());
        }
    }

    @Test
    void outputIsIdenticalForAnyThreadCount() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        Path one = dir.resolve("one.jsonl");
        Path two = dir.resolve("two.jsonl");
        assertEquals(0, Kiln.execute("filter", "-q", "--source", "c4", "--threads", "1", web.toString(), "-o", one.toString()), err.toString());
        assertEquals(0, Kiln.execute("filter", "-q", "--source", "c4", "--threads", "3", web.toString(), "-o", two.toString()), err.toString());
        assertTrue(Files.size(one) > 0);
        assertEquals(-1L, Files.mismatch(one, two));
    }

    @Test
    void yamlProfileAndUsageErrors() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        Path yaml = dir.resolve("mine.yaml");
        Files.writeString(yaml, "stages:\n  - name: C6_entropy\n    min_entropy: 4.0\n  - G0_length\n");
        Path o = dir.resolve("o.jsonl");
        assertEquals(0, Kiln.execute("filter", "-q", "--source", "c4", "--profile", yaml.toString(), web.toString(), "-o", o.toString()), err.toString());
        assertFalse(read(o).isEmpty());
        assertEquals(2, Kiln.execute("filter", "-q", web.toString(), "-o", o.toString()));
        assertTrue(err.toString().contains("--source"), err.toString());
        Files.writeString(yaml, "stages:\n  - name: C6_entropy\n    min_entropie: 4.0\n");
        assertEquals(2, Kiln.execute("filter", "-q", "--source", "c4", "--profile", yaml.toString(), web.toString(), "-o", o.toString()));
        assertTrue(err.toString().contains("min_entropie"), err.toString());
    }

    @Test
    void cleanKeepsEverythingButRedirectsAndChunksBooks() throws IOException {
        Path wiki = SampleCorpus.dir().resolve("wiki.jsonl.gz");
        Path cleaned = dir.resolve("clean.jsonl");
        Path rej = dir.resolve("redirects.jsonl");
        assertEquals(0, Kiln.execute("clean", "-q", "--source", "wikipedia", wiki.toString(), "-o", cleaned.toString(), "--rejects", rej.toString()), err.toString());
        List<JsonNode> r = read(rej);
        assertFalse(r.isEmpty());
        assertTrue(r.stream().allMatch(j -> j.get("reason").asText().equals("redirect")));
        JsonNode meta = Configs.JSON.readTree(Files.readString(Path.of(cleaned + ".meta.json")));
        assertEquals(meta.at("/pipeline/docs_read").asLong(), read(cleaned).size() + r.size());

        Path books = dir.resolve("books.jsonl");
        StringBuilder sb = new StringBuilder();
        try (var s = Files.list(SampleCorpus.dir().resolve("gutenberg"))) {
            for (Path b : s.sorted().toList()) {
                var o = Configs.JSON.createObjectNode();
                o.put("id", b.getFileName().toString());
                o.put("text", Files.readString(b));
                sb.append(o).append('\n');
            }
        }
        Files.writeString(books, sb.toString());
        Path chunks = dir.resolve("chunks.jsonl");
        assertEquals(0, Kiln.execute("clean", "-q", "--source", "gutenberg", "--chunk", books.toString(), "-o", chunks.toString()), err.toString());
        List<JsonNode> c = read(chunks);
        assertTrue(c.size() > 50, "chunks " + c.size());
        for (JsonNode j : c) {
            int n = j.get("text").asText().codePointCount(0, j.get("text").asText().length());
            assertTrue(n >= 500 && n <= 8500, j.get("id").asText() + " " + n);
            assertFalse(j.get("text").asText().contains("PROJECT GUTENBERG"));
        }
    }
}
