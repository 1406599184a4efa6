package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads plain-text files as whole documents (Project Gutenberg books, wiki dumps split into files): a
 * text file is one document; a directory is one document per text file in it ({@link #TEXT_SUFFIXES},
 * recursively, hidden files skipped, sorted by relative path so the order never depends on the file
 * system).
 *
 * <p>The text is kept exactly as stored, except that a leading UTF-8 byte-order mark is removed: line
 * endings (LF or CRLF) are not normalised, so converting a book and back gives identical bytes and
 * cleaning stages see what the file had. A file that is not valid UTF-8 is reported as a bad record
 * ({@code invalid_utf8}, naming the file and the byte offset) and skipped; an empty file gives no
 * document and a warning. The id is the path relative to the directory given (the file name for a single
 * file, {@code sub/book.txt} inside a directory); the source is {@link ReadOptions#source()} or empty.
 *
 * <p><b>NOTE:</b> each file is read whole into memory: a document is one string. A file larger than
 * {@link ReadOptions#maxRecordBytes()} is reported as {@code record_too_large} and skipped.
 */
public final class TextDocumentReader implements DocumentReader {

    /** File-name endings read as text inside a directory. */
    public static final List<String> TEXT_SUFFIXES = List.of(".txt", ".text", ".md");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path base;
    private final List<Path> files;
    private final ReadOptions options;
    private final BadRecords bad;
    private final String label;
    private final boolean directory;
    private int index = -1;
    private long bytesRead;

    private TextDocumentReader(Path path, ReadOptions options, BadRecords bad) throws IOException {
        this.options = options;
        this.bad = bad;
        this.directory = Files.isDirectory(path);
        if (directory) {
            this.base = path;
            this.label = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            try (Stream<Path> s = Files.walk(path)) {
                this.files = s.filter(Files::isRegularFile)
                        .filter(f -> isText(path.relativize(f)))
                        .map(path::relativize)
                        .sorted()
                        .toList();
            } catch (UncheckedIOException e) {
                throw new BadInputException(path + ": cannot list directory (" + FileErrors.describe(e.getCause()) + ")", e);
            }
        } else {
            this.base = path.toAbsolutePath().getParent();
            this.label = path.getFileName().toString();
            this.files = List.of(path.getFileName());
        }
    }

    /** Opens a text file or a directory of text files. */
    public static TextDocumentReader open(Path path, ReadOptions options, BadRecords bad) throws IOException {
        return new TextDocumentReader(path, options, bad);
    }

    /** Whether a file at {@code relative} (to the directory given) is read as a document: a text suffix, no hidden part. */
    public static boolean isText(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String n = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        return TEXT_SUFFIXES.stream().anyMatch(n::endsWith);
    }

    @Override
    public Document next() throws IOException {
        while (++index < files.size()) {
            Path rel = files.get(index);
            byte[] bytes;
            try {
                long size = Files.size(base.resolve(rel));
                if (size > options.maxRecordBytes()) {
                    bytesRead += size;
                    bad.report(position(), "record_too_large", String.format(Locale.ROOT,
                            "file of %,d bytes is over the limit of %,d (--max-record-bytes); skipped", size, options.maxRecordBytes()));
                    continue;
                }
                bytes = Files.readAllBytes(base.resolve(rel));
            } catch (IOException e) {
                bad.report(position(), "unreadable_file", FileErrors.describe(e));
                continue;
            }
            bytesRead += bytes.length;
            int start = startsWithBom(bytes) ? BOM.length : 0;
            if (bytes.length == start) {
                bad.warn(position(), "empty text file, no document");
                continue;
            }
            int badAt = Utf8.firstInvalid(bytes, start, bytes.length - start);
            if (badAt >= 0) {
                bad.report(position(), "invalid_utf8", "file is not valid UTF-8 (first bad byte at offset " + badAt + ")");
                continue;
            }
            String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            String id = rel.toString().replace('\\', '/');
            return new Document(id, text, options.source() != null ? options.source() : "", null);
        }
        return null;
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
    }

    /** Files this reader will read, relative to the directory (or the file name alone). */
    public List<Path> files() {
        return files;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public String position() {
        if (index < 0 || index >= files.size()) {
            return label;
        }
        return directory ? label + "/" + files.get(index).toString().replace('\\', '/') : label;
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "TextDocumentReader[" + label + "]";
    }
}
