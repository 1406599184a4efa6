package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextDocumentReaderTest {

    @TempDir
    Path dir;

    @Test
    void directoryIsOneDocumentPerTextFileSortedAndRecursive() throws IOException {
        Path books = Files.createDirectories(dir.resolve("books"));
        Files.createDirectories(books.resolve("sub"));
        Files.writeString(books.resolve("b.txt"), "second\n");
        Files.writeString(books.resolve("a.txt"), "first\r\nline two\r\n");
        Files.writeString(books.resolve("sub/c.md"), "# third");
        Files.write(books.resolve("bom.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "\uFEFFbom kept once".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(books.resolve("image.png"), "not text");
        Files.writeString(books.resolve(".hidden.txt"), "hidden");
        Files.write(books.resolve("latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(books.resolve("empty.txt"), "");

        List<String> log = new ArrayList<>();
        BadRecords bad = TestDocs.collecting(log);
        List<Document> docs = TestDocs.read(books, ReadOptions.DEFAULT.withSource("gutenberg"), bad);
        assertEquals(List.of(
                Document.of("a.txt", "first\r\nline two\r\n", "gutenberg"),
                Document.of("b.txt", "second\n", "gutenberg"),
                Document.of("bom.txt", "\uFEFFbom kept once", "gutenberg"),
                Document.of("sub/c.md", "# third", "gutenberg")), docs);
        assertEquals(List.of("WARN books/empty.txt: empty text file, no document",
                "WARN books/latin1.txt: invalid utf8: file is not valid UTF-8 (first bad byte at offset 3)"), log);
        assertEquals(1, bad.total());
        assertEquals(1, bad.warnings());
    }

    @Test
    void singleFileIsOneDocumentNamedByFileName() throws IOException {
        Path f = dir.resolve("kjv.txt");
        Files.writeString(f, "In the beginning\r\n");
        assertEquals(List.of(Document.of("kjv.txt", "In the beginning\r\n", "")), TestDocs.read(f));
    }

    @Test
    void bundledGutenbergBooksAreReadExactly() throws IOException {
        Path gutenberg = Path.of("..", "sample", "gutenberg");
        List<Document> docs = TestDocs.read(gutenberg);
        assertEquals(List.of("bierce-devils-dictionary.txt", "kjv-genesis.txt", "scofield-reference-notes.txt"),
                docs.stream().map(Document::id).toList());
        Document kjv = docs.get(1);
        assertTrue(kjv.text().contains("\r\n"), "CRLF is kept as stored");
        assertEquals(Files.readString(gutenberg.resolve("kjv-genesis.txt")), kjv.text());
    }

    @Test
    void invalidUtf8IsFatalInStrictMode() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.write(f, new byte[] {'o', 'k', (byte) 0xC3, '('});
        BadInputException e = assertThrows(BadInputException.class, () -> TestDocs.read(f));
        assertEquals("bad.txt: invalid utf8: file is not valid UTF-8 (first bad byte at offset 2) (--strict)", e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
