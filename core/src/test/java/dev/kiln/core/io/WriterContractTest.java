package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract every writer shares through {@link AtomicDocumentWriter}, checked on each format. */
class WriterContractTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"o.jsonl", "o.jsonl.zst", "o.jsonl.gz", "o.parquet", "o.arrow"})
    void commitRenamesAndLaterWritesFail(String name) throws IOException {
        Path target = dir.resolve(name);
        DocumentWriter w = Formats.writer(target);
        w.write(Document.of("1", "one", "t"));
        w.write(Document.of("2", "two", "t"));
        assertEquals(2, w.count());
        assertFalse(Files.exists(target), "nothing under the final name before commit");
        w.commit();
        w.close();
        assertTrue(Files.size(target) > 0, "close after commit keeps the file");
        assertThrows(IllegalStateException.class, () -> w.write(Document.of("3", "three", "t")));
        assertThrows(IllegalStateException.class, w::commit);
        assertEquals(2, readCount(target));
        noTemporaries();
    }

    @ParameterizedTest
    @ValueSource(strings = {"o.jsonl.zst", "o.parquet", "o.arrow"})
    void closeWithoutCommitLeavesNothingAndLaterWritesFail(String name) throws IOException {
        Path target = dir.resolve(name);
        DocumentWriter w = Formats.writer(target);
        w.write(Document.of("1", "one", "t"));
        w.close();
        assertFalse(Files.exists(target));
        assertThrows(IllegalStateException.class, () -> w.write(Document.of("2", "two", "t")));
        noTemporaries();
    }

    private static long readCount(Path p) throws IOException {
        long n = 0;
        try (DocumentReader r = Formats.reader(p, ReadOptions.DEFAULT, new BadRecords(true, s -> { }))) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }

    private void noTemporaries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.toString().endsWith(".kiln-tmp")).count());
        }
    }
}
