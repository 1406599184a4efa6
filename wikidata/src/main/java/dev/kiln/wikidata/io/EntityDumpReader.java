package dev.kiln.wikidata.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kiln.core.io.BadRecords;
import dev.kiln.wikidata.Datatype;
import dev.kiln.wikidata.PropertyTable;
import dev.kiln.wikidata.Triple;
import dev.kiln.wikidata.TripleStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Wikidata JSON entity dumps in the official layout: a {@code [} line, one entity object per line
 * followed by a comma, a {@code ]} line (plain JSON Lines work too). Each statement's main snak becomes a
 * triple; qualifiers, references, descriptions, aliases and sitelinks are skipped without being parsed
 * into objects (Jackson streaming).
 *
 * <p>Labels: the subject's from its own {@code labels.en}; objects', properties' and units' from
 * {@link EntityLabels} (the first pass over all dumps), then the bundled {@link PropertyTable}. An object
 * whose label is unknown is passed on with empty text, so the normalizer drops it as
 * {@code unresolved_label}. Time values get their precision applied (year precision zeroes month and day,
 * month precision the day). Deprecated statements ({@code deprecated_rank}) and {@code novalue} /
 * {@code somevalue} snaks ({@code no_value}) are counted as dropped here; entities without an English
 * label ({@code subject_unlabelled}) likewise, one count per statement. Malformed lines are reported as
 * {@code malformed_json} with {@code file:line}.
 */
public final class EntityDumpReader implements TripleReader {

    private final LineReader lines;
    private final BadRecords bad;
    private final EntityLabels labels;
    private final PropertyTable table;
    private final TripleStats stats;
    private final ArrayDeque<Triple> pending = new ArrayDeque<>();
    private final List<Snak> snaks = new ArrayList<>();

    /** One main snak, as read. */
    private record Snak(String property, Datatype datatype, String objectId, String value, String unit) {
    }

    private EntityDumpReader(LineReader lines, BadRecords bad, EntityLabels labels, PropertyTable table, TripleStats stats) {
        this.lines = lines;
        this.bad = bad;
        this.labels = labels;
        this.table = table;
        this.stats = stats;
    }

    /**
     * Opens {@code file}.
     *
     * @param labels labels of the entities in all dumps of the run ({@link EntityLabels#collect})
     * @param table bundled property labels and datatypes
     * @param stats where statements dropped before normalization are counted
     */
    public static EntityDumpReader open(Path file, BadRecords bad, EntityLabels labels, PropertyTable table,
                                        TripleStats stats) throws IOException {
        return new EntityDumpReader(new LineReader(file, bad), bad, labels, table, stats);
    }

    @Override
    public Triple next() throws IOException {
        while (pending.isEmpty()) {
            if (!lines.nextRaw()) {
                return null;
            }
            int[] span = entitySpan(lines.bytes(), lines.length());
            if (span == null) {
                continue;
            }
            try (JsonParser p = EntityLabels.JSON.createParser(lines.bytes(), span[0], span[1] - span[0])) {
                parseEntity(p);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                pending.clear();
                String msg = e.getOriginalMessage();
                boolean utf8 = msg != null && msg.contains("UTF-8");
                bad.report(position(), utf8 ? "invalid_utf8" : "malformed_json", msg);
            }
        }
        return pending.poll();
    }

    /** Start and end of the entity object on a dump line, without the trailing comma; null for {@code [ ]} and blanks. */
    static int[] entitySpan(byte[] b, int len) {
        int s = 0;
        while (s < len && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        int e = len;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == ',')) {
            e--;
        }
        if (e == s || e - s == 1 && (b[s] == '[' || b[s] == ']')) {
            return null;
        }
        return new int[] {s, e};
    }

    private void parseEntity(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            bad.report(position(), "malformed_json", "not a JSON object");
            return;
        }
        String id = null;
        String label = null;
        snaks.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("id") && v == JsonToken.VALUE_STRING) {
                id = p.getText();
            } else if (field.equals("labels") && v == JsonToken.START_OBJECT) {
                label = englishLabel(p);
            } else if ((field.equals("claims") || field.equals("statements")) && v == JsonToken.START_OBJECT) {
                readClaims(p);
            } else {
                p.skipChildren();
            }
        }
        if (id == null) {
            bad.report(position(), "malformed_json", "entity without an id");
            return;
        }
        if (label == null) {
            label = labels.get(id);
        }
        for (Snak s : snaks) {
            if (label == null) {
                stats.droppedByReader("subject_unlabelled");
                continue;
            }
            String propertyLabel = labels.get(s.property());
            if (propertyLabel == null) {
                PropertyTable.Property known = table.byId(s.property());
                propertyLabel = known == null ? "" : known.label();
            }
            if (propertyLabel.isEmpty()) {
                stats.droppedByReader("unresolved_label");
                continue;
            }
            String object = s.value();
            if (s.objectId() != null) {
                object = labels.get(s.objectId());
                if (object == null) {
                    stats.droppedByReader("unresolved_label");
                    continue;
                }
            }
            String unit = s.unit();
            if (unit != null && unit.startsWith("http://www.wikidata.org/entity/")) {
                String qid = unit.substring("http://www.wikidata.org/entity/".length());
                String unitLabel = table.unitLabel(qid);
                if (unitLabel == null) {
                    unitLabel = labels.get(qid);
                }
                unit = unitLabel == null ? qid : unitLabel;
            }
            pending.add(new Triple(id, label, s.property(), propertyLabel, s.objectId(), object, s.datatype(), unit));
        }
    }

    /** Reads a {@code labels} object (parser on its START_OBJECT) and returns the English value, or null. */
    static String englishLabel(JsonParser p) throws IOException {
        String en = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String lang = p.currentName();
            JsonToken v = p.nextToken();
            if (lang.equals("en") && v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken t = p.nextToken();
                    if (f.equals("value") && t == JsonToken.VALUE_STRING) {
                        en = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return en;
    }

    private void readClaims(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                readStatement(p);
            }
        }
    }

    private void readStatement(JsonParser p) throws IOException {
        Snak snak = null;
        boolean deprecated = false;
        boolean noValue = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("mainsnak") && v == JsonToken.START_OBJECT) {
                snak = readSnak(p);
                noValue = snak == null;
            } else if (field.equals("rank") && v == JsonToken.VALUE_STRING) {
                deprecated = p.getText().equals("deprecated");
            } else {
                p.skipChildren();
            }
        }
        if (deprecated) {
            stats.droppedByReader("deprecated_rank");
        } else if (noValue) {
            stats.droppedByReader("no_value");
        } else if (snak != null) {
            snaks.add(snak);
        }
    }

    private Snak readSnak(JsonParser p) throws IOException {
        String property = null;
        String snaktype = "value";
        Datatype datatype = Datatype.UNKNOWN;
        String[] value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "property" -> property = p.getText();
                case "snaktype" -> snaktype = p.getText();
                case "datatype" -> datatype = Datatype.of(p.getText());
                case "datavalue" -> value = v == JsonToken.START_OBJECT ? readDatavalue(p) : skip(p);
                default -> p.skipChildren();
            }
        }
        if (!snaktype.equals("value") || property == null || value == null) {
            return null;
        }
        return new Snak(property, datatype, value[0], value[1], value[2]);
    }

    private static String[] skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** {objectId, value, unit} of a datavalue object. */
    private String[] readDatavalue(JsonParser p) throws IOException {
        String type = null;
        String objectId = null;
        String text = null;
        String unit = null;
        String time = null;
        int precision = 11;
        String lat = null;
        String lon = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("type")) {
                type = p.getText();
            } else if (field.equals("value")) {
                if (v == JsonToken.VALUE_STRING) {
                    text = p.getText();
                } else if (v == JsonToken.START_OBJECT) {
                    String numericId = null;
                    String entityType = "item";
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken t = p.nextToken();
                        switch (f) {
                            case "id" -> objectId = p.getText();
                            case "numeric-id" -> numericId = p.getText();
                            case "entity-type" -> entityType = p.getText();
                            case "time" -> time = p.getText();
                            case "precision" -> precision = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : precision;
                            case "amount" -> text = p.getText();
                            case "unit" -> unit = p.getText();
                            case "text" -> text = p.getText();
                            case "latitude" -> lat = p.getText();
                            case "longitude" -> lon = p.getText();
                            default -> p.skipChildren();
                        }
                    }
                    if (objectId == null && numericId != null) {
                        objectId = (entityType.equals("property") ? "P" : entityType.equals("lexeme") ? "L" : "Q") + numericId;
                    }
                } else {
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        if ("wikibase-entityid".equals(type)) {
            return objectId == null ? null : new String[] {objectId, "", null};
        }
        if (time != null) {
            return new String[] {null, applyPrecision(time, precision), null};
        }
        if (lat != null && lon != null) {
            return new String[] {null, lat + "," + lon, null};
        }
        return text == null ? null : new String[] {null, text, unit};
    }

    /** Zeroes the month and day a time's precision does not vouch for ({@code 9} = year, {@code 10} = month). */
    static String applyPrecision(String time, int precision) {
        if (precision >= 11) {
            return time;
        }
        int dash = time.indexOf('-', 1);
        if (dash < 0 || time.length() < dash + 6) {
            return time;
        }
        char[] c = time.toCharArray();
        if (precision <= 9) {
            c[dash + 1] = '0';
            c[dash + 2] = '0';
        }
        c[dash + 4] = '0';
        c[dash + 5] = '0';
        return new String(c);
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
