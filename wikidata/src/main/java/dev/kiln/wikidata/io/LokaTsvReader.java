package dev.kiln.wikidata.io;

import dev.kiln.core.io.BadRecords;
import dev.kiln.wikidata.Triple;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Loka's {@code triples_normalized.txt} layout: one {@code subject TAB predicate TAB object} line per
 * triple, English labels only. Lines without exactly three fields ({@code short_row}, {@code long_row}) or
 * with an empty field ({@code missing_label}) are reported and skipped; blank lines are skipped silently.
 * The subject label doubles as its id.
 */
public final class LokaTsvReader implements TripleReader {

    private final LineReader lines;
    private final BadRecords bad;

    private LokaTsvReader(LineReader lines, BadRecords bad) {
        this.lines = lines;
        this.bad = bad;
    }

    /** Opens {@code file}; compression is taken from the name. */
    public static LokaTsvReader open(Path file, BadRecords bad) throws IOException {
        return new LokaTsvReader(new LineReader(file, bad), bad);
    }

    @Override
    public Triple next() throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            int a = line.indexOf('\t');
            int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
            if (b < 0) {
                bad.report(position(), "short_row", "expected 3 tab-separated fields (subject, predicate, object), got "
                        + (a < 0 ? 1 : 2));
                continue;
            }
            if (line.indexOf('\t', b + 1) >= 0) {
                bad.report(position(), "long_row", "expected 3 tab-separated fields (subject, predicate, object), got "
                        + line.split("\t", -1).length);
                continue;
            }
            String s = line.substring(0, a);
            String p = line.substring(a + 1, b);
            String o = line.substring(b + 1);
            if (s.isBlank() || p.isBlank() || o.isBlank()) {
                bad.report(position(), "missing_label", "empty " + (s.isBlank() ? "subject" : p.isBlank() ? "predicate" : "object"));
                continue;
            }
            return Triple.ofLabels(s, p, o);
        }
        return null;
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public String position() {
        return lines.position();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
