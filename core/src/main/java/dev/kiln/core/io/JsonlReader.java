package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JSON Lines ({@code .jsonl}, {@code .jsonl.gz}, {@code .jsonl.zst}, {@code .jsonl.bz2}): one JSON
 * object per line; the configured text and id fields become the document's, a {@code source} field its
 * source, every other field its metadata. Blank lines are skipped. Lines that are not valid UTF-8, not
 * JSON objects, or have no string text field are reported with {@code file:line} and skipped.
 */
public final class JsonlReader implements DocumentReader {

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).maxNestingDepth(1000).build())
            .build());

    private final Path file;
    private final String name;
    private final ReadOptions options;
    private final BadRecords bad;
    private final CountingInputStream counted;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 17];
    private int bufPos;
    private int bufLen;
    private byte[] line = new byte[1 << 16];
    private long lineNo;
    private boolean eof;

    private JsonlReader(Path file, ReadOptions options, BadRecords bad) throws IOException {
        this.file = file;
        this.name = file.getFileName().toString();
        this.options = options;
        this.bad = bad;
        this.counted = new CountingInputStream(Files.newInputStream(file));
        InputStream decoded;
        try {
            decoded = Compression.of(name).decompress(counted);
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
            if (isBlank(line, len)) {
                continue;
            }
            if (!validUtf8(line, len)) {
                bad.report(position(), "invalid_utf8", "line is not valid UTF-8");
                continue;
            }
            Document doc = parse(len);
            if (doc != null) {
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

    /** Reads one line (without the newline, and without a trailing CR) into {@link #line}; -1 at end. */
    private int readLine() throws IOException {
        int len = 0;
        while (true) {
            if (bufPos == bufLen) {
                bufLen = in.read(buf, 0, buf.length);
                bufPos = 0;
                if (bufLen <= 0) {
                    bufLen = 0;
                    if (len == 0) {
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
            if (len + n > line.length) {
                line = Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(len + n, 2L * line.length)));
            }
            System.arraycopy(buf, start, line, len, n);
            len += n;
            if (end < bufLen) {
                bufPos = end + 1;
                break;
            }
            bufPos = bufLen;
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return len;
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

    private boolean validUtf8(byte[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] < 0) {
                try {
                    utf8.reset().decode(ByteBuffer.wrap(buf, i, len - i));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
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
        in.close();
    }

    @Override
    public String toString() {
        return "JsonlReader[" + file + "]";
    }
}
