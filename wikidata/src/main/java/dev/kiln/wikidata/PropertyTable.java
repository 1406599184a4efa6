package dev.kiln.wikidata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What kiln knows about properties and units without a dump: datatype and English label per PID
 * ({@code properties.tsv}) and the English label of common unit items ({@code units.tsv}), both bundled
 * resources. Inputs that carry no datatype (TSV, Parquet) get it from here, by PID or, for Loka's
 * label-only lines, by label. Immutable and thread-safe.
 */
public final class PropertyTable {

    /** One property: its datatype and English label. */
    public record Property(String id, Datatype datatype, String label) {
    }

    private static final PropertyTable BUNDLED = load();

    private final Map<String, Property> byId;
    private final Map<String, Property> byLabel;
    private final Map<String, String> units;

    private PropertyTable(Map<String, Property> byId, Map<String, String> units) {
        this.byId = Map.copyOf(byId);
        Map<String, Property> labels = new HashMap<>();
        for (Property p : byId.values()) {
            labels.putIfAbsent(p.label().toLowerCase(Locale.ROOT), p);
        }
        this.byLabel = Map.copyOf(labels);
        this.units = Map.copyOf(units);
    }

    /** The table shipped with kiln. */
    public static PropertyTable bundled() {
        return BUNDLED;
    }

    /** The property with this PID, or null. */
    public Property byId(String pid) {
        return pid == null || pid.isEmpty() ? null : byId.get(pid);
    }

    /** The property with this English label (case-insensitive), or null. */
    public Property byLabel(String label) {
        return label == null ? null : byLabel.get(label.toLowerCase(Locale.ROOT));
    }

    /** The datatype of a property known by id or label, or {@link Datatype#UNKNOWN}. */
    public Datatype datatype(String pid, String label) {
        Property p = byId(pid);
        if (p == null) {
            p = byLabel(label);
        }
        return p == null ? Datatype.UNKNOWN : p.datatype();
    }

    /** The label of a unit item ({@code Q712226} → {@code square kilometres}), or null. */
    public String unitLabel(String qid) {
        return units.get(qid);
    }

    private static PropertyTable load() {
        Map<String, Property> props = new HashMap<>();
        for (String[] row : readTsv("properties.tsv", 3)) {
            props.put(row[0], new Property(row[0], Datatype.of(row[1]), row[2]));
        }
        Map<String, String> units = new HashMap<>();
        for (String[] row : readTsv("units.tsv", 2)) {
            units.put(row[0], row[1]);
        }
        return new PropertyTable(props, units);
    }

    private static java.util.List<String[]> readTsv(String resource, int columns) {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (InputStream in = PropertyTable.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(resource + ":" + n + ": expected " + columns + " tab-separated fields");
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
