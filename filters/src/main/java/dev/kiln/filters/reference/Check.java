package dev.kiln.filters.reference;

import dev.kiln.core.config.ConfigException;

/** Constructor argument checks whose messages name the parameter and its legal range. */
final class Check {

    private Check() {
    }

    static double ratio(String key, double v) {
        return ConfigException.checkRange(key, v, 0.0, 1.0);
    }

    static double range(String key, double v, double lo, double hi) {
        return ConfigException.checkRange(key, v, lo, hi);
    }

    static int range(String key, int v, int lo, int hi) {
        return ConfigException.checkRange(key, v, lo, hi);
    }
}
