package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes documents as a zstd-compressed Parquet file with the schema
 * {@code id, text, source: required string; metadata: optional string} where {@code metadata} holds the
 * document's metadata as a JSON object ({@link MetadataJson}), null when it has none. Parquet-MR's
 * example {@code Group} API over a {@link LocalOutputFile}: no Hadoop installation, no Hadoop file system.
 * Dictionary encoding is off for {@code text} (unique values only cost) and on for the other columns.
 * Written to a temporary name and renamed on {@link #commit()} ({@link AtomicFile}).
 */
public final class ParquetDocumentWriter extends AtomicDocumentWriter {

    /** The schema of every kiln-written Parquet file. */
    public static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("text")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("source")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(MetadataJson.COLUMN)
            .named("kiln_document");

    /** Row-group size: bounds the writer's memory (a row group is buffered before it is written). */
    public static final long ROW_GROUP_BYTES = 64L << 20;

    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);

    private ParquetDocumentWriter(Path target) throws IOException {
        super(target);
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file.temp()))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withDictionaryEncoding("text", false)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withExtraMetaData(Map.of(MetadataJson.MARKER_KEY, MetadataJson.MARKER_VALUE))
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /** Opens a writer for {@code target}; nothing appears under that name until {@link #commit()}. */
    public static ParquetDocumentWriter open(Path target) throws IOException {
        return new ParquetDocumentWriter(target);
    }

    @Override
    protected void append(Document doc) throws IOException {
        Group g = groups.newGroup().append("id", doc.id()).append("text", doc.text()).append("source", doc.source());
        String meta = MetadataJson.encode(doc.metadata());
        if (meta != null) {
            g.append(MetadataJson.COLUMN, meta);
        }
        writer.write(g);
    }

    @Override
    protected void finish() throws IOException {
        writer.close();
    }

    @Override
    protected void discard() {
        try {
            writer.close();
        } catch (IOException | RuntimeException ignored) {
            // the temporary file is deleted anyway
        }
    }
}
