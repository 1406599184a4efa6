package dev.kiln.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads YAML config files into records. Keys are snake_case ({@code min_chars}, {@code train_tokens}),
 * close to the reference repository's {@code train.yaml}. Unknown keys are errors that list the allowed
 * keys; a value a record's constructor rejects is reported with its key path and the allowed range.
 */
public final class Configs {

    /** The YAML mapper kiln uses everywhere (snake_case, strict on unknown keys). */
    public static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** JSON with snake_case names and indentation, for metadata files. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Configs() {
    }

    /** Loads {@code file} as {@code type}; errors are {@link ConfigException}s naming the file and key. */
    public static <T> T load(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": config file not found");
        }
        try {
            T value = YAML.readValue(file.toFile(), type);
            if (value == null) {
                throw new ConfigException(file + ": config file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            if (e.getKnownPropertyIds() != null) {
                e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            throw new ConfigException(file + ": unknown key '" + path(e) + "' (allowed here: " + known + ")");
        } catch (ValueInstantiationException e) {
            Throwable c = e.getCause();
            String msg = c != null && c.getMessage() != null ? c.getMessage() : e.getOriginalMessage();
            throw new ConfigException(file + ": " + (path(e).isEmpty() ? "" : "in '" + path(e) + "': ") + msg);
        } catch (JsonMappingException e) {
            throw new ConfigException(file + ": '" + path(e) + "': " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
    }

    /** Loads {@code file} as a plain map (for sections read by several commands). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> loadMap(Path file) throws IOException {
        Object v = YAML.readValue(file.toFile(), Object.class);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new ConfigException(file + ": the top level of a config file must be a mapping of keys");
        }
        return (Map<String, Object>) v;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
