package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.core.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads Arrow IPC files in either format (the random-access file format, recognised by its
 * {@code ARROW1} magic, or the stream format), one record batch at a time, with zstd/lz4-compressed
 * batches decompressed by arrow-compression.
 *
 * <p>The text column must be {@code utf8} or {@code large_utf8}; id, source, the JSON {@code metadata} column
 * of kiln-written files and the other columns ({@link ReadOptions#columns()}, null = all) are handled as
 * in {@link ParquetDocumentReader}. Ids default to {@code file.arrow:<row>} (0-based row in the file);
 * bad records are reported at {@code file.arrow:batch B:row N}.
 *
 * <p><b>NOTE:</b> Arrow needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on JDK 25 (kiln's launcher
 * and test JVMs pass it).
 */
public final class ArrowDocumentReader implements DocumentReader {

    private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final ReadOptions options;
    private final BadRecords bad;
    private final BufferAllocator allocator;
    private final ArrowReader reader;
    private final long fileSize;
    private final VectorSchemaRoot root;
    private final int textIdx;
    private final int idIdx;
    private final int sourceIdx;
    private final int metaIdx;
    private final List<Integer> others = new ArrayList<>();
    private int batch = -1;
    private int row;
    private int rowsInBatch;
    private long fileRow = -1;
    private boolean done;

    private ArrowDocumentReader(Path file, ReadOptions options, BadRecords bad) throws IOException {
        this.name = file.getFileName().toString();
        this.options = options;
        this.bad = bad;
        this.fileSize = Files.size(file);
        if (fileSize == 0) { // an empty input: no documents (the caller warns)
            allocator = null;
            reader = null;
            root = null;
            textIdx = idIdx = sourceIdx = metaIdx = -1;
            done = true;
            return;
        }
        this.allocator = new RootAllocator();
        ArrowReader r = null;
        try {
            byte[] head = new byte[FILE_MAGIC.length];
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(head.length);
            }
            if (Arrays.equals(head, FILE_MAGIC)) {
                r = new ArrowFileReader(FileChannel.open(file, StandardOpenOption.READ), allocator, CommonsCompressionFactory.INSTANCE);
            } else {
                r = new ArrowStreamReader(Files.newInputStream(file), allocator, CommonsCompressionFactory.INSTANCE);
            }
            this.reader = r;
            this.root = r.getVectorSchemaRoot();
            Schema schema = root.getSchema();
            String tf = options.textField();
            Field text = find(schema, tf);
            if (text == null) {
                throw new BadInputException(name + ": expected a string column '" + tf + "', found none; columns: "
                        + describe(schema) + ". HINT: name the text column with --text-field");
            }
            if (!isString(text)) {
                throw new BadInputException(name + ": expected column '" + tf + "' to be a string (utf8), found "
                        + text.getName() + ": " + text.getType());
            }
            boolean kiln = MetadataJson.MARKER_VALUE.equals(schema.getCustomMetadata().get(MetadataJson.MARKER_KEY));
            List<Field> fields = schema.getFields();
            int ti = -1;
            int ii = -1;
            int si = -1;
            int mi = -1;
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                String n = f.getName();
                if (n.equals(tf)) {
                    ti = i;
                } else if (n.equals(options.idField()) && f.getChildren().isEmpty() && ii < 0) {
                    ii = i;
                } else if (n.equals("source") && isString(f) && si < 0) {
                    si = i;
                } else if (kiln && n.equals(MetadataJson.COLUMN) && isString(f) && mi < 0) {
                    mi = i;
                } else if (options.columns() == null || options.columns().contains(n)) {
                    others.add(i);
                }
            }
            textIdx = ti;
            idIdx = ii;
            sourceIdx = si;
            metaIdx = mi;
        } catch (BadInputException e) {
            closeQuietly(r);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(r);
            throw new BadInputException(name + ": not a readable Arrow IPC file (" + BadRecords.oneLine(e.getMessage()) + ")", e);
        }
    }

    /** Opens {@code file} (file or stream format), checking that it has the text column. */
    public static ArrowDocumentReader open(Path file, ReadOptions options, BadRecords bad) throws IOException {
        return new ArrowDocumentReader(file, options, bad);
    }

    @Override
    public Document next() throws IOException {
        while (!done) {
            if (row + 1 >= rowsInBatch && !nextBatch()) {
                done = true;
                return null;
            }
            row++;
            fileRow++;
            Document d = toDocument(row);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private boolean nextBatch() throws IOException {
        while (true) {
            boolean loaded;
            try {
                loaded = reader.loadNextBatch();
            } catch (IOException | RuntimeException e) {
                done = true;
                throw new BadInputException(name + ":batch " + (batch + 1) + ": truncated or corrupt Arrow record batch ("
                        + BadRecords.oneLine(e.getMessage()) + ")", e);
            }
            if (!loaded) {
                return false;
            }
            batch++;
            row = -1;
            rowsInBatch = root.getRowCount();
            if (rowsInBatch > 0) {
                return true;
            }
        }
    }

    private Document toDocument(int i) throws IOException {
        FieldVector tv = root.getVector(textIdx);
        if (tv.isNull(i)) {
            bad.report(position(), "missing_text", "column '" + options.textField() + "' is null");
            return null;
        }
        byte[] bytes = tv instanceof LargeVarCharVector large ? large.get(i) : ((VarCharVector) tv).get(i);
        String text = bytes == null ? null : Utf8.decode(bytes, 0, bytes.length);
        if (text == null) {
            bad.report(position(), "invalid_utf8", "column '" + options.textField() + "' is not valid UTF-8");
            return null;
        }
        Object idv = idIdx >= 0 ? value(root.getVector(idIdx), i) : null;
        String id = idv != null ? idv.toString() : name + ":" + fileRow;
        Object sv = sourceIdx >= 0 ? value(root.getVector(sourceIdx), i) : null;
        String fileSource = sv == null ? null : sv.toString();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (metaIdx >= 0 && !root.getVector(metaIdx).isNull(i)) {
            try {
                meta.putAll(MetadataJson.decode(value(root.getVector(metaIdx), i).toString()));
            } catch (JsonProcessingException e) {
                bad.report(position(), "malformed_json", "metadata column: " + e.getOriginalMessage());
                return null;
            }
        }
        for (int c : others) {
            FieldVector v = root.getVector(c);
            meta.put(v.getName(), value(v, i));
        }
        String src = options.source() != null ? options.source() : fileSource != null ? fileSource : "";
        if (fileSource != null && options.source() != null && !fileSource.equals(options.source())) {
            meta.put("source", fileSource);
        }
        return new Document(id, text, src, meta);
    }

    /** A cell as a metadata value; strings are decoded straight from the vector's bytes (no Text copy). */
    private static Object value(FieldVector v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        if (v instanceof VarCharVector s) {
            return new String(s.get(i), StandardCharsets.UTF_8);
        }
        if (v instanceof LargeVarCharVector s) {
            return new String(s.get(i), StandardCharsets.UTF_8);
        }
        return ColumnValues.normalize(v.getObject(i));
    }

    private static Field find(Schema schema, String name) {
        for (Field f : schema.getFields()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static boolean isString(Field f) {
        return f.getType() instanceof ArrowType.Utf8 || f.getType() instanceof ArrowType.LargeUtf8;
    }

    private static String describe(Schema schema) {
        List<String> cols = new ArrayList<>();
        for (Field f : schema.getFields()) {
            if (cols.size() == 12) {
                cols.add("...");
                break;
            }
            cols.add(f.getName() + ": " + f.getType());
        }
        return "[" + String.join(", ", cols) + "]";
    }

    private void closeQuietly(ArrowReader r) {
        try {
            if (r != null) {
                r.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing
        }
        allocator.close();
    }

    @Override
    public long bytesRead() {
        if (done) {
            return fileSize;
        }
        if (reader instanceof ArrowFileReader f) {
            return Math.min(fileSize, f.bytesRead());
        }
        return reader instanceof ArrowStreamReader s ? Math.min(fileSize, s.bytesRead()) : 0;
    }

    @Override
    public String position() {
        return name + ":batch " + Math.max(0, batch) + ":row " + Math.max(0, row);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            try {
                reader.close();
            } finally {
                allocator.close();
            }
        }
    }

    @Override
    public String toString() {
        return "ArrowDocumentReader[" + name + "]";
    }
}
