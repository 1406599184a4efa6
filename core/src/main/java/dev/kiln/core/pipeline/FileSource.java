package dev.kiln.core.pipeline;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.FileSequence;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads document files one after another, in the given order, each with the reader its name implies
 * ({@link Formats#reader}). Faulty files follow {@link FileSequence}'s policy: reported as one line naming
 * the file and the last good record, documents read before the fault kept, reading goes on with the next
 * file (in strict mode the fault ends the run); an empty file is a warning.
 */
public final class FileSource implements DocumentSource {

    private final FileSequence<Document> files;
    private final long totalBytes;

    private FileSource(List<Path> files, ReadOptions options, BadRecords bad) throws IOException {
        this.files = new FileSequence<>(files, bad, "documents", (i, f) -> Formats.reader(f, options, bad));
        this.totalBytes = Inputs.totalBytes(files);
    }

    /** A source over {@code files} (already expanded, see {@link Inputs#expand}). */
    public static FileSource of(List<Path> files, ReadOptions options, BadRecords bad) throws IOException {
        return new FileSource(files, options, bad);
    }

    @Override
    public Document next() throws IOException {
        return files.next();
    }

    /** Number of files opened so far. */
    public int filesRead() {
        return files.filesOpened();
    }

    @Override
    public long bytesRead() {
        return files.bytesRead();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
