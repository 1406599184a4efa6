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
 */
public record ReadOptions(String textField, String idField, String source, List<String> columns) {

    public static final ReadOptions DEFAULT = new ReadOptions("text", "id", null, null);

    public ReadOptions {
        if (textField == null || textField.isBlank()) {
            throw new IllegalArgumentException("text field must be named");
        }
        if (idField == null || idField.isBlank()) {
            throw new IllegalArgumentException("id field must be named");
        }
        columns = columns == null ? null : List.copyOf(columns);
    }

    public ReadOptions withSource(String newSource) {
        return new ReadOptions(textField, idField, newSource, columns);
    }

    public ReadOptions withFields(String newTextField, String newIdField) {
        return new ReadOptions(newTextField, newIdField, source, columns);
    }
}
