package dev.kiln.core.pipeline;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentReader;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads input files one after another, in the given order. A file that fails part-way (truncated
 * gzip/zstd, wrong Parquet schema, unreadable) is reported as one line naming the file and the last good
 * record; the documents read before the fault are kept and reading goes on with the next file (in strict
 * mode the fault ends the run). An empty file gives no documents and a warning.
 */
public final class FileSource implements DocumentSource {

    private final List<Path> files;
    private final ReadOptions options;
    private final BadRecords bad;
    private final long totalBytes;
    private int index = -1;
    private DocumentReader current;
    private long docsInCurrent;
    private long bytesDone;
    private int filesRead;

    private FileSource(List<Path> files, ReadOptions options, BadRecords bad) throws IOException {
        this.files = List.copyOf(files);
        this.options = options;
        this.bad = bad;
        this.totalBytes = Inputs.totalBytes(files);
    }

    /** A source over {@code files} (already expanded, see {@link Inputs#expand}). */
    public static FileSource of(List<Path> files, ReadOptions options, BadRecords bad) throws IOException {
        return new FileSource(files, options, bad);
    }

    @Override
    public Document next() throws IOException {
        while (true) {
            if (current == null && !openNext()) {
                return null;
            }
            Document d;
            try {
                d = current.next();
            } catch (BadInputException e) {
                if (bad.strict()) {
                    throw e;
                }
                fileFailed(e);
                continue;
            } catch (IOException | RuntimeException e) {
                if (bad.strict()) {
                    throw new BadInputException(failureLine(e), e);
                }
                fileFailed(e);
                continue;
            }
            if (d != null) {
                docsInCurrent++;
                return d;
            }
            if (docsInCurrent == 0) {
                System.err.println("WARN " + files.get(index) + ": no documents in this input");
            }
            finishCurrent();
        }
    }

    private boolean openNext() throws IOException {
        while (++index < files.size()) {
            Path f = files.get(index);
            try {
                current = Formats.reader(f, options, bad);
                docsInCurrent = 0;
                filesRead++;
                return true;
            } catch (BadInputException e) {
                if (bad.strict()) {
                    throw e;
                }
                bad.report(f.toString(), "unreadable_file", e.getMessage());
            }
        }
        return false;
    }

    private void fileFailed(Exception e) throws IOException {
        bad.report(files.get(index).toString(), "unreadable_file", failureLine(e));
        finishCurrent();
    }

    private String failureLine(Exception e) {
        String where = current == null ? files.get(index).toString() : current.position();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "input ends early after " + where + " (" + msg + "); the " + docsInCurrent
                + " documents read before it are kept";
    }

    private void finishCurrent() throws IOException {
        bytesDone += current.bytesRead();
        try {
            current.close();
        } catch (IOException ignored) {
            // a truncated stream may fail again on close; its fault is already reported
        }
        current = null;
    }

    /** Number of files opened so far. */
    public int filesRead() {
        return filesRead;
    }

    @Override
    public long bytesRead() {
        DocumentReader c = current;
        return bytesDone + (c == null ? 0 : c.bytesRead());
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
