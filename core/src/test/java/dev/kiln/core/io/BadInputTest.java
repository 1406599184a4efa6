package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdInputStream;
import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is reported with file and record, skipped, and never loses what was read before it. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void malformedLinesAreReportedWithFileAndLineAndSkipped() throws IOException {
        Path f = dir.resolve("mixed.jsonl");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("""
                {"id":"a","text":"good one"}
                {"id":"b","text": broken
                [1, 2, 3]

                {"id":"c","text":5}
                {"id":"d","title":"no text"}
                {"id":"e","text":"x"} trailing
                """.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', '\n'});
        b.writeBytes("{\"id\":\"z\",\"text\":\"last good\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());

        List<String> log = new ArrayList<>();
        BadRecords bad = TestDocs.collecting(log);
        List<Document> docs = TestDocs.read(f, ReadOptions.DEFAULT, bad);
        assertEquals(List.of(Document.of("a", "good one", ""), Document.of("z", "last good", "")), docs);
        assertEquals(6, bad.total());
        assertEquals(java.util.Map.of("invalid_utf8", 1L, "malformed_json", 3L, "missing_text", 2L), bad.countsByKind());
        List<String> where = log.stream().map(l -> l.substring(0, l.indexOf(": ", 5))).toList();
        assertEquals(List.of("WARN mixed.jsonl:2", "WARN mixed.jsonl:3", "WARN mixed.jsonl:5", "WARN mixed.jsonl:6",
                "WARN mixed.jsonl:7", "WARN mixed.jsonl:8"), where);
        assertEquals("WARN mixed.jsonl:8: invalid utf8: line is not valid UTF-8", log.get(5));
        assertEquals("WARN mixed.jsonl:5: missing text: field 'text' is not a string", log.get(2));
        assertTrue(log.stream().allMatch(l -> !l.contains("\n")), "one line each");
    }

    @Test
    void strictModeMakesTheFirstBadRecordFatal() throws IOException {
        Path f = dir.resolve("strict.jsonl");
        Files.writeString(f, "{\"text\":\"ok\"}\n{oops}\n{\"text\":\"never reached\"}\n");
        try (DocumentReader r = Formats.reader(f, ReadOptions.DEFAULT, TestDocs.strict())) {
            assertEquals("ok", r.next().text());
            BadInputException e = assertThrows(BadInputException.class, r::next);
            assertTrue(e.getMessage().startsWith("strict.jsonl:2: malformed json: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(--strict)"), e.getMessage());
        }
    }

    // ---- truncated compressed streams: everything before the fault is returned, then one line naming file:line

    @ParameterizedTest
    @ValueSource(strings = {"cut.jsonl.gz", "cut.jsonl.zst"})
    void truncatedStreamKeepsEveryCompleteRecordBeforeTheFault(String name) throws IOException {
        Path full = dir.resolve("full-" + name);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            docs.add(Document.of("d" + i, "record " + i + " " + Long.toHexString(i * 0x9E3779B97F4A7C15L), "web"));
        }
        TestDocs.write(full, docs);
        byte[] bytes = Files.readAllBytes(full);
        for (double cut : new double[] {0.37, 0.81}) {
            Path f = dir.resolve(name);
            byte[] truncated = Arrays.copyOf(bytes, (int) (bytes.length * cut));
            Files.write(f, truncated);
            long expected = completeLines(name, truncated);
            assertTrue(expected > 100, "the oracle decoded a prefix: " + expected);

            List<Document> got = new ArrayList<>();
            BadInputException e;
            try (DocumentReader r = Formats.reader(f, ReadOptions.DEFAULT, TestDocs.strict())) {
                e = assertThrows(BadInputException.class, () -> {
                    Document d;
                    while ((d = r.next()) != null) {
                        got.add(d);
                    }
                });
                assertEquals(null, r.next(), "the reader stays at its end after the fault");
            }
            assertEquals(expected, got.size(), "every complete record before the truncation is returned");
            assertEquals(docs.subList(0, got.size()), got);
            String kind = name.endsWith(".gz") ? "gzip" : "zstd";
            String prefix = name + ":" + (got.size() + 1) + ": " + kind + " stream is truncated or corrupt (";
            assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
            assertTrue(e.getMessage().endsWith("); the " + got.size() + " records before this line were read"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"));
        }
    }

    /** How many complete lines an independent decoder gets out of the truncated bytes. */
    private static long completeLines(String name, byte[] truncated) throws IOException {
        byte[] out;
        if (name.endsWith(".gz")) {
            Inflater inf = new Inflater(true);
            inf.setInput(truncated, 10, truncated.length - 10); // GZIPOutputStream's header has no optional fields
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            try {
                int n;
                while ((n = inf.inflate(buf)) > 0 || !inf.needsInput()) {
                    o.write(buf, 0, n);
                    if (n == 0 && inf.finished()) {
                        break;
                    }
                }
            } catch (DataFormatException ex) {
                throw new IOException(ex);
            }
            out = o.toByteArray();
        } else {
            try (ZstdInputStream z = new ZstdInputStream(new ByteArrayInputStream(truncated))) {
                z.setContinuous(true); // returns what it can decode at the end of the input instead of failing
                out = ((InputStream) z).readAllBytes();
            }
        }
        long lines = 0;
        for (byte x : out) {
            if (x == '\n') {
                lines++;
            }
        }
        return lines;
    }

    // ---- wrong schemas and broken columnar files

    @Test
    void parquetWithoutTheTextColumnFailsWithOneLine() throws IOException {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.INT64).named("id")
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("body")
                .named("row");
        Path f = writeParquet("nobody.parquet", schema, g -> g.append("id", 1L).append("body", "x"));
        BadInputException e = assertThrows(BadInputException.class, () -> TestDocs.read(f));
        assertEquals("nobody.parquet: expected a string column 'text', found none; columns: [id: int64, body: binary (STRING)]. "
                + "HINT: name the text column with --text-field", e.getMessage());
    }

    @Test
    void parquetWithANumericTextColumnFailsWithOneLine() throws IOException {
        MessageType schema = Types.buildMessage().required(PrimitiveTypeName.INT64).named("text").named("row");
        Path f = writeParquet("numeric.parquet", schema, g -> g.append("text", 7L));
        BadInputException e = assertThrows(BadInputException.class, () -> TestDocs.read(f));
        assertEquals("numeric.parquet: expected column 'text' to be a string (binary STRING), found text: int64", e.getMessage());
    }

    @Test
    void parquetWithNullAndInvalidTextReportsRowGroupAndRow() throws IOException {
        MessageType schema = Types.buildMessage().optional(PrimitiveTypeName.BINARY).named("text").named("row");
        Path f = dir.resolve("holes.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            w.write(groups.newGroup().append("text", "fine"));
            w.write(groups.newGroup());
            w.write(groups.newGroup().append("text", org.apache.parquet.io.api.Binary.fromConstantByteArray(new byte[] {(byte) 0xC3})));
            w.write(groups.newGroup().append("text", "also fine"));
        }
        List<String> log = new ArrayList<>();
        List<Document> docs = TestDocs.read(f, ReadOptions.DEFAULT, TestDocs.collecting(log));
        assertEquals(List.of(Document.of("holes.parquet:0", "fine", ""), Document.of("holes.parquet:3", "also fine", "")), docs);
        assertEquals(List.of("WARN holes.parquet:rowgroup 0:row 1: missing text: column 'text' is null",
                "WARN holes.parquet:rowgroup 0:row 2: invalid utf8: column 'text' is not valid UTF-8"), log);
    }

    @Test
    void truncatedParquetFileFailsWithOneLine() throws IOException {
        Path full = dir.resolve("full.parquet");
        TestDocs.write(full, TestDocs.tricky());
        byte[] b = Files.readAllBytes(full);
        Path f = dir.resolve("cut.parquet");
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> TestDocs.read(f));
        assertTrue(e.getMessage().startsWith("cut.parquet: not a readable Parquet file ("), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void arrowWithoutTheTextColumnFailsWithOneLine() throws IOException {
        Path f = dir.resolve("docs.arrow");
        TestDocs.write(f, TestDocs.tricky());
        BadInputException e = assertThrows(BadInputException.class,
                () -> TestDocs.read(f, ReadOptions.DEFAULT.withFields("content", "id"), TestDocs.strict()));
        assertEquals("docs.arrow: expected a string column 'content', found none; columns: [id: Utf8, text: Utf8, source: Utf8, "
                + "metadata: Utf8]. HINT: name the text column with --text-field", e.getMessage());
    }

    @Test
    void truncatedArrowFileFailsWithOneLine() throws IOException {
        Path full = dir.resolve("full.arrow");
        TestDocs.write(full, TestDocs.tricky());
        byte[] b = Files.readAllBytes(full);
        Path f = dir.resolve("cut.arrow");
        Files.write(f, Arrays.copyOf(b, b.length - 20));
        BadInputException e = assertThrows(BadInputException.class, () -> TestDocs.read(f));
        assertTrue(e.getMessage().startsWith("cut.arrow: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    // ---- an output that is an input (issue #14 item 1): refused before anything is read or written

    @Test
    void anOutputThatIsAnInputIsRefusedThroughLinksAndNotYetExistingNames() throws IOException {
        Path in = dir.resolve("a.jsonl");
        Files.writeString(in, "{\"text\":\"keep me\"}\n");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);
        Path hard = Files.createLink(dir.resolve("hard.jsonl"), in);
        Path dirLink = Files.createSymbolicLink(dir.resolve("dirlink"), dir);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.jsonl"), dir.resolve("new.jsonl"));
        List<Path> inputs = List.of(in, sub);
        for (Path out : List.of(in, dir.resolve("sub/../a.jsonl"), link, hard, dirLink.resolve("a.jsonl"), sub)) {
            ConfigException e = assertThrows(ConfigException.class, () -> PathGuard.checkOutput(inputs, out), out.toString());
            assertTrue(e.getMessage().startsWith("output " + out + " is the input "), e.getMessage());
        }
        // a dangling link is compared by the file it would create
        assertThrows(ConfigException.class, () -> PathGuard.checkOutput(List.of(dir.resolve("new.jsonl")), dangling));
        PathGuard.checkOutput(inputs, dir.resolve("b.jsonl"));
        PathGuard.checkOutput(inputs, dir.resolve("not/yet/a.jsonl"));
        assertEquals("keep me", TestDocs.read(in).get(0).text());
    }

    @Test
    void twoOutputsOfOneJobMayNotBeTheSameFile() {
        java.util.Map<String, Path> outs = new java.util.LinkedHashMap<>();
        outs.put("output", dir.resolve("o.jsonl"));
        outs.put("rejects", null);
        outs.put("metadata", dir.resolve("x/../o.jsonl"));
        ConfigException e = assertThrows(ConfigException.class, () -> PathGuard.checkOutputs(List.of(), outs));
        assertEquals("metadata " + dir.resolve("x/../o.jsonl") + " is the same file as the output " + dir.resolve("o.jsonl")
                + "; give them different names", e.getMessage());
    }

    @Test
    void anOutputFolderMayNotHoldOrLieInsideAnInput() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path f = Files.writeString(data.resolve("web.jsonl"), "{\"text\":\"x\"}\n");
        assertThrows(ConfigException.class, () -> PathGuard.checkOutputFolder(List.of(f), data));
        assertThrows(ConfigException.class, () -> PathGuard.checkOutputFolder(List.of(f), dir));
        assertThrows(ConfigException.class, () -> PathGuard.checkOutputFolder(List.of(data), data.resolve("out")));
        PathGuard.checkOutputFolder(List.of(f), dir.resolve("out"));
    }

    @Test
    void aJobWhoseOutputIsItsInputFailsAndLeavesTheInputAlone() throws IOException {
        Path in = dir.resolve("same.jsonl");
        Files.writeString(in, "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
        byte[] before = Files.readAllBytes(in);
        dev.kiln.core.pipeline.PipelineJob job = new dev.kiln.core.pipeline.PipelineJob("convert", List.of(in.toString()),
                ReadOptions.DEFAULT, in, null, null, false, dev.kiln.core.pipeline.RunnerOptions.DEFAULT.withThreads(1), null);
        assertThrows(ConfigException.class, () -> job.run(dev.kiln.core.pipeline.Pipeline.of(),
                dev.kiln.core.pipeline.Progress.Listener.NONE, s -> { }, null));
        assertTrue(Arrays.equals(before, Files.readAllBytes(in)));
        assertTrue(!Files.exists(dir.resolve("same.jsonl.meta.json")));
    }

    // ---- unreadable inputs say why (issue #14 item 7)

    private List<String> readAllLenient(List<Path> files) throws IOException {
        List<String> log = new ArrayList<>();
        try (dev.kiln.core.pipeline.FileSource src = dev.kiln.core.pipeline.FileSource.of(files, ReadOptions.DEFAULT,
                TestDocs.collecting(log))) {
            while (src.next() != null) {
                // drain
            }
        }
        return log;
    }

    @Test
    void aFileThatVanishedAfterExpansionSaysNoSuchFile() throws IOException {
        Path good = Files.writeString(dir.resolve("good.jsonl"), "{\"text\":\"x\"}\n");
        Path gone = dir.resolve("gone.jsonl");
        List<String> log = readAllLenient(List.of(gone, good));
        assertEquals("WARN " + gone + ": unreadable file: no such file", log.get(0));
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (var src = dev.kiln.core.pipeline.FileSource.of(List.of(gone), ReadOptions.DEFAULT, TestDocs.strict())) {
                src.next();
            }
        });
        assertEquals(gone + ": no such file", e.getMessage());
    }

    @Test
    void aDanglingLinkAndAListThatIsAFolderSayWhy() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), dir.resolve("target.jsonl"));
        BadInputException e = assertThrows(BadInputException.class, () -> Inputs.expand(List.of(link.toString())));
        assertEquals(link + ": dangling symbolic link to " + dir.resolve("target.jsonl"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Inputs.expand(List.of("@" + dir)));
        assertEquals(dir + ": cannot read the input list: is a directory", e.getMessage());
        e = assertThrows(BadInputException.class, () -> Inputs.expand(List.of(dir.resolve("none.jsonl").toString())));
        assertTrue(e.getMessage().endsWith("none.jsonl: no such input file (or the glob matched nothing)"), e.getMessage());
    }

    @Test
    void aFileUriIsItsLocalPathAndAHadoopUriSaysWhichCommandReadsIt() throws IOException {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "{\"text\":\"x\"}\n");
        Files.writeString(dir.resolve("b.jsonl"), "{\"text\":\"y\"}\n");
        assertEquals(List.of(a), Inputs.expand(List.of("file://" + a)));
        assertEquals(2, Inputs.expand(List.of("file://" + dir + "/*.jsonl")).size());
        BadInputException e = assertThrows(BadInputException.class, () -> Inputs.expand(List.of("hdfs://nn:8020/c4/*.json.gz")));
        assertTrue(e.getMessage().startsWith("hdfs://nn:8020/c4/*.json.gz: a Hadoop file system URI; this command reads local paths. HINT: "),
                e.getMessage());
        assertTrue(Inputs.isUri("s3a://bucket/key") && !Inputs.isUri("data/x.jsonl") && !Inputs.isUri("C:/x"));
    }

    @Test
    void aFileWithoutReadPermissionSaysPermissionDenied() throws IOException {
        Path f = Files.writeString(dir.resolve("secret.jsonl"), "{\"text\":\"x\"}\n");
        Path books = Files.createDirectories(dir.resolve("books"));
        Path book = Files.writeString(books.resolve("a.txt"), "text");
        Files.setPosixFilePermissions(f, java.util.Set.of());
        Files.setPosixFilePermissions(book, java.util.Set.of());
        // root reads anything: the case can only fail where permissions are enforced
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions are not enforced");
        List<String> log = readAllLenient(List.of(f, books));
        assertEquals(List.of("WARN " + f + ": unreadable file: permission denied", "WARN books/a.txt: unreadable file: permission denied"),
                log.subList(0, 2));
    }

    // ---- an input that gives nothing but bad records fails the run (issue #14 item 5)

    private static List<Document> drain(List<Path> files, BadRecords bad) throws IOException {
        List<Document> out = new ArrayList<>();
        try (var src = dev.kiln.core.pipeline.FileSource.of(files, ReadOptions.DEFAULT, bad)) {
            Document d;
            while ((d = src.next()) != null) {
                out.add(d);
            }
        }
        return out;
    }

    @Test
    void aBinaryFileNamedJsonlFailsNamingTheFileAndTheCount() throws IOException {
        Path good = Files.writeString(dir.resolve("good.jsonl"), "{\"text\":\"fine\"}\n");
        Path bin = dir.resolve("image.jsonl");
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        for (int i = 0; i < b.length; i += 100) {
            b[i] = '\n'; // several "lines", each invalid UTF-8 or not JSON
        }
        Files.write(bin, b);
        List<String> log = new ArrayList<>();
        BadInputException e = assertThrows(BadInputException.class, () -> drain(List.of(good, bin), new BadRecords(false, false, log::add)));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(bin.toString())
                + ": no documents could be read: \\d+ bad records and not one good \\(last: image.jsonl:\\d+: .*\\)\\. HINT: .*--allow-empty.*"),
                e.getMessage());
        // allowed: counted, and the good file's documents are kept
        BadRecords lenient = new BadRecords(false, true, log::add);
        assertEquals(1, drain(List.of(good, bin), lenient).size());
        assertEquals(List.of(bin.toString()), lenient.failedInputs());
    }

    @Test
    void aParquetFileWithoutTheTextColumnFailsTheRunUnlessAllowed() throws IOException {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("body").named("row");
        Path f = writeParquet("nobody.parquet", schema, g -> g.append("body", "x"));
        BadInputException e = assertThrows(BadInputException.class, () -> drain(List.of(f), new BadRecords(false, false, s -> { })));
        assertTrue(e.getMessage().startsWith(f + ": no documents could be read: 1 bad record and not one good (last: " + f
                + ": unreadable file: nobody.parquet: expected a string column 'text'"), e.getMessage());
        BadRecords allowed = new BadRecords(false, true, s -> { });
        assertEquals(List.of(), drain(List.of(f), allowed));
        assertEquals(List.of(f.toString()), allowed.failedInputs());
    }

    @Test
    void anEmptyInputIsOnlyAWarningAndOneGoodRecordIsEnough() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path mostlyBad = Files.writeString(dir.resolve("mostly.jsonl"), "{oops}\n{\"text\":\"one good\"}\n[1]\n");
        List<String> log = new ArrayList<>();
        BadRecords bad = new BadRecords(false, false, log::add);
        assertEquals(1, drain(List.of(empty, mostlyBad), bad).size());
        assertEquals(List.of(), bad.failedInputs());
        assertEquals(1, bad.warnings());
        assertEquals(2, bad.total());
    }

    // ---- one huge record: reported with file:line and skipped, streamed past in bounded memory (issue #14 item 3)

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(b)) {
            z.write(data);
        }
        return b.toByteArray();
    }

    @Test
    void aOneGigabyteLineFromAGzipBombIsSkippedWithoutFillingTheHeap() throws IOException {
        // concatenated gzip members (RFC 1952) make a 1 GiB line from a ~1 MB file, without compressing 1 GiB here
        Path f = dir.resolve("bomb.jsonl.gz");
        byte[] block = gzip("a".repeat(16 << 20).getBytes(StandardCharsets.US_ASCII));
        try (var out = Files.newOutputStream(f)) {
            out.write(gzip("{\"text\":\"before\"}\n{\"id\":\"bomb\",\"text\":\"".getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
            out.write(gzip("\"}\n{\"text\":\"after\"}\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertTrue(Files.size(f) < 2 << 20, "the bomb itself is small: " + Files.size(f));
        List<String> log = new ArrayList<>();
        BadRecords bad = TestDocs.collecting(log);
        // under the test JVM's -Xmx2g, building this line (and Jackson's char buffer for it) would not fit
        List<Document> docs = TestDocs.read(f, ReadOptions.DEFAULT, bad);
        assertEquals(List.of("before", "after"), docs.stream().map(Document::text).toList());
        assertEquals(java.util.Map.of("record_too_large", 1L), bad.countsByKind());
        assertEquals("WARN bomb.jsonl.gz:2: record too large: line of 1,073,741,847 bytes is over the limit of 67,108,864 "
                + "(--max-record-bytes); skipped", log.get(0));
    }

    @Test
    void aTooLargeRecordFailsUnderStrictAndTheLimitIsConfigurable() throws IOException {
        Path f = Files.writeString(dir.resolve("big.jsonl"), "{\"text\":\"short\"}\n{\"text\":\"" + "x".repeat(200) + "\"}\n");
        ReadOptions small = ReadOptions.DEFAULT.withMaxRecordBytes(100);
        BadInputException e = assertThrows(BadInputException.class, () -> TestDocs.read(f, small, TestDocs.strict()));
        assertEquals("big.jsonl:2: record too large: line of 211 bytes is over the limit of 100 (--max-record-bytes); skipped (--strict)",
                e.getMessage());
        assertEquals(2, TestDocs.read(f).size());
        Path books = Files.createDirectories(dir.resolve("books"));
        Files.writeString(books.resolve("a.txt"), "y".repeat(101));
        Files.writeString(books.resolve("b.txt"), "fits");
        List<String> log = new ArrayList<>();
        assertEquals(List.of("fits"), TestDocs.read(books, small, TestDocs.collecting(log)).stream().map(Document::text).toList());
        assertEquals("WARN books/a.txt: record too large: file of 101 bytes is over the limit of 100 (--max-record-bytes); skipped",
                log.get(0));
    }

    private Path writeParquet(String name, MessageType schema, java.util.function.Consumer<Group> fill) throws IOException {
        Path f = dir.resolve(name);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            Group g = new SimpleGroupFactory(schema).newGroup();
            fill.accept(g);
            w.write(g);
        }
        return f;
    }
}
