package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.pipeline.FileSource;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single 200 MB document (UTF-8 bytes of text) streams JSONL → runner → JSONL under the test JVM's
 * {@code -Xmx2g} (parent pom argLine) without running out of memory, and comes out byte-identical, when
 * the record limit ({@link ReadOptions#maxRecordBytes()}, 64 MiB by default) is raised to allow it.
 * The input is generated in the writer's own canonical form (field order id, text, source; Jackson's
 * escapes), so identical decompressed bytes prove the text went through unchanged; both sides are
 * compared by streaming both, never held twice. Costs about 10 CPU-seconds (7 user, 3.5 system for page
 * zeroing), 1.7 GB peak RSS; 20-35 s wall on the shared 2-core machine at load 12-16.
 */
class LargeDocumentTest {

    static final long TARGET_BYTES = 200L << 20;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabyteDocumentStreamsThroughTheRunner() throws IOException {
        // text mixes ASCII, escapes, Latin-1, CJK and an astral emoji
        String chunk = "Ein Absatz über 東京 und \"Zitate\", Tabs\tund Zeilen\n mit 🚀 – ".repeat(16);
        String escaped = chunk.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
        byte[] escapedBytes = escaped.getBytes(StandardCharsets.UTF_8);
        long repeats = TARGET_BYTES / chunk.getBytes(StandardCharsets.UTF_8).length + 1;
        Path in = dir.resolve("big.jsonl.zst");
        try (OutputStream out = Compression.ZSTD.compress(Files.newOutputStream(in))) {
            out.write("{\"id\":\"big\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            for (long r = 0; r < repeats; r++) {
                out.write(escapedBytes);
            }
            out.write("\",\"source\":\"stress\"}\n{\"id\":\"small\",\"text\":\"after the big one\",\"source\":\"\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }

        Path outFile = dir.resolve("out.jsonl.zst");
        // above the default record limit (64 MiB) on purpose: a document this large must be asked for
        try (FileSource src = FileSource.of(List.of(in), ReadOptions.DEFAULT.withMaxRecordBytes(1L << 30), TestDocs.strict());
             DocumentWriter w = Formats.writer(outFile)) {
            RunStats stats = new PipelineRunner(RunnerOptions.DEFAULT.withThreads(1))
                    .run(src, Pipeline.of(), w::write, null, Progress.Listener.NONE);
            w.commit();
            assertEquals(2, stats.docsWritten());
            assertEquals(repeats * chunk.length() + "after the big one".length(), stats.charsRead());
        }
        assertEquals(-1, firstDifference(in, outFile), "decompressed output differs from the input at this byte");
    }

    /** Offset of the first differing decompressed byte of two .zst files, or -1 when equal; streams both. */
    private static long firstDifference(Path a, Path b) throws IOException {
        try (InputStream x = Compression.ZSTD.decompress(Files.newInputStream(a));
             InputStream y = Compression.ZSTD.decompress(Files.newInputStream(b))) {
            byte[] bx = new byte[1 << 16];
            byte[] by = new byte[1 << 16];
            long offset = 0;
            while (true) {
                int nx = x.readNBytes(bx, 0, bx.length);
                int ny = y.readNBytes(by, 0, by.length);
                int m = java.util.Arrays.mismatch(bx, 0, nx, by, 0, ny);
                if (m >= 0) {
                    return offset + m;
                }
                if (nx == 0) {
                    return -1;
                }
                offset += nx;
            }
        }
    }
}
