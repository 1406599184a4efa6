package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.SampleCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards damaged after {@code kiln prepare} wrote them are refused by every reader ({@code inspect shards},
 * {@code train}, {@code eval}) with one line naming the file and the expected and actual sizes, however
 * many bytes are missing (issue: an even cut used to pass).
 */
class DamagedShardsCliTest {

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void prepare() {
        data = dir.resolve("data");
        Path s = SampleCorpus.dir();
        int rc = Kiln.execute("prepare", "--wikipedia", s.resolve("wiki.jsonl.gz").toString(), "--no-dedup", "--train-tokens", "40000",
                "--val-tokens", "8000", "--vocab-size", "512", "--format", "both", "--tokens-per-shard", "15000", "--threads", "2", "-q",
                "-o", data.toString());
        assertEquals(0, rc);
    }

    /** A copy of the prepared folder. */
    private static Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(data)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(data.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    private static void cut(Path f, long bytes) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(r.length() - bytes);
        }
    }

    /** Runs kiln, returning exit code and standard error. */
    private static String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int rc = Kiln.execute(args);
            return new String[] {Integer.toString(rc), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String train(Path d) {
        String[] r = run("train", "--data", d.toString(), "--model", "tiny", "--steps", "1", "--batch", "1", "--seq", "16",
                "--eval-windows", "1", "--microset-steps", "0", "--threads", "1", "-o", dir.resolve("run-" + d.getFileName()).toString());
        assertEquals("1", r[0], r[1]);
        return r[1];
    }

    private static String inspect(Path d) {
        String[] r = run("inspect", "shards", d.toString());
        assertEquals("1", r[0], r[1]);
        return r[1];
    }

    private static void assertOneLine(String err, String... parts) {
        String line = err.lines().filter(l -> l.contains("error:")).findFirst().orElse("");
        for (String p : parts) {
            assertTrue(line.contains(p), "'" + p + "' in: " + err);
        }
        assertTrue(!err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void theUndamagedFolderIsAccepted() {
        assertEquals("0", run("inspect", "shards", data.toString())[0]);
    }

    @Test
    void trainBinShortByFourBytesIsRefusedByInspectAndTrain() throws IOException {
        Path d = copy("short-train");
        long tokens = Files.size(d.resolve("train.bin")) / 2;
        cut(d.resolve("train.bin"), 4);
        for (String err : new String[] {inspect(d), train(d)}) {
            assertOneLine(err, "train.bin", (tokens - 2) + " tokens", "records " + tokens + " tokens", "data_meta.json");
        }
    }

    @Test
    void valBinShortBy4096BytesIsRefusedByInspectAndTrain() throws IOException {
        Path d = copy("short-val");
        long bytes = Files.size(d.resolve("val.bin"));
        cut(d.resolve("val.bin"), 4096);
        for (String err : new String[] {inspect(d), train(d)}) {
            assertOneLine(err, "val.bin", "(" + (bytes - 4096) + " bytes)", "(" + bytes + " bytes)");
        }
    }

    @Test
    void anIndexMissingItsLastDocumentIsRefused() throws IOException {
        Path d = copy("short-idx");
        long docs = Files.size(d.resolve("train.idx")) / 8;
        cut(d.resolve("train.idx"), 8);
        assertOneLine(inspect(d), "train.idx", (docs - 1) + " document starts", "records " + docs + " documents");
    }

    @Test
    void aMissingGolfShardIsRefusedByTheTokenCount() throws IOException {
        Path d = copy("golf-missing");
        for (String f : new String[] {"train.bin", "train.idx", "val.bin", "val.idx"}) {
            Files.delete(d.resolve(f));
        }
        assertEquals("0", run("inspect", "shards", d.toString())[0], "the golf shards alone are complete");
        Path last;
        try (Stream<Path> s = Files.list(d)) {
            last = s.filter(p -> p.getFileName().toString().matches("fineweb_train_\\d{6}\\.bin")).sorted().toList().getLast();
        }
        Files.delete(last);
        assertOneLine(train(d), "fineweb_train_", "data_meta.json records");
    }
}
