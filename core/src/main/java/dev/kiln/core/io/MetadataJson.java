package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the columnar writers store {@link dev.kiln.core.Document#metadata()}: one nullable string column
 * {@value #COLUMN} holding a JSON object (null when the document has no metadata), and the file-level
 * key {@value #MARKER_KEY} = {@value #MARKER_VALUE} so the readers know to expand it back into a map.
 *
 * <p>A JSON column rather than typed columns because metadata differs between documents (web pages have
 * {@code url} and {@code timestamp}, Wikipedia pages {@code title}, rejects {@code reason} and
 * {@code value}) and may hold lists and maps; one schema for every kiln file keeps converting
 * lossless: JSONL → Parquet → Arrow → JSONL gives back the same objects, key order included.
 */
final class MetadataJson {

    /** Name of the metadata column in kiln-written Parquet and Arrow files. */
    static final String COLUMN = "metadata";
    /** File-level key-value metadata marking a kiln-written file. */
    static final String MARKER_KEY = "kiln.metadata";
    /** The marker's value: the metadata column holds JSON objects. */
    static final String MARKER_VALUE = "json";

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private MetadataJson() {
    }

    /** The metadata as a JSON object, or null when empty. */
    static String encode(Map<String, Object> metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        try {
            return JsonlReader.MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a JSON object written by {@link #encode}. */
    static Map<String, Object> decode(String json) throws JsonProcessingException {
        return JsonlReader.MAPPER.readValue(json, MAP);
    }
}
