package dev.kiln.wikidata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.wikidata.TestData;
import dev.kiln.wikidata.Triple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln's triple columns in a real Parquet file written by Parquet-MR read the same as the TSV. */
class ParquetTripleReaderTest {

    @TempDir
    Path dir;

    static MessageType schema(List<String> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String c : columns) {
            b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c);
        }
        return b.named("triples");
    }

    /** Writes the rows of {@code tsv} (header skipped) as Parquet; empty fields become nulls. */
    static Path toParquet(Path tsv, Path out, List<String> columns) throws IOException {
        MessageType schema = schema(columns);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(out))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            List<String> lines = Files.readAllLines(tsv);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Group g = groups.newGroup();
                for (int i = 0; i < columns.size(); i++) {
                    if (!f[i].isEmpty()) {
                        g.append(columns.get(i), f[i]);
                    }
                }
                w.write(g);
            }
        }
        return out;
    }

    static List<Triple> readAll(Path f, BadRecords bad) throws IOException {
        List<Triple> out = new ArrayList<>();
        try (TripleReader r = TripleFormat.detect(f).open(f, bad, EntityLabels.empty(), null, null)) {
            Triple t;
            while ((t = r.next()) != null) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void parquetRowsAreTheTsvRows() throws IOException {
        Path tsv = TestData.RES.resolve("slice.tsv");
        Path pq = toParquet(tsv, dir.resolve("slice.parquet"), ParquetTripleReader.COLUMNS);
        assertEquals(TripleFormat.PARQUET, TripleFormat.detect(pq));
        assertEquals(readAll(tsv, BadRecords.lenient()), readAll(pq, BadRecords.lenient()));
    }

    @Test
    void rowsWithoutLabelsAreReportedWithTheirRow() throws IOException {
        Path tsv = dir.resolve("bad.tsv");
        Files.writeString(tsv, "header\nQ188\tGerman\tP218\tISO 639-1 code\tde\tde\nQ188\tGerman\tP37\t\tQ150\tFrench\n"
                + "Q188\t\tP218\tISO 639-1 code\tde\tde\n");
        Path pq = toParquet(tsv, dir.resolve("bad.parquet"), ParquetTripleReader.COLUMNS);
        List<String> log = new ArrayList<>();
        BadRecords bad = new BadRecords(false, log::add);
        assertEquals(1, readAll(pq, bad).size());
        assertEquals(java.util.Map.of("missing_label", 1L, "missing_text", 1L), bad.countsByKind());
        assertTrue(log.get(0).contains("bad.parquet:") && log.get(0).contains("missing label: empty property_label"), log.get(0));
    }

    @Test
    void aFileWithoutTheColumnsFailsWithItsSchema() throws IOException {
        Path pq = toParquet(TestData.RES.resolve("slice.tsv"), dir.resolve("other.parquet"),
                List.of("s", "subject", "p", "predicate", "o", "object"));
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(pq, BadRecords.lenient()));
        assertTrue(e.getMessage().startsWith("other.parquet: ") && e.getMessage().contains("subject_label"), e.getMessage());
    }
}
