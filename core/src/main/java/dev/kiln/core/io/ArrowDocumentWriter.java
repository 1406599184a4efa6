package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes documents as an Arrow IPC file (the random-access "file" format, {@code ARROW1} magic) with
 * zstd-compressed record batches (arrow-compression). Same columns as {@link ParquetDocumentWriter}:
 * {@code id, text, source} (non-null utf8) and {@code metadata} (nullable utf8, a JSON object), with the
 * schema-level key {@value MetadataJson#MARKER_KEY} = {@value MetadataJson#MARKER_VALUE}.
 *
 * <p>Documents are buffered into a batch of at most {@link #BATCH_DOCS} documents or
 * {@link #BATCH_BYTES} bytes of UTF-8 text (a larger single document is a batch of its own), so memory
 * stays bounded. Written to a temporary name and renamed on {@link #commit()} ({@link AtomicFile}).
 */
public final class ArrowDocumentWriter extends AtomicDocumentWriter {

    /** Most documents per record batch. */
    public static final int BATCH_DOCS = 4096;
    /** Most text bytes per record batch (before compression). */
    public static final long BATCH_BYTES = 32L << 20;
    /** zstd level of the batch buffers. */
    public static final int ZSTD_LEVEL = 3;

    static final Schema SCHEMA = new Schema(List.of(
            new Field("id", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
            new Field("text", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
            new Field("source", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
            new Field(MetadataJson.COLUMN, FieldType.nullable(ArrowType.Utf8.INSTANCE), null)),
            Map.of(MetadataJson.MARKER_KEY, MetadataJson.MARKER_VALUE));

    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final VarCharVector id;
    private final VarCharVector text;
    private final VarCharVector source;
    private final VarCharVector metadata;
    private final OutputStream out;
    private final ArrowFileWriter writer;
    private int rows;
    private long batchBytes;

    private ArrowDocumentWriter(Path target) throws IOException {
        super(target);
        this.allocator = new RootAllocator();
        this.root = VectorSchemaRoot.create(SCHEMA, allocator);
        this.id = (VarCharVector) root.getVector("id");
        this.text = (VarCharVector) root.getVector("text");
        this.source = (VarCharVector) root.getVector("source");
        this.metadata = (VarCharVector) root.getVector(MetadataJson.COLUMN);
        this.out = file.openStream();
        this.writer = new ArrowFileWriter(root, null, Channels.newChannel(out), Map.of(), IpcOption.DEFAULT,
                CommonsCompressionFactory.INSTANCE, CompressionUtil.CodecType.ZSTD, Optional.of(ZSTD_LEVEL));
        writer.start();
        root.allocateNew();
    }

    /** Opens a writer for {@code target}; nothing appears under that name until {@link #commit()}. */
    public static ArrowDocumentWriter open(Path target) throws IOException {
        return new ArrowDocumentWriter(target);
    }

    @Override
    protected void append(Document doc) throws IOException {
        byte[] t = doc.text().getBytes(StandardCharsets.UTF_8);
        if (rows > 0 && batchBytes + t.length > BATCH_BYTES) {
            flushBatch();
        }
        id.setSafe(rows, doc.id().getBytes(StandardCharsets.UTF_8));
        text.setSafe(rows, t);
        source.setSafe(rows, doc.source().getBytes(StandardCharsets.UTF_8));
        String meta = MetadataJson.encode(doc.metadata());
        if (meta == null) {
            metadata.setNull(rows);
        } else {
            metadata.setSafe(rows, meta.getBytes(StandardCharsets.UTF_8));
        }
        rows++;
        batchBytes += t.length;
        if (rows == BATCH_DOCS) {
            flushBatch();
        }
    }

    private void flushBatch() throws IOException {
        root.setRowCount(rows);
        writer.writeBatch();
        root.allocateNew();
        rows = 0;
        batchBytes = 0;
    }

    @Override
    protected void finish() throws IOException {
        if (rows > 0) {
            flushBatch();
        }
        writer.end();
        writer.close();
        release();
        out.close();
    }

    private void release() {
        root.close();
        allocator.close();
    }

    @Override
    protected void discard() {
        try {
            writer.close();
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // the temporary file is deleted anyway
        } finally {
            release();
        }
    }
}
