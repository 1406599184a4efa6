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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln dedup} end to end on the bundled web sample plus planted copies. */
class DedupCommandTest {

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

    /** A second input: 40 web documents again, re-cased and with a footer, so they are near duplicates across files. */
    private Path copies() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        List<String> lines;
        try (var in = new GZIPInputStream(Files.newInputStream(web))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(400).toList();
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : lines) {
            JsonNode j = Configs.JSON.readTree(line);
            String text = j.get("text").asText();
            String[] words = text.split("\\s+");
            // real prose: long, and not a spam page repeating a handful of words (few distinct shingles)
            if (words.length < 300 || new HashSet<>(List.of(words)).size() < 0.4 * words.length || n == 40) {
                continue;
            }
            n++;
            var o = Configs.JSON.createObjectNode();
            o.put("id", "copy-" + n);
            o.put("text", text.replace("  ", " ") + "\n\nShare this article on Facebook, Twitter and email.");
            sb.append(o.toString()).append('\n');
        }
        Path p = dir.resolve("copies.jsonl");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void dedupRemovesCopiesAcrossInputsAndWritesReportAndMetadata() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        Path copies = copies();
        Path kept = dir.resolve("kept.jsonl");
        Path clusters = dir.resolve("clusters.jsonl");
        int rc = Kiln.execute("dedup", web.toString(), copies.toString(), "-o", kept.toString(), "--clusters", clusters.toString(),
                "--threads", "2", "--memory", "64k");
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, e);
        assertTrue(e.contains("LSH 12 bands x 10 rows"), "the banding is printed at start:\n" + e);
        JsonNode meta = Configs.JSON.readTree(dir.resolve("kept.jsonl.meta.json").toFile());
        JsonNode d = meta.get("dedup");
        assertEquals(1540, d.get("docs_in").asInt());
        long written = Files.readAllLines(kept).size();
        assertEquals(written, d.get("docs_written").asLong());
        assertEquals(1540 - written, d.get("docs_removed").asLong());
        assertTrue(d.get("band_run_files").asInt() > 1, "the 64k budget spills: " + d);
        assertEquals(0.85, meta.at("/config/threshold").asDouble());
        Set<String> keptIds = new HashSet<>();
        for (String line : Files.readAllLines(kept)) {
            keptIds.add(Configs.JSON.readTree(line).get("id").asText());
        }
        for (int i = 1; i <= 40; i++) {
            assertFalse(keptIds.contains("copy-" + i), "copy-" + i + " survived");
        }
        List<String> report = Files.readAllLines(clusters);
        assertEquals(d.get("clusters").asInt(), report.size());
        JsonNode first = Configs.JSON.readTree(report.getFirst());
        assertEquals(0, first.get("cluster").asInt());
        assertTrue(first.get("members").size() >= 2);
        int keptMembers = 0;
        for (JsonNode m : first.get("members")) {
            keptMembers += m.get("kept").asBoolean() ? 1 : 0;
            assertTrue(m.get("similarity").asDouble() >= 0.6, m.toString());
        }
        assertEquals(1, keptMembers);
    }

    @Test
    void sameOutputBytesForAnyThreadCountAndMemory() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        Path copies = copies();
        assertEquals(0, Kiln.execute("dedup", "-q", web.toString(), copies.toString(), "-o", dir.resolve("a.jsonl").toString(),
                "--clusters", dir.resolve("a.clusters").toString(), "--threads", "1"));
        assertEquals(0, Kiln.execute("dedup", "-q", web.toString(), copies.toString(), "-o", dir.resolve("b.jsonl").toString(),
                "--clusters", dir.resolve("b.clusters").toString(), "--threads", "3", "--memory", "100k"));
        assertEquals(-1, Files.mismatch(dir.resolve("a.jsonl"), dir.resolve("b.jsonl")));
        assertEquals(-1, Files.mismatch(dir.resolve("a.clusters"), dir.resolve("b.clusters")));
    }

    @Test
    void badOptionsExitWithCode2() {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        assertEquals(2, Kiln.execute("dedup", web.toString(), "-o", dir.resolve("x.jsonl").toString(), "--threshold", "1.2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("threshold must be in [0.01, 1]: 1.2"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, Kiln.execute("dedup", web.toString(), "-o", dir.resolve("x.jsonl").toString(), "--keep", "oldest"));
        assertEquals(2, Kiln.execute("dedup", web.toString(), "-o", dir.resolve("x.jsonl").toString(), "--bands", "4"));
        assertFalse(Files.exists(dir.resolve("x.jsonl")));
    }
}
