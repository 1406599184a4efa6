package dev.kiln.wikidata.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.kiln.core.io.BadRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English labels of the entities in Wikidata JSON dumps: the first of the two passes Loka makes (objects
 * of statements are ids; their labels come from their own entities). Reads only {@code id} and
 * {@code labels.en.value} of each line and skips the rest unparsed.
 *
 * <p><b>NOTE:</b> the labels are held in memory, about 100 bytes per entity: fine for the Loka tiers
 * (up to a few million entities), not for a full 100M-entity dump. Bad lines are left to the second pass
 * to report, so each is reported once.
 */
public final class EntityLabels {

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).maxNestingDepth(1000).build())
            .build();

    private final Map<String, String> labels;

    private EntityLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    /** No labels (every object must then be labelled by the bundled property table or be a literal). */
    public static EntityLabels empty() {
        return new EntityLabels(Map.of());
    }

    /** Collects the labels of every entity in {@code dumps}. */
    public static EntityLabels collect(List<Path> dumps) throws IOException {
        Map<String, String> labels = new HashMap<>();
        BadRecords quiet = new BadRecords(false, line -> { });
        for (Path dump : dumps) {
            try (LineReader lines = new LineReader(dump, quiet)) {
                while (lines.nextRaw()) {
                    int[] span = EntityDumpReader.entitySpan(lines.bytes(), lines.length());
                    if (span == null) {
                        continue;
                    }
                    try (JsonParser p = JSON.createParser(lines.bytes(), span[0], span[1] - span[0])) {
                        collectOne(p, labels);
                    } catch (com.fasterxml.jackson.core.JacksonException e) {
                        // reported by the second pass
                    }
                }
            }
        }
        return new EntityLabels(labels);
    }

    private static void collectOne(JsonParser p, Map<String, String> labels) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return;
        }
        String id = null;
        String label = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("id") && v == JsonToken.VALUE_STRING) {
                id = p.getText();
            } else if (field.equals("labels") && v == JsonToken.START_OBJECT) {
                label = EntityDumpReader.englishLabel(p);
            } else {
                p.skipChildren();
            }
        }
        if (id != null && label != null) {
            labels.put(id, label);
        }
    }

    /** The English label of {@code id}, or null. */
    public String get(String id) {
        return labels.get(id);
    }

    /** Number of labelled entities. */
    public int size() {
        return labels.size();
    }
}
