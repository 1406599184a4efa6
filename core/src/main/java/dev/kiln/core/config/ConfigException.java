package dev.kiln.core.config;

/**
 * A configuration value is missing, unknown or out of range. The message names the key (as written in
 * the YAML file or on the command line) and what is allowed, e.g.
 * {@code filters.max_weird_ratio must be in [0, 1]: 1.5}.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    /** Fails unless {@code lo <= value <= hi}. */
    public static double checkRange(String key, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new ConfigException(key + " must be in [" + fmt(lo) + ", " + fmt(hi) + "]: " + fmt(value));
        }
        return value;
    }

    /** Fails unless {@code lo <= value <= hi}. */
    public static long checkRange(String key, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new ConfigException(key + " must be in [" + lo + ", " + hi + "]: " + value);
        }
        return value;
    }

    /** Fails unless {@code lo <= value <= hi}. */
    public static int checkRange(String key, int value, int lo, int hi) {
        return (int) checkRange(key, (long) value, lo, hi);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
