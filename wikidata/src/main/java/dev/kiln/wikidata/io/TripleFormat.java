package dev.kiln.wikidata.io;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Compression;
import dev.kiln.wikidata.PropertyTable;
import dev.kiln.wikidata.TripleStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The triple input formats and how each is recognised: {@code .json}/{@code .jsonl}/{@code .ndjson} are
 * entity dumps; {@code .parquet} files kiln's six columns; {@code .tsv}/{@code .txt} files are kiln's
 * six-column TSV when their first line is the header (or has six fields), else Loka's three-column lines.
 * Text formats may end in {@code .gz}, {@code .bz2} or {@code .zst}.
 */
public enum TripleFormat {
    /** {@code subject TAB predicate TAB object}, labels only. */
    LOKA_TSV,
    /** {@code subject_id, subject_label, property_id, property_label, object_id_or_value, object_label}. */
    KILN_TSV,
    /** Wikidata JSON entity dump, one entity per line. */
    ENTITY_JSON,
    /** kiln's six columns in a Parquet file. */
    PARQUET;

    /** The format of {@code file}, peeking at its first line for TSV files. */
    public static TripleFormat detect(Path file) throws IOException {
        String n = Compression.strip(file.getFileName().toString()).toLowerCase(Locale.ROOT);
        if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return ENTITY_JSON;
        }
        if (n.endsWith(".parquet")) {
            return PARQUET;
        }
        if (n.endsWith(".tsv") || n.endsWith(".txt") || n.endsWith(".tab")) {
            try (LineReader r = new LineReader(file, new BadRecords(false, line -> { }))) {
                String first = r.next();
                if (first != null && (first.startsWith("subject_id\t") || first.split("\t", -1).length == 6)) {
                    return KILN_TSV;
                }
            }
            return LOKA_TSV;
        }
        throw new IllegalArgumentException(file + ": unknown triple format. HINT: name files *.tsv or *.txt "
                + "(Loka or kiln TSV), *.parquet (kiln columns) or *.json (Wikidata entity dump), optionally .gz/.bz2/.zst");
    }

    /** Opens a reader of this format. {@code labels} and {@code stats} are used by entity dumps only. */
    public TripleReader open(Path file, BadRecords bad, EntityLabels labels, PropertyTable table, TripleStats stats)
            throws IOException {
        return switch (this) {
            case LOKA_TSV -> LokaTsvReader.open(file, bad);
            case KILN_TSV -> KilnTsvReader.open(file, bad);
            case ENTITY_JSON -> EntityDumpReader.open(file, bad, labels, table, stats);
            case PARQUET -> ParquetTripleReader.open(file, bad);
        };
    }
}
