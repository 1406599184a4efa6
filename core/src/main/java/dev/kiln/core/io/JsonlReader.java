package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JSON Lines ({@code .jsonl}, {@code .jsonl.gz}, {@code .jsonl.zst}, {@code .jsonl.bz2}): one JSON
 * object per line; the configured text and id fields become the document's, a {@code source} field its
 * source, every other field its metadata. Blank lines are skipped. Lines that are not valid UTF-8, not
 * JSON objects, or have no string text field are reported with {@code file:line} and skipped, and so are
 * lines longer than {@link ReadOptions#maxRecordBytes()}, streamed past without being held in memory.
 */
public final class JsonlReader implements DocumentReader {

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            // emoji and other astral characters as 4 UTF-8 bytes, never as escaped surrogate pairs: Jackson
            // otherwise escapes them inside long strings, so output bytes would depend on the text's length
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).maxNestingDepth(1000).build())
            .build())
            // metadata integers are Long whatever their size (Document's contract), so a value read back equals the one written
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);

    /** Line buffers above this size are released after use. */
    private static final int MAX_KEPT_LINE_BUFFER = 8 << 20;

    private final Path file;
    private final String name;
    private final ReadOptions options;
    private final BadRecords bad;
    private final CountingInputStream counted;
    private final InputStream in;
    private final byte[] buf = new byte[1 << 17];
    private int bufPos;
    private int bufLen;
    private byte[] line = new byte[1 << 16];
    private long lineNo;
    /** Bytes of the last line read, all of them even when it was too large to keep. */
    private long lineBytes;
    private final int maxLine;
    private long returned;
    private boolean eof;

    private JsonlReader(Path file, ReadOptions options, BadRecords bad) throws IOException {
        this.file = file;
        this.name = file.getFileName().toString();
        this.options = options;
        this.bad = bad;
        this.maxLine = (int) Math.min(options.maxRecordBytes(), Integer.MAX_VALUE - 16);
        this.counted = new CountingInputStream(Files.newInputStream(file));
        InputStream decoded;
        try {
            // a zero-byte file is an empty input (warned about by the caller), not a broken gzip header
            decoded = Files.size(file) == 0 ? InputStream.nullInputStream() : Compression.of(name).decompress(counted);
        } catch (IOException e) {
            counted.close();
            throw new BadInputException(name + ": cannot open " + Compression.of(name) + " stream: " + BadRecords.oneLine(e.getMessage()), e);
        }
        this.in = decoded;
    }

    /** Opens {@code file}; compression is taken from the file name. */
    public static JsonlReader open(Path file, ReadOptions options, BadRecords bad) throws IOException {
        return new JsonlReader(file, options, bad);
    }

    @Override
    public Document next() throws IOException {
        while (!eof) {
            int len = readLine();
            if (len < 0) {
                eof = true;
                return null;
            }
            lineNo++;
            if (lineBytes > maxLine) {
                bad.report(position(), "record_too_large", String.format(java.util.Locale.ROOT,
                        "line of %,d bytes is over the limit of %,d (--max-record-bytes); skipped", lineBytes, options.maxRecordBytes()));
                continue;
            }
            if (isBlank(line, len)) {
                continue;
            }
            if (!Utf8.isValid(line, 0, len)) {
                bad.report(position(), "invalid_utf8", "line is not valid UTF-8");
                continue;
            }
            Document doc = parse(len);
            if (line.length > MAX_KEPT_LINE_BUFFER) {
                line = new byte[1 << 16]; // do not hold on to a 256 MB buffer after one huge document
            }
            if (doc != null) {
                returned++;
                return doc;
            }
        }
        return null;
    }

    private Document parse(int len) throws IOException {
        String text = null;
        String id = null;
        String source = null;
        Map<String, Object> meta = null;
        try (JsonParser p = MAPPER.createParser(line, 0, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                bad.report(position(), "malformed_json", "not a JSON object");
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals(options.textField())) {
                    if (v != JsonToken.VALUE_STRING) {
                        bad.report(position(), "missing_text", "field '" + field + "' is not a string");
                        return null;
                    }
                    text = p.getText();
                } else if (field.equals(options.idField()) && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                    id = p.getText();
                } else if (field.equals("source") && v == JsonToken.VALUE_STRING) {
                    source = p.getText();
                } else {
                    if (meta == null) {
                        meta = new LinkedHashMap<>();
                    }
                    meta.put(field, MAPPER.readValue(p, Object.class));
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                bad.report(position(), "malformed_json", "trailing content after the JSON object");
                return null;
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            bad.report(position(), "malformed_json", e.getOriginalMessage());
            return null;
        }
        if (text == null) {
            bad.report(position(), "missing_text", "no field '" + options.textField() + "'");
            return null;
        }
        String src = options.source() != null ? options.source() : source != null ? source : "";
        if (source != null && options.source() != null && !source.equals(options.source())) {
            if (meta == null) {
                meta = new LinkedHashMap<>();
            }
            meta.put("source", source);
        }
        return new Document(id != null ? id : name + ":" + lineNo, text, src, meta);
    }

    /**
     * Reads one line (without the newline, and without a trailing CR) into {@link #line}; -1 at end. A line
     * longer than the record limit is read to its end but not kept: {@link #lineBytes} then exceeds it.
     */
    private int readLine() throws IOException {
        int len = 0;
        long total = 0;
        while (true) {
            if (bufPos == bufLen) {
                bufLen = fill();
                bufPos = 0;
                if (bufLen <= 0) {
                    bufLen = 0;
                    if (total == 0) {
                        lineBytes = 0;
                        return -1;
                    }
                    break;
                }
            }
            int start = bufPos;
            int end = start;
            while (end < bufLen && buf[end] != '\n') {
                end++;
            }
            int n = end - start;
            total += n;
            if (total <= maxLine) {
                if (len + n > line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(maxLine, Math.max(len + n, 2L * line.length)));
                }
                System.arraycopy(buf, start, line, len, n);
                len += n;
            } else if (line.length > MAX_KEPT_LINE_BUFFER) {
                line = new byte[1 << 16]; // the part kept so far is of no use: stream the rest past
                len = 0;
            }
            if (end < bufLen) {
                bufPos = end + 1;
                break;
            }
            bufPos = bufLen;
        }
        lineBytes = total;
        if (total > maxLine) {
            return 0;
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return len;
    }

    /** Reads the next chunk; a decompression fault becomes a one-line {@link BadInputException}. */
    private int fill() throws IOException {
        try {
            return in.read(buf, 0, buf.length);
        } catch (IOException e) {
            eof = true;
            Compression c = Compression.of(name);
            String what = c == Compression.NONE ? "file" : c.name().toLowerCase(java.util.Locale.ROOT) + " stream";
            throw new BadInputException(name + ":" + (lineNo + 1) + ": " + what + " is truncated or corrupt ("
                    + BadRecords.oneLine(e.getMessage()) + "); the " + returned + " records before this line were read", e);
        }
    }

    private static boolean isBlank(byte[] buf, int len) {
        for (int i = 0; i < len; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public String position() {
        return name + ":" + lineNo;
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            counted.close();
        }
    }

    @Override
    public String toString() {
        return "JsonlReader[" + file + "]";
    }
}
