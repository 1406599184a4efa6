package dev.kiln.wikidata.io;

import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Compression;
import dev.kiln.core.io.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a (possibly compressed) file line by line as strict UTF-8. A line that is not valid UTF-8 is
 * reported as {@code invalid_utf8} with {@code file:line} and skipped; a trailing CR is removed.
 */
final class LineReader implements AutoCloseable {

    private final String name;
    private final BadRecords bad;
    private final CountingInputStream counted;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 17];
    private int bufPos;
    private int bufLen;
    private byte[] line = new byte[1 << 12];
    private int lineLen;
    private long lineNo;

    LineReader(Path file, BadRecords bad) throws IOException {
        this.name = file.getFileName().toString();
        this.bad = bad;
        this.counted = new CountingInputStream(Files.newInputStream(file));
        try {
            this.in = Compression.of(name).decompress(counted);
        } catch (IOException e) {
            counted.close();
            throw new BadInputException(name + ": cannot open " + Compression.of(name) + " stream: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    /** The next valid line, or null at the end. */
    String next() throws IOException {
        while (readLine()) {
            lineNo++;
            String s = decode();
            if (s != null) {
                return s;
            }
            bad.report(position(), "invalid_utf8", "line is not valid UTF-8");
        }
        return null;
    }

    /** Advances to the next line without decoding it (see {@link #bytes()}); false at the end. */
    boolean nextRaw() throws IOException {
        if (!readLine()) {
            return false;
        }
        lineNo++;
        return true;
    }

    /** The current line's bytes (valid up to {@link #length()}). */
    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLen;
    }

    long lineNo() {
        return lineNo;
    }

    String position() {
        return name + ":" + lineNo;
    }

    long bytesRead() {
        return counted.count();
    }

    private String decode() {
        boolean ascii = true;
        for (int i = 0; i < lineLen; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, 0, lineLen, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(line, 0, lineLen));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private boolean readLine() throws IOException {
        lineLen = 0;
        boolean any = false;
        while (true) {
            if (bufPos == bufLen) {
                bufLen = in.read(buf, 0, buf.length);
                bufPos = 0;
                if (bufLen <= 0) {
                    bufLen = 0;
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int start = bufPos;
            int end = start;
            while (end < bufLen && buf[end] != '\n') {
                end++;
            }
            int n = end - start;
            if (lineLen + n > line.length) {
                line = Arrays.copyOf(line, Math.max(lineLen + n, 2 * line.length));
            }
            System.arraycopy(buf, start, line, lineLen, n);
            lineLen += n;
            if (end < bufLen) {
                bufPos = end + 1;
                break;
            }
            bufPos = bufLen;
        }
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
