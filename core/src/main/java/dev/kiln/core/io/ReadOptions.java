package dev.kiln.core.io;

import java.util.List;

/**
 * How documents are read from a file.
 *
 * @param textField field (JSONL) or column (Parquet/Arrow) holding the text; default {@code text}
 * @param idField field holding the id; default {@code id}. Records without one get {@code file:line}
 * @param source corpus name to stamp on every document; null keeps the record's {@code source} field
 *        (or the empty string)
 * @param columns for columnar formats, the columns to read besides text and id (null = all)
 * @param maxRecordBytes the largest record read, in bytes: a longer JSONL line or a larger text file is
 *        reported as {@code record_too_large} with its position and skipped, without being held in memory
 *        (a 1 GB line, e.g. from a gzip bomb, would otherwise exhaust the heap); default
 *        {@link #DEFAULT_MAX_RECORD_BYTES}
 */
public record ReadOptions(String textField, String idField, String source, List<String> columns, long maxRecordBytes) {

    /** 64 MiB: far above any real web page or book, far below a default heap. */
    public static final long DEFAULT_MAX_RECORD_BYTES = 64L << 20;

    public static final ReadOptions DEFAULT = new ReadOptions("text", "id", null, null);

    public ReadOptions {
        if (textField == null || textField.isBlank()) {
            throw new IllegalArgumentException("text field must be named");
        }
        if (idField == null || idField.isBlank()) {
            throw new IllegalArgumentException("id field must be named");
        }
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("max_record_bytes must be at least 1: " + maxRecordBytes);
        }
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** Options with the default record limit. */
    public ReadOptions(String textField, String idField, String source, List<String> columns) {
        this(textField, idField, source, columns, DEFAULT_MAX_RECORD_BYTES);
    }

    public ReadOptions withSource(String newSource) {
        return new ReadOptions(textField, idField, newSource, columns, maxRecordBytes);
    }

    public ReadOptions withFields(String newTextField, String newIdField) {
        return new ReadOptions(newTextField, newIdField, source, columns, maxRecordBytes);
    }

    public ReadOptions withMaxRecordBytes(long max) {
        return new ReadOptions(textField, idField, source, columns, max);
    }
}
