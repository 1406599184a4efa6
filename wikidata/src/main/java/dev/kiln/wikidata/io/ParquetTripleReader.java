package dev.kiln.wikidata.io;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.ParquetDocumentReader;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.wikidata.Triple;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads kiln's labeled triples from Parquet: the six string columns of {@link KilnTsvReader}
 * ({@code subject_id, subject_label, property_id, property_label, object_id_or_value, object_label}),
 * through core's {@link ParquetDocumentReader} (column projection, one row group at a time). A null
 * column is an empty field, so the same rules as for TSV rows apply; a null {@code subject_label} is
 * reported by the core reader as {@code missing_text}. A file without a {@code subject_label} string
 * column fails at open with a line naming the file and its schema.
 */
public final class ParquetTripleReader implements TripleReader {

    /** The columns read, in row order. */
    public static final List<String> COLUMNS = List.of("subject_id", "subject_label", "property_id", "property_label",
            "object_id_or_value", "object_label");

    /** No id column: every column, subject_id included, is read as metadata. */
    private static final ReadOptions OPTIONS = new ReadOptions("subject_label", "kiln.no.id.column", null, COLUMNS);

    private final ParquetDocumentReader rows;
    private final BadRecords bad;
    private final String[] f = new String[6];

    private ParquetTripleReader(ParquetDocumentReader rows, BadRecords bad) {
        this.rows = rows;
        this.bad = bad;
    }

    /** Opens {@code file}. */
    public static ParquetTripleReader open(Path file, BadRecords bad) throws IOException {
        return new ParquetTripleReader(ParquetDocumentReader.open(file, OPTIONS, bad), bad);
    }

    @Override
    public Triple next() throws IOException {
        Document d;
        while ((d = rows.next()) != null) {
            for (int i = 0; i < 6; i++) {
                Object v = i == 1 ? d.text() : d.metadata().get(COLUMNS.get(i));
                f[i] = v == null ? "" : v.toString();
            }
            Triple t = KilnTsvReader.toTriple(f, position(), bad);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    @Override
    public long bytesRead() {
        return rows.bytesRead();
    }

    @Override
    public String position() {
        return rows.position();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
