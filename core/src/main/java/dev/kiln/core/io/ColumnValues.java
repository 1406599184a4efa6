package dev.kiln.core.io;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the values of foreign Parquet/Arrow columns into the JSON-compatible types
 * {@link dev.kiln.core.Document#metadata()} holds: String, Long, Double, Boolean, List, Map (and null).
 * Narrower numbers widen, dates and times become ISO-8601 strings, raw bytes become base64.
 */
final class ColumnValues {

    private ColumnValues() {
    }

    static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof org.apache.arrow.vector.util.Text t) {
            return new String(t.copyBytes(), StandardCharsets.UTF_8);
        }
        if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof LocalTime || v instanceof TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalize(o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(normalize(k)), normalize(x)));
            return out;
        }
        return v.toString();
    }
}
