package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.Document;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet and Arrow files not written by kiln (as a dataset on a hub would be): other column names and
 * types, lists, several row groups, the Arrow stream format.
 */
class ForeignColumnarFilesTest {

    @TempDir
    Path dir;

    static final MessageType HUB = Types.buildMessage()
            .required(PrimitiveTypeName.INT64).named("doc_id")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("url")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("content")
            .optional(PrimitiveTypeName.DOUBLE).named("score")
            .optional(PrimitiveTypeName.INT32).named("year")
            .optional(PrimitiveTypeName.BOOLEAN).named("clean")
            .optionalList().optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("tags")
            .named("hub_row");

    private Path writeHubParquet(int rows, long rowGroupBytes) throws IOException {
        Path f = dir.resolve("hub.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(HUB);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f))
                .withConf(new PlainParquetConfiguration()).withType(HUB)
                .withCompressionCodec(CompressionCodecName.SNAPPY).withRowGroupSize(rowGroupBytes).withPageSize(4096).build()) {
            for (int i = 0; i < rows; i++) {
                Group g = groups.newGroup().append("doc_id", 1000L + i).append("content", "Inhalt Nummer " + i + " — ü");
                if (i % 3 != 0) {
                    g.append("url", "https://x.org/" + i);
                }
                g.append("score", i / 4.0).append("year", 2000 + i % 20).append("clean", i % 2 == 0);
                Group tags = g.addGroup("tags");
                for (int k = 0; k < i % 3; k++) {
                    tags.addGroup("list").append("element", "t" + k);
                }
                w.write(g);
            }
        }
        return f;
    }

    @Test
    void foreignParquetColumnsBecomeMetadata() throws IOException {
        Path f = writeHubParquet(5, 1 << 20);
        List<Document> docs = TestDocs.read(f, ReadOptions.DEFAULT.withFields("content", "doc_id"), TestDocs.strict());
        assertEquals(5, docs.size());
        Map<String, Object> m2 = new LinkedHashMap<>();
        m2.put("url", "https://x.org/2");
        m2.put("score", 0.5);
        m2.put("year", 2002L);
        m2.put("clean", true);
        m2.put("tags", List.of("t0", "t1"));
        assertEquals(new Document("1002", "Inhalt Nummer 2 — ü", "", m2), docs.get(2));
        assertEquals(null, docs.get(0).metadata().get("url"), "a null optional column is kept as null");
        assertEquals(List.of(), docs.get(0).metadata().get("tags"));
    }

    @Test
    void columnProjectionReadsOnlyTheRequestedColumns() throws IOException {
        Path f = writeHubParquet(3, 1 << 20);
        ReadOptions opts = new ReadOptions("content", "id", "hub", List.of("score"));
        List<Document> docs = TestDocs.read(f, opts, TestDocs.strict());
        assertEquals(new Document("hub.parquet:1", "Inhalt Nummer 1 — ü", "hub", Map.of("score", 0.25)), docs.get(1));
    }

    @Test
    void manyRowGroupsAreStreamedInOrder() throws IOException {
        Path f = writeHubParquet(3000, 16 << 10);
        try (ParquetDocumentReader r = ParquetDocumentReader.open(f, ReadOptions.DEFAULT.withFields("content", "doc_id"),
                TestDocs.strict())) {
            int n = 0;
            String lastPosition = null;
            Document d;
            while ((d = r.next()) != null) {
                assertEquals(String.valueOf(1000 + n), d.id());
                n++;
                lastPosition = r.position();
            }
            assertEquals(3000, n);
            org.junit.jupiter.api.Assertions.assertTrue(!lastPosition.startsWith("hub.parquet:rowgroup 0:"),
                    "several row groups were read: " + lastPosition);
            assertEquals(Files.size(f), r.bytesRead());
        }
    }

    @Test
    void arrowStreamFormatWithLargeUtf8TextAndOtherColumnsIsRead() throws IOException {
        Path f = dir.resolve("foreign.arrows");
        Schema schema = new Schema(List.of(
                new Field("body", FieldType.nullable(ArrowType.LargeUtf8.INSTANCE), null),
                new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null),
                new Field("p", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null)));
        try (BufferAllocator a = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, a);
             OutputStream out = Files.newOutputStream(f); ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
            w.start();
            for (int batch = 0; batch < 2; batch++) {
                root.allocateNew();
                LargeVarCharVector body = (LargeVarCharVector) root.getVector("body");
                for (int i = 0; i < 3; i++) {
                    if (batch == 1 && i == 1) {
                        body.setNull(i);
                    } else {
                        body.setSafe(i, ("b" + batch + i + " ß").getBytes(StandardCharsets.UTF_8));
                    }
                    ((BigIntVector) root.getVector("n")).setSafe(i, batch * 10L + i);
                    ((Float8Vector) root.getVector("p")).setSafe(i, 0.5 * i);
                }
                root.setRowCount(3);
                w.writeBatch();
            }
            w.end();
        }
        java.util.List<String> log = new java.util.ArrayList<>();
        List<Document> docs = TestDocs.read(f, ReadOptions.DEFAULT.withFields("body", "id"), TestDocs.collecting(log));
        assertEquals(5, docs.size());
        assertEquals(new Document("foreign.arrows:5", "b12 ß", "", Map.of("n", 12L, "p", 1.0)), docs.get(4));
        assertEquals(List.of("WARN foreign.arrows:batch 1:row 1: missing text: column 'body' is null"), log);
    }
}
