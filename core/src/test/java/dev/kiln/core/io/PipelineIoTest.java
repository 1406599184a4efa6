package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Readers and writers driven by the pipeline runner, as {@code kiln convert} drives them. */
class PipelineIoTest {

    @TempDir
    Path dir;

    static RunStats convert(List<Path> inputs, Path output, BadRecords bad) throws IOException {
        try (FileSource src = FileSource.of(inputs, ReadOptions.DEFAULT, bad); DocumentWriter w = Formats.writer(output)) {
            RunStats stats = new PipelineRunner(RunnerOptions.DEFAULT.withThreads(2))
                    .run(src, Pipeline.of(), w::write, null, Progress.Listener.NONE);
            w.commit();
            return stats;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.jsonl", "empty.jsonl.gz", "empty.jsonl.zst", "empty.parquet", "empty.arrow", "emptydir"})
    void emptyInputGivesAnEmptyOutputAndAWarning(String name) throws IOException {
        Path in = dir.resolve(name);
        if (name.equals("emptydir")) {
            Files.createDirectories(in);
        } else {
            Files.write(in, new byte[0]);
        }
        for (String outName : List.of("out.jsonl.zst", "out.parquet", "out.arrow")) {
            Path out = dir.resolve(outName);
            String err = captureStderr(() -> {
                RunStats stats = convert(List.of(in), out, BadRecords.lenient());
                assertEquals(0, stats.docsRead());
            });
            assertTrue(err.contains("WARN") && err.contains(name) && err.contains("no documents"), err);
            assertTrue(Files.exists(out), "an empty but valid output is written");
            assertEquals(List.of(), TestDocs.read(out));
        }
    }

    @Test
    void truncatedFileKeepsItsDocumentsAndTheRunGoesOnWithTheNextFile() throws IOException {
        List<Document> first = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            first.add(Document.of("a" + i, "text " + i + " of the first file, padded a little", "web"));
        }
        Path full = dir.resolve("a.jsonl.zst");
        TestDocs.write(full, first);
        byte[] b = Files.readAllBytes(full);
        Files.write(full, Arrays.copyOf(b, b.length / 2));
        Path second = dir.resolve("b.parquet");
        TestDocs.write(second, List.of(Document.of("b0", "second file", "wiki")));

        List<String> log = new ArrayList<>();
        BadRecords bad = TestDocs.collecting(log);
        Path out = dir.resolve("out.arrow");
        RunStats stats = convert(List.of(full, second), out, bad);
        List<Document> got = TestDocs.read(out);
        int kept = got.size() - 1;
        assertTrue(kept > 100 && kept < 5000, "a prefix of the truncated file was kept: " + kept);
        assertEquals(first.subList(0, kept), got.subList(0, kept));
        assertEquals(Document.of("b0", "second file", "wiki"), got.get(kept));
        assertEquals(got.size(), stats.docsWritten());
        assertEquals(1, bad.countsByKind().get("unreadable_file"));
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("a.jsonl.zst:" + (kept + 1) + ": zstd stream is truncated or corrupt"), log.get(0));
    }

    @Test
    void strictModeStopsTheRunAtTheFirstBadRecordAndWritesNothing() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"text\":\"ok\"}\n{\"text\":\"ok too\"}\nnot json\n{\"text\":\"after\"}\n");
        Path out = dir.resolve("out.jsonl");
        BadInputException e = assertThrows(BadInputException.class, () -> convert(List.of(in), out, TestDocs.strict()));
        assertTrue(e.getMessage().startsWith("in.jsonl:3: malformed json"), e.getMessage());
        assertTrue(!Files.exists(out), "no output under the final name after a failed run");
    }

    interface IoBlock {
        void run() throws IOException;
    }

    static String captureStderr(IoBlock block) throws IOException {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            block.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
