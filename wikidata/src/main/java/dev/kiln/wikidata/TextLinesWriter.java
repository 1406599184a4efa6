package dev.kiln.wikidata;

import dev.kiln.core.Document;
import dev.kiln.core.io.AtomicDocumentWriter;
import dev.kiln.core.io.Compression;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes each document's text followed by a newline to a plain-text file ({@code .txt}, {@code .tsv},
 * optionally {@code .gz}/{@code .zst}/{@code .bz2}). In raw mode that is exactly Loka's
 * {@code triples_normalized.txt}: one {@code subject TAB predicate TAB object} line per triple; in text and
 * linear mode, one subject per line. Ids and metadata are not written. Atomic like every kiln writer.
 */
public final class TextLinesWriter extends AtomicDocumentWriter {

    private final OutputStream out;

    private TextLinesWriter(Path target) throws IOException {
        super(target);
        this.out = new BufferedOutputStream(Compression.of(target.getFileName().toString()).compress(file.openStream()), 1 << 16);
    }

    /** Opens a writer for {@code target}. */
    public static TextLinesWriter open(Path target) throws IOException {
        return new TextLinesWriter(target);
    }

    /** Whether {@code path} names a plain-text output this writer handles. */
    public static boolean handles(Path path) {
        String n = Compression.strip(path.getFileName().toString()).toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".tsv");
    }

    @Override
    protected void append(Document doc) throws IOException {
        out.write(doc.text().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    @Override
    protected void finish() throws IOException {
        out.close();
    }

    @Override
    protected void discard() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the temporary file is deleted anyway
        }
    }
}
