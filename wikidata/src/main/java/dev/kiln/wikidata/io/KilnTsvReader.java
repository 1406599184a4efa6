package dev.kiln.wikidata.io;

import dev.kiln.core.io.BadRecords;
import dev.kiln.wikidata.Datatype;
import dev.kiln.wikidata.Triple;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads kiln's labeled-triple TSV: six columns {@code subject_id, subject_label, property_id,
 * property_label, object_id_or_value, object_label}, an optional header row with those names.
 *
 * <p>The object's text is its label, else the value column. The value column is taken as the object's
 * id when it looks like one ({@code Q150}, {@code iso4217:EUR}). Rows with other than six fields
 * ({@code short_row}, {@code long_row}), without a subject or property label, or whose object has
 * neither label nor value, or an id and an empty label ({@code missing_label}) are reported and skipped.
 * An entity whose label column repeats its id ({@code iso3166-2:GB-GB-ENG}) is passed on; the normalizer
 * drops it as {@code unresolved_label}, as Loka drops objects whose labels do not resolve. The datatype is
 * not in the file; {@link dev.kiln.wikidata.Normalizer} looks it up by property.
 */
public final class KilnTsvReader implements TripleReader {

    /** The header row. */
    public static final String HEADER = "subject_id\tsubject_label\tproperty_id\tproperty_label\tobject_id_or_value\tobject_label";

    private static final Pattern ENTITY_KEY = Pattern.compile("^([QPL]\\d+|[A-Za-z][A-Za-z0-9-]*:(?!//)\\S+)$");

    private final LineReader lines;
    private final BadRecords bad;
    private final String[] f = new String[6];

    private KilnTsvReader(LineReader lines, BadRecords bad) {
        this.lines = lines;
        this.bad = bad;
    }

    /** Opens {@code file}; compression is taken from the name. */
    public static KilnTsvReader open(Path file, BadRecords bad) throws IOException {
        return new KilnTsvReader(new LineReader(file, bad), bad);
    }

    @Override
    public Triple next() throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank() || lines.lineNo() == 1 && line.startsWith("subject_id\t")) {
                continue;
            }
            int n = split(line);
            if (n != 6) {
                bad.report(position(), n < 6 ? "short_row" : "long_row", "expected 6 tab-separated fields "
                        + "(subject_id, subject_label, property_id, property_label, object_id_or_value, object_label), got " + n);
                continue;
            }
            Triple t = toTriple(f, position(), bad);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * The triple of one row's six fields, or null after reporting a row without the labels it needs
     * (shared with {@link ParquetTripleReader}).
     */
    static Triple toTriple(String[] f, String position, BadRecords bad) throws java.io.IOException {
        String value = f[4];
        String label = f[5];
        if (f[1].isBlank() || f[3].isBlank()) {
            bad.report(position, "missing_label", "empty " + (f[1].isBlank() ? "subject_label" : "property_label"));
            return null;
        }
        boolean entity = looksLikeKey(value) && ENTITY_KEY.matcher(value).matches();
        if (label.isBlank() && (value.isBlank() || entity)) {
            bad.report(position, "missing_label", value.isBlank() ? "object has neither label nor value"
                    : "object " + value + " has no label");
            return null;
        }
        String subjectId = f[0].isEmpty() ? f[1] : f[0];
        return new Triple(subjectId, f[1], f[2], f[3], entity ? value : "", label.isBlank() ? value : label,
                Datatype.UNKNOWN, "");
    }

    /** Cheap pre-test for {@link #ENTITY_KEY}: an id letter and a digit, or a colon. */
    private static boolean looksLikeKey(String v) {
        if (v.length() < 2) {
            return false;
        }
        char c = v.charAt(0);
        char d = v.charAt(1);
        return (c == 'Q' || c == 'P' || c == 'L') && d >= '0' && d <= '9' || v.indexOf(':') > 0;
    }

    private int split(String line) {
        int n = 0;
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            String field = tab < 0 ? line.substring(start) : line.substring(start, tab);
            if (n < 6) {
                f[n] = field;
            }
            n++;
            if (tab < 0) {
                return n;
            }
            start = tab + 1;
        }
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
