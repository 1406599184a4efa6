package dev.kiln.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the records of several files one after another with kiln's policy for faulty input, so every
 * source applies it the same way: a file that cannot be opened, or that fails part-way (truncated
 * gzip/zstd, wrong Parquet schema), is reported as one line naming the file and the last good record, the
 * records read before the fault are kept, and reading goes on with the next file; in strict mode the fault
 * ends the run. An input with no records is a warning. An input that had problems and gave not one good record
 * (a binary file named .jsonl, a Parquet file without the text column) fails the run unless the
 * {@link BadRecords} allow empty inputs ({@link BadRecords#inputFailed}). Not thread-safe.
 *
 * @param <T> the record type
 */
public final class FileSequence<T> implements Closeable {

    /** Opens the reader of the file at {@code index}. */
    @FunctionalInterface
    public interface Opener<T> {
        RecordReader<T> open(int index, Path file) throws IOException;
    }

    private final List<Path> files;
    private final BadRecords bad;
    private final String noun;
    private final Opener<T> opener;
    private int index = -1;
    private volatile RecordReader<T> current;
    private long inCurrent;
    private long badAtStart;
    private volatile long bytesDone;
    private int opened;

    /**
     * @param files the inputs, in reading order
     * @param bad where faults are reported (and whether they are fatal)
     * @param noun what the records are called in messages ({@code documents}, {@code triples})
     * @param opener opens one file
     */
    public FileSequence(List<Path> files, BadRecords bad, String noun, Opener<T> opener) {
        this.files = List.copyOf(files);
        this.bad = bad;
        this.noun = noun;
        this.opener = opener;
    }

    /** The next record of the remaining files, or {@code null} when all are read. */
    public T next() throws IOException {
        while (true) {
            if (current == null && !openNext()) {
                return null;
            }
            T record;
            try {
                record = current.next();
            } catch (IOException | RuntimeException e) {
                String line = failureLine(e);
                if (bad.strict()) {
                    throw e instanceof BadInputException b ? b : new BadInputException(line, e);
                }
                bad.report(files.get(index).toString(), "unreadable_file", line);
                finishCurrent();
                checkYielded(files.get(index));
                continue;
            }
            if (record != null) {
                inCurrent++;
                return record;
            }
            finishCurrent();
            if (inCurrent == 0 && bad.total() == badAtStart) {
                bad.warn(files.get(index).toString(), "no " + noun + " in this input");
            }
            checkYielded(files.get(index));
        }
    }

    private boolean openNext() throws IOException {
        while (++index < files.size()) {
            Path f = files.get(index);
            inCurrent = 0;
            badAtStart = bad.total();
            try {
                current = opener.open(index, f);
                opened++;
                return true;
            } catch (IOException e) {
                if (bad.strict()) {
                    throw e instanceof BadInputException b ? b : new BadInputException(FileErrors.line(f, e), e);
                }
                bad.report(f.toString(), "unreadable_file", e instanceof BadInputException ? e.getMessage() : FileErrors.describe(e));
                checkYielded(f);
            }
        }
        return false;
    }

    /** A file that gave problems and not one record is a failed input ({@link BadRecords#inputFailed}). */
    private void checkYielded(Path f) throws BadInputException {
        long problems = bad.total() - badAtStart;
        if (inCurrent == 0 && problems > 0) {
            bad.inputFailed(f.toString(), noun, problems);
        }
    }

    private String failureLine(Exception e) {
        String msg = e instanceof IOException io && !(e instanceof BadInputException) ? FileErrors.describe(io)
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "input ends early after " + current.position() + " (" + msg + "); the " + inCurrent + " " + noun
                + " read before it are kept";
    }

    private void finishCurrent() {
        bytesDone += current.bytesRead();
        try {
            current.close();
        } catch (IOException ignored) {
            // a truncated stream may fail again on close; its fault is already reported
        }
        current = null;
    }

    /** Number of files opened so far. */
    public int filesOpened() {
        return opened;
    }

    /** Input bytes consumed so far, over all files. */
    public long bytesRead() {
        RecordReader<T> c = current;
        return bytesDone + (c == null ? 0 : c.bytesRead());
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
