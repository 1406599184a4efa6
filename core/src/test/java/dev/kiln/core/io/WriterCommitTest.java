package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear under their final name only when committed (AtomicFile). */
class WriterCommitTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"o.jsonl", "o.jsonl.gz", "o.jsonl.zst", "o.parquet", "o.arrow"})
    void closedWithoutCommitLeavesNoFileAtAll(String name) throws IOException {
        Path target = dir.resolve("sub").resolve(name);
        try (DocumentWriter w = Formats.writer(target)) {
            for (Document d : TestDocs.tricky()) {
                w.write(d);
            }
            assertFalse(Files.exists(target), "nothing under the final name while writing");
        }
        assertFalse(Files.exists(target));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(), s.toList(), "the temporary file is deleted too");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o.jsonl.zst", "o.parquet", "o.arrow"})
    void aFailedRunKeepsTheOlderCompleteOutput(String name) throws IOException {
        Path target = dir.resolve(name);
        List<Document> old = List.of(Document.of("old", "previous run", "x"));
        TestDocs.write(target, old);
        assertThrows(IllegalStateException.class, () -> {
            try (DocumentWriter w = Formats.writer(target)) {
                w.write(Document.of("new", "half-done run", "x"));
                throw new IllegalStateException("the run fails before commit");
            }
        });
        assertEquals(old, TestDocs.read(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o.jsonl", "o.parquet", "o.arrow"})
    void writesAfterCommitAreErrors(String name) throws IOException {
        try (DocumentWriter w = Formats.writer(dir.resolve(name))) {
            w.write(Document.of("a", "b", "c"));
            w.commit();
            assertEquals(1, w.count());
            assertThrows(IllegalStateException.class, () -> w.write(Document.of("x", "y", "z")));
        }
        assertEquals(1, TestDocs.read(dir.resolve(name)).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"o.txt", "o.csv", "o.jsonl.bz3"})
    void unknownOutputSuffixIsRejectedWithAHint(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formats.writer(dir.resolve(name)));
        assertEquals(true, e.getMessage().contains("HINT"));
    }
}
