package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single 200 MB document (UTF-8 bytes of text) streams JSONL → runner → JSONL under the test JVM's
 * {@code -Xmx2g} (parent pom argLine) without running out of memory, and comes out byte-identical.
 * The input is generated in the writer's own canonical form (field order id, text, source; Jackson's
 * escapes), so identical decompressed bytes prove the text went through unchanged; both sides are
 * compared by streaming SHA-256, never held twice. About 5 s on an idle 2-core machine.
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
        try (FileSource src = FileSource.of(List.of(in), ReadOptions.DEFAULT, TestDocs.strict());
             DocumentWriter w = Formats.writer(outFile)) {
            RunStats stats = new PipelineRunner(RunnerOptions.DEFAULT.withThreads(1))
                    .run(src, Pipeline.of(), w::write, null, Progress.Listener.NONE);
            w.commit();
            assertEquals(2, stats.docsWritten());
            assertEquals(repeats * chunk.length() + "after the big one".length(), stats.charsRead());
        }
        assertArrayEquals(sha256(in), sha256(outFile));
    }

    private static byte[] sha256(Path zst) throws IOException {
        try (InputStream in = Compression.ZSTD.decompress(Files.newInputStream(zst))) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
