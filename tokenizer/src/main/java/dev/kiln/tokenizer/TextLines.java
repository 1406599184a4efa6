package dev.kiln.tokenizer;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.pipeline.DocumentSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plain text files read as one document per line, the way {@code spm_train --input} reads them; for
 * side-by-side comparisons with SentencePiece and for corpora already split into sentences. Empty lines
 * are skipped (as spm does); a line with invalid UTF-8 is reported to {@link BadRecords} as
 * {@code file:line} and skipped.
 */
public final class TextLines implements DocumentSource {

    private final List<Path> files;
    private final BadRecords bad;
    private final long total;
    private int index = -1;
    private BufferedReader in;
    private long line;
    private long done;
    private long current;

    private TextLines(List<Path> files, BadRecords bad) throws IOException {
        this.files = List.copyOf(files);
        this.bad = bad;
        long t = 0;
        for (Path f : files) {
            t += Files.size(f);
        }
        this.total = t;
    }

    /** Lines of {@code files}, in order. */
    public static TextLines of(List<Path> files, BadRecords bad) throws IOException {
        return new TextLines(files, bad);
    }

    @Override
    public Document next() throws IOException {
        while (true) {
            if (in == null) {
                if (++index >= files.size()) {
                    return null;
                }
                var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                in = new BufferedReader(new InputStreamReader(Files.newInputStream(files.get(index)), dec), 1 << 16);
                line = 0;
            }
            String s;
            try {
                s = in.readLine();
            } catch (CharacterCodingException e) {
                bad.report(files.get(index) + ":" + (line + 1), "invalid_utf8", "invalid UTF-8; rest of file skipped");
                s = null;
            }
            if (s == null) {
                in.close();
                in = null;
                done += Files.size(files.get(index));
                current = 0;
                continue;
            }
            line++;
            current += s.length() + 1;
            if (!s.isEmpty()) {
                return Document.of(files.get(index).getFileName() + ":" + line, s, "");
            }
        }
    }

    @Override
    public long bytesRead() {
        return done + current;
    }

    @Override
    public long totalBytes() {
        return total;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
