package dev.kiln.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Picks the reader or writer for a path from its name: {@code .jsonl}/{@code .json}/{@code .ndjson}
 * (optionally {@code .gz}, {@code .zst}, {@code .bz2}), {@code .parquet}, {@code .arrow}/{@code .arrows}/
 * {@code .feather} (Arrow IPC), {@code .txt} files and directories of text files (one document per file).
 */
public final class Formats {

    /** The formats kiln reads and writes. */
    public enum Format { JSONL, PARQUET, ARROW, TEXT }

    /** Output suffixes accepted by {@link #writer}. */
    public static final List<String> OUTPUT_SUFFIXES = List.of(".jsonl.zst", ".jsonl.gz", ".jsonl", ".parquet", ".arrow");

    private Formats() {
    }

    /** The format of an input path; directories are text collections. */
    public static Format of(Path path) {
        if (Files.isDirectory(path)) {
            return Format.TEXT;
        }
        String n = Compression.strip(path.getFileName().toString()).toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (n.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        if (n.endsWith(".arrow") || n.endsWith(".arrows") || n.endsWith(".feather") || n.endsWith(".ipc")) {
            return Format.ARROW;
        }
        if (n.endsWith(".txt") || n.endsWith(".text") || n.endsWith(".md")) {
            return Format.TEXT;
        }
        throw new IllegalArgumentException(path + ": unknown input format. HINT: name files *.jsonl[.gz|.zst|.bz2], "
                + "*.parquet, *.arrow or *.txt, or pass a directory of text files");
    }

    /** Opens a reader for one input file. */
    public static DocumentReader reader(Path path, ReadOptions options, BadRecords bad) throws IOException {
        return switch (of(path)) {
            case JSONL -> JsonlReader.open(path, options, bad);
            case PARQUET -> ParquetDocumentReader.open(path, options, bad);
            case ARROW -> ArrowDocumentReader.open(path, options, bad);
            case TEXT -> TextDocumentReader.open(path, options, bad);
        };
    }

    /** Fails with a one-line hint unless {@code path} ends with one of {@link #OUTPUT_SUFFIXES}. */
    public static void checkOutput(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (OUTPUT_SUFFIXES.stream().noneMatch(n::endsWith)) {
            throw new IllegalArgumentException(path + ": unknown output format. HINT: end the name with one of " + OUTPUT_SUFFIXES);
        }
    }

    /** Opens a writer for {@code path}; the format comes from its suffix ({@link #OUTPUT_SUFFIXES}). */
    public static DocumentWriter writer(Path path) throws IOException {
        checkOutput(path);
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl.zst") || n.endsWith(".jsonl.gz") || n.endsWith(".jsonl")) {
            return JsonlWriter.open(path);
        }
        if (n.endsWith(".parquet")) {
            return ParquetDocumentWriter.open(path);
        }
        if (n.endsWith(".arrow")) {
            return ArrowDocumentWriter.open(path);
        }
        throw new IllegalArgumentException(path + ": unknown output format. HINT: end the name with one of " + OUTPUT_SUFFIXES);
    }
}
