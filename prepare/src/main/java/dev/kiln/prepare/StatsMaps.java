package dev.kiln.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up the statistics maps of several units of one step (e.g. the clean runs of a source's files). */
final class StatsMaps {

    private StatsMaps() {
    }

    /**
     * Sums counts key by key, recursing into maps and into lists of maps matched by position (the
     * per-stage lists of one pipeline); strings, {@code threads} and rates are taken from the first map
     * and the rates recomputed from the sums. One map is returned unchanged.
     */
    static Map<String, Object> sum(List<Map<String, Object>> maps) {
        if (maps.size() == 1) {
            return maps.getFirst();
        }
        Map<String, Object> out = merge(maps);
        double seconds = out.get("seconds") instanceof Number n ? n.doubleValue() : 0;
        if (seconds > 0 && out.get("docs_read") instanceof Number d && out.get("bytes_read") instanceof Number b) {
            out.put("docs_per_second", Math.round(d.doubleValue() / seconds));
            out.put("mb_per_second", Math.round(b.doubleValue() / 1e6 / seconds * 100) / 100.0);
        }
        out.put("units", maps.size());
        return out;
    }

    private static Map<String, Object> merge(List<Map<String, Object>> maps) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> m : maps) {
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.merge(e.getKey(), e.getValue(), (a, b) -> add(e.getKey(), a, b));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object add(String key, Object a, Object b) {
        if (key.equals("threads") || key.endsWith("_per_second")) {
            return a;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
                return Math.round((x.doubleValue() + y.doubleValue()) * 1e3) / 1e3;
            }
            return x.longValue() + y.longValue();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return merge(List.of((Map<String, Object>) x, (Map<String, Object>) y));
        }
        if (a instanceof List<?> x && b instanceof List<?> y && x.size() == y.size()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                out.add(x.get(i) instanceof Map<?, ?> && y.get(i) instanceof Map<?, ?>
                        ? merge(List.of((Map<String, Object>) x.get(i), (Map<String, Object>) y.get(i))) : x.get(i));
            }
            return out;
        }
        return a;
    }
}
