package dev.kiln.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Document;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.JsonlReader;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.core.testing.SampleCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineJobTest {

    @TempDir
    Path dir;

    final List<String> log = new ArrayList<>();

    static final Filter LONG_ENOUGH = new Filter() {
        public String name() {
            return "min_100";
        }

        public Decision test(Document d) {
            return d.text().length() >= 100 ? Decision.keep() : Decision.drop("too_short", d.text().length());
        }
    };

    /** The first n lines of the sample web file, gzipped, optionally cut off after {@code keepBytes} compressed bytes. */
    Path gz(String name, int n, int keepBytes) throws IOException {
        byte[] all;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(SampleCorpus.dir().resolve("web.jsonl.gz")))) {
            all = in.readAllBytes();
        }
        String[] lines = new String(all, StandardCharsets.UTF_8).split("\n");
        Path p = dir.resolve(name);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write((String.join("\n", Arrays.copyOf(lines, n)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (keepBytes > 0) {
            byte[] b = Files.readAllBytes(p);
            Files.write(p, Arrays.copyOf(b, keepBytes));
        }
        return p;
    }

    List<Document> readAll(Path p) throws IOException {
        List<Document> out = new ArrayList<>();
        try (JsonlReader r = JsonlReader.open(p, ReadOptions.DEFAULT, new BadRecords(true, s -> { }))) {
            Document d;
            while ((d = r.next()) != null) {
                out.add(d);
            }
        }
        return out;
    }

    PipelineJob job(List<Path> inputs, Path out, Path rejects, boolean strict) {
        return new PipelineJob("test", inputs.stream().map(Path::toString).toList(), ReadOptions.DEFAULT, out, rejects,
                null, strict, RunnerOptions.DEFAULT.withThreads(2), java.util.Map.of("k", 1));
    }

    @Test
    void badInputIsCountedAndReportedWhileEverythingGoodIsKept() throws IOException {
        Path good = gz("a-good.jsonl.gz", 200, 0);
        Path truncated = gz("b-truncated.jsonl.gz", 400, 40_000);
        Path lines = dir.resolve("c-lines.jsonl");
        Files.write(lines, ("{\"text\":\"" + "ok ".repeat(40) + "\",\"id\":\"c1\"}\n"
                + "{\"text\": broken\n"
                + "[1,2,3]\n"
                + "{\"id\":\"no-text\"}\n").getBytes(StandardCharsets.UTF_8));
        byte[] invalid = "{\"text\":\"caf\u00e9 bad byte: X\",\"id\":\"c5\"}\n".getBytes(StandardCharsets.UTF_8);
        invalid[invalid.length - 15] = (byte) 0xC3; // a lone UTF-8 lead byte
        Files.write(lines, invalid, java.nio.file.StandardOpenOption.APPEND);
        Path empty = dir.resolve("d-empty.jsonl");
        Files.write(empty, new byte[0]);
        Path out = dir.resolve("out/kept.jsonl.zst");
        Path rej = dir.resolve("out/rejects.jsonl.gz");

        PipelineJob.Result r = job(List.of(good, truncated, lines, empty), out, rej, false)
                .run(Pipeline.of(LONG_ENOUGH), Progress.Listener.NONE, log::add, null);

        int truncatedDocs = (int) r.stats().docsRead() - 200 - 1;
        assertTrue(truncatedDocs > 10 && truncatedDocs < 400, "docs kept from the truncated file: " + truncatedDocs);
        assertEquals(r.stats().docsWritten(), readAll(out).size());
        assertEquals(r.stats().docsRead() - r.stats().docsWritten(), readAll(rej).size());
        assertEquals(1L, r.badByKind().get("unreadable_file"));
        assertEquals(2L, r.badByKind().get("malformed_json"));
        assertEquals(1L, r.badByKind().get("missing_text"));
        assertEquals(1L, r.badByKind().get("invalid_utf8"));
        assertTrue(log.stream().anyMatch(l -> l.contains("b-truncated.jsonl.gz:") && l.contains("documents read before it are kept")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("c-lines.jsonl:2: malformed json")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("c-lines.jsonl:5: invalid utf8")), log.toString());
        assertTrue(log.stream().allMatch(l -> l.lines().count() == 1), "one line per problem");

        JsonNode meta = Configs.JSON.readTree(r.metadataPath().toFile());
        assertEquals(5, meta.at("/input/bad_records").asInt());
        assertEquals(r.stats().docsWritten(), meta.at("/pipeline/docs_written").asLong());
        assertEquals("too_short", meta.at("/pipeline/stages/0/dropped_by_reason").fieldNames().next());
        assertEquals(4, meta.at("/inputs").size());
        assertTrue(meta.at("/outputs/0/bytes").asLong() > 0);
        assertEquals(1, meta.at("/config/k").asInt());
        noTempFiles();
    }

    @Test
    void strictModeFailsOnTheFirstBadRecordAndLeavesNoOutput() throws IOException {
        Path good = gz("a-good.jsonl.gz", 50, 0);
        Path lines = dir.resolve("b.jsonl");
        Files.writeString(lines, "{\"text\":\"fine text\"}\nnot json\n");
        Path out = dir.resolve("out/kept.jsonl.zst");
        BadInputException e = assertThrows(BadInputException.class, () -> job(List.of(good, lines), out, null, true)
                .run(Pipeline.of(LONG_ENOUGH), Progress.Listener.NONE, log::add, null));
        assertTrue(e.getMessage().startsWith("b.jsonl:2: malformed json"), e.getMessage());
        assertFalse(Files.exists(out), "no finished-looking output after a failed run");
        assertFalse(Files.exists(dir.resolve("out/kept.jsonl.zst.meta.json")));
        noTempFiles();
    }

    @Test
    void emptyInputGivesEmptyOutputAndAWarning() throws IOException {
        Path empty = dir.resolve("empty.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(empty))) {
            o.flush();
        }
        Path out = dir.resolve("out.jsonl");
        PipelineJob.Result r = job(List.of(empty), out, null, false).run(Pipeline.of(), Progress.Listener.NONE, log::add, null);
        assertEquals(0, r.stats().docsRead());
        assertTrue(Files.exists(out));
        assertEquals(0, Files.size(out));
    }

    @Test
    void unknownInputIsAClearError() {
        BadInputException e = assertThrows(BadInputException.class, () -> job(List.of(dir.resolve("nope.jsonl")),
                dir.resolve("o.jsonl"), null, false).run(Pipeline.of(), Progress.Listener.NONE, log::add, null));
        assertTrue(e.getMessage().contains("nope.jsonl: no such input"), e.getMessage());
    }

    void noTempFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".kiln-tmp")).toList());
        }
    }
}
