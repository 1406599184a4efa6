package dev.kiln.core.stage;

import dev.kiln.core.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parameters of one stage as given in a config file ({@code - name: length, min_chars: 300}), read
 * the way Lucene's analysis factories read theirs: each {@code get*}/{@code require*} call consumes a
 * key, values are checked against their allowed range, and {@link #checkAllUsed()} fails with
 * "Unknown parameters: ..." on anything left over, so a typo never silently falls back to a default.
 */
public final class Params {

    private final String stage;
    private final Map<String, Object> values;

    private Params(String stage, Map<String, Object> values) {
        this.stage = stage;
        this.values = new LinkedHashMap<>(values);
    }

    /** Parameters for stage {@code stage} (used in error messages). */
    public static Params of(String stage, Map<String, ?> values) {
        return new Params(stage, values == null ? Map.of() : new LinkedHashMap<>(values));
    }

    /** The stage these parameters belong to. */
    public String stage() {
        return stage;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public double getDouble(String key, double dflt, double lo, double hi) {
        Object v = values.remove(key);
        double d = v == null ? dflt : number(key, v).doubleValue();
        return ConfigException.checkRange(qualify(key), d, lo, hi);
    }

    public int getInt(String key, int dflt, int lo, int hi) {
        Object v = values.remove(key);
        long l = v == null ? dflt : integral(key, v);
        return (int) ConfigException.checkRange(qualify(key), l, lo, hi);
    }

    public long getLong(String key, long dflt, long lo, long hi) {
        Object v = values.remove(key);
        long l = v == null ? dflt : integral(key, v);
        return ConfigException.checkRange(qualify(key), l, lo, hi);
    }

    public boolean getBoolean(String key, boolean dflt) {
        Object v = values.remove(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(qualify(key) + " must be true or false: " + v);
    }

    public String getString(String key, String dflt) {
        Object v = values.remove(key);
        return v == null ? dflt : v.toString();
    }

    /** A string that must be one of {@code allowed}. */
    public String getChoice(String key, String dflt, List<String> allowed) {
        String s = getString(key, dflt);
        if (!allowed.contains(s)) {
            throw new ConfigException(qualify(key) + " must be one of " + allowed + ": " + s);
        }
        return s;
    }

    public List<String> getStrings(String key, List<String> dflt) {
        Object v = values.remove(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
            return List.copyOf(out);
        }
        return List.of(v.toString());
    }

    /** Fails with "Unknown parameters: ..." if any key was never read. Call once after reading all keys. */
    public void checkAllUsed() {
        if (!values.isEmpty()) {
            throw new ConfigException("Unknown parameters for stage '" + stage + "': " + new TreeSet<>(values.keySet()));
        }
    }

    private String qualify(String key) {
        return stage + "." + key;
    }

    private Number number(String key, Object v) {
        if (v instanceof Number n) {
            return n;
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(qualify(key) + " must be a number: " + v);
        }
    }

    private long integral(String key, Object v) {
        Number n = number(key, v.toString().replace("_", ""));
        double d = n.doubleValue();
        if (d != Math.rint(d)) {
            throw new ConfigException(qualify(key) + " must be a whole number: " + v);
        }
        return n instanceof Double ? (long) d : n.longValue();
    }
}
