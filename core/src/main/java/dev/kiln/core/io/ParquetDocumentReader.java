package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.core.Document;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet files with Parquet-MR's low-level API, without a Hadoop installation: a
 * {@link LocalInputFile}, only the needed columns (projection), one row group at a time (never the whole
 * file in memory), records materialised as example {@code Group}s.
 *
 * <p>Columns: the text column ({@link ReadOptions#textField()}, a string: {@code binary} with a STRING,
 * ENUM or JSON annotation or none) becomes the text; the id column (any primitive, as a string) the id,
 * else {@code file.parquet:<row>} (0-based row in the file); a string {@code source} column the source;
 * in kiln-written files (key {@value MetadataJson#MARKER_KEY}) the JSON {@code metadata} column is expanded
 * into the metadata; every other column ({@link ReadOptions#columns()}, null = all) goes into the metadata
 * as JSON-compatible values (lists and structs as List and Map, timestamps as ISO-8601 strings, raw
 * bytes as UTF-8 when valid, else base64).
 *
 * <p>A file whose schema has no text column, or has it with another type, fails at open with one line
 * naming the file, what was expected and what was found. A null text or invalid UTF-8 is a bad record at
 * {@code file.parquet:rowgroup R:row N} (both 0-based).
 */
public final class ParquetDocumentReader implements DocumentReader {

    private final String name;
    private final ReadOptions options;
    private final BadRecords bad;
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final MessageColumnIO columnIO;
    private final List<BlockMetaData> blocks;
    private final long fileSize;
    private final int textIdx;
    private final int idIdx;
    private final int sourceIdx;
    private final int metaIdx;
    private RecordReader<Group> rows;
    private long rowsLeft;
    private int rowGroup = -1;
    private long row = -1;
    private long fileRow = -1;
    private long bytesRead;

    private ParquetDocumentReader(Path file, ReadOptions options, BadRecords bad) throws IOException {
        this.name = file.getFileName().toString();
        this.options = options;
        this.bad = bad;
        this.fileSize = Files.size(file);
        if (fileSize == 0) { // an empty input: no documents (the caller warns), not a corrupt footer
            reader = null;
            projection = null;
            columnIO = null;
            blocks = List.of();
            textIdx = idIdx = sourceIdx = metaIdx = -1;
            return;
        }
        ParquetFileReader r;
        try {
            r = ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": not a readable Parquet file (" + BadRecords.oneLine(e.getMessage()) + ")", e);
        }
        try {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            String tf = options.textField();
            if (!schema.containsField(tf)) {
                throw new BadInputException(name + ": expected a string column '" + tf + "', found none; columns: "
                        + describe(schema) + ". HINT: name the text column with --text-field");
            }
            if (!isString(schema.getType(tf))) {
                throw new BadInputException(name + ": expected column '" + tf + "' to be a string (binary STRING), found "
                        + describe(schema.getType(tf)));
            }
            boolean kiln = MetadataJson.MARKER_VALUE.equals(
                    r.getFooter().getFileMetaData().getKeyValueMetaData().get(MetadataJson.MARKER_KEY));
            List<Type> keep = new ArrayList<>();
            for (Type t : schema.getFields()) {
                String n = t.getName();
                boolean wanted = n.equals(tf)
                        || (n.equals(options.idField()) && t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED))
                        || (n.equals("source") && isString(t))
                        || (kiln && n.equals(MetadataJson.COLUMN) && isString(t))
                        || options.columns() == null
                        || options.columns().contains(n);
                if (wanted) {
                    keep.add(t);
                }
            }
            this.projection = new MessageType(schema.getName(), keep);
            r.setRequestedSchema(projection);
            this.columnIO = new ColumnIOFactory().getColumnIO(projection, schema);
            this.blocks = r.getRowGroups();
            this.textIdx = projection.getFieldIndex(tf);
            this.idIdx = index(projection, options.idField(), t -> t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED));
            this.sourceIdx = index(projection, "source", ParquetDocumentReader::isString);
            this.metaIdx = kiln ? index(projection, MetadataJson.COLUMN, ParquetDocumentReader::isString) : -1;
            this.reader = r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Opens {@code file}, checking that it has the text column. */
    public static ParquetDocumentReader open(Path file, ReadOptions options, BadRecords bad) throws IOException {
        return new ParquetDocumentReader(file, options, bad);
    }

    @Override
    public Document next() throws IOException {
        if (reader == null) {
            return null;
        }
        while (true) {
            if (rowsLeft == 0 && !nextRowGroup()) {
                bytesRead = fileSize;
                return null;
            }
            Group g;
            row++;
            fileRow++;
            rowsLeft--;
            try {
                g = rows.read();
            } catch (RuntimeException e) {
                rowsLeft = 0;
                throw new BadInputException(position() + ": corrupt Parquet data (" + BadRecords.oneLine(e.getMessage()) + ")", e);
            }
            Document d = toDocument(g);
            if (d != null) {
                return d;
            }
        }
    }

    private boolean nextRowGroup() throws IOException {
        PageReadStore pages;
        try {
            pages = reader.readNextRowGroup();
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ":rowgroup " + (rowGroup + 1) + ": corrupt Parquet row group ("
                    + BadRecords.oneLine(e.getMessage()) + ")", e);
        }
        if (pages == null) {
            return false;
        }
        rowGroup++;
        row = -1;
        if (rowGroup > 0 && rowGroup - 1 < blocks.size()) {
            bytesRead += blocks.get(rowGroup - 1).getCompressedSize();
        }
        rowsLeft = pages.getRowCount();
        rows = columnIO.getRecordReader(pages, new GroupRecordConverter(projection));
        return true;
    }

    private Document toDocument(Group g) throws IOException {
        if (g.getFieldRepetitionCount(textIdx) == 0) {
            bad.report(position(), "missing_text", "column '" + options.textField() + "' is null");
            return null;
        }
        byte[] bytes = g.getBinary(textIdx, 0).getBytesUnsafe();
        String text = Utf8.decode(bytes, 0, bytes.length);
        if (text == null) {
            bad.report(position(), "invalid_utf8", "column '" + options.textField() + "' is not valid UTF-8");
            return null;
        }
        String id = idIdx >= 0 && g.getFieldRepetitionCount(idIdx) > 0
                ? String.valueOf(value(g, idIdx, projection.getType(idIdx)))
                : name + ":" + fileRow;
        String fileSource = sourceIdx >= 0 && g.getFieldRepetitionCount(sourceIdx) > 0 ? g.getString(sourceIdx, 0) : null;
        Map<String, Object> meta = new LinkedHashMap<>();
        if (metaIdx >= 0 && g.getFieldRepetitionCount(metaIdx) > 0) {
            try {
                meta.putAll(MetadataJson.decode(g.getString(metaIdx, 0)));
            } catch (JsonProcessingException e) {
                bad.report(position(), "malformed_json", "metadata column: " + e.getOriginalMessage());
                return null;
            }
        }
        for (int i = 0; i < projection.getFieldCount(); i++) {
            if (i != textIdx && i != idIdx && i != sourceIdx && i != metaIdx) {
                Type t = projection.getType(i);
                meta.put(t.getName(), value(g, i, t));
            }
        }
        String src = options.source() != null ? options.source() : fileSource != null ? fileSource : "";
        if (fileSource != null && options.source() != null && !fileSource.equals(options.source())) {
            meta.put("source", fileSource);
        }
        return new Document(id, text, src, meta);
    }

    // ---- values of foreign columns

    private static Object value(Group g, int field, Type t) {
        int n = g.getFieldRepetitionCount(field);
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(single(g, field, i, t));
            }
            return out;
        }
        return n == 0 ? null : single(g, field, 0, t);
    }

    private static Object single(Group g, int field, int i, Type t) {
        if (t.isPrimitive()) {
            return primitive(g, field, i, t.asPrimitiveType());
        }
        Group sub = g.getGroup(field, i);
        GroupType gt = t.asGroupType();
        LogicalTypeAnnotation a = gt.getLogicalTypeAnnotation();
        boolean oneRepeated = gt.getFieldCount() == 1 && gt.getType(0).isRepetition(Type.Repetition.REPEATED);
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && oneRepeated) {
            Type rep = gt.getType(0);
            int n = sub.getFieldRepetitionCount(0);
            List<Object> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                if (rep.isPrimitive() || rep.asGroupType().getFieldCount() != 1) {
                    out.add(single(sub, 0, k, rep)); // two-level list
                } else {
                    GroupType et = rep.asGroupType();
                    out.add(value(sub.getGroup(0, k), 0, et.getType(0))); // three-level list: list.element
                }
            }
            return out;
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation && oneRepeated && !gt.getType(0).isPrimitive()) {
            GroupType kv = gt.getType(0).asGroupType();
            int n = sub.getFieldRepetitionCount(0);
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                Group e = sub.getGroup(0, k);
                out.put(String.valueOf(value(e, 0, kv.getType(0))), kv.getFieldCount() > 1 ? value(e, 1, kv.getType(1)) : null);
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < gt.getFieldCount(); k++) {
            out.put(gt.getFieldName(k), value(sub, k, gt.getType(k)));
        }
        return out;
    }

    private static Object primitive(Group g, int field, int i, PrimitiveType t) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        return switch (t.getPrimitiveTypeName()) {
            case BOOLEAN -> g.getBoolean(field, i);
            case INT32 -> {
                int v = g.getInteger(field, i);
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    yield LocalDate.ofEpochDay(v).toString();
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    yield BigDecimal.valueOf(v, d.getScale()).toString();
                }
                yield (long) v;
            }
            case INT64 -> {
                long v = g.getLong(field, i);
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    ChronoUnit unit = switch (ts.getUnit()) {
                        case MILLIS -> ChronoUnit.MILLIS;
                        case MICROS -> ChronoUnit.MICROS;
                        case NANOS -> ChronoUnit.NANOS;
                    };
                    yield Instant.EPOCH.plus(v, unit).toString();
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    yield BigDecimal.valueOf(v, d.getScale()).toString();
                }
                yield v;
            }
            case FLOAT -> (double) g.getFloat(field, i);
            case DOUBLE -> g.getDouble(field, i);
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> {
                Binary b = g.getBinary(field, i);
                byte[] bytes = b.getBytes();
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    yield new BigDecimal(new BigInteger(bytes), d.getScale()).toString();
                }
                String s = t.getPrimitiveTypeName() == PrimitiveTypeName.INT96 ? null : Utf8.decode(bytes, 0, bytes.length);
                yield s != null ? s : Base64.getEncoder().encodeToString(bytes);
            }
        };
    }

    // ---- schema helpers

    private static boolean isString(Type t) {
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)
                || t.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
            return false;
        }
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        return a == null || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
    }

    private static int index(MessageType m, String field, java.util.function.Predicate<Type> ok) {
        return m.containsField(field) && ok.test(m.getType(field)) ? m.getFieldIndex(field) : -1;
    }

    private static String describe(Type t) {
        if (!t.isPrimitive()) {
            LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
            return t.getName() + ": " + (a == null ? "group" : a.toString().toLowerCase(Locale.ROOT));
        }
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        String rep = t.isRepetition(Type.Repetition.REPEATED) ? "repeated " : "";
        return t.getName() + ": " + rep + t.asPrimitiveType().getPrimitiveTypeName().name().toLowerCase(Locale.ROOT)
                + (a == null ? "" : " (" + a + ")");
    }

    private static String describe(MessageType schema) {
        List<String> cols = new ArrayList<>();
        for (Type t : schema.getFields()) {
            if (cols.size() == 12) {
                cols.add("...");
                break;
            }
            cols.add(describe(t));
        }
        return "[" + String.join(", ", cols) + "]";
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public String position() {
        return name + ":rowgroup " + Math.max(0, rowGroup) + ":row " + Math.max(0, row);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public String toString() {
        return "ParquetDocumentReader[" + name + "]";
    }
}
