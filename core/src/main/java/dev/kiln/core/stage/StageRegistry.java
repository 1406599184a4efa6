package dev.kiln.core.stage;

import dev.kiln.core.config.ConfigException;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** All {@link StageFactory} implementations on the classpath, by name. */
public final class StageRegistry {

    private final Map<String, StageFactory> factories;

    private StageRegistry(Map<String, StageFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** Loads every registered factory; two factories with one name is an error. */
    public static StageRegistry load() {
        Map<String, StageFactory> byName = new TreeMap<>();
        for (StageFactory f : ServiceLoader.load(StageFactory.class)) {
            StageFactory prev = byName.putIfAbsent(f.name(), f);
            if (prev != null) {
                throw new IllegalStateException("two stages named '" + f.name() + "': "
                        + prev.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return new StageRegistry(byName);
    }

    /** Factories by name, sorted. */
    public Map<String, StageFactory> factories() {
        return factories;
    }

    /** Builds stage {@code name} from {@code params}; unknown names list what exists. */
    public Stage create(String name, Map<String, ?> params) {
        StageFactory f = factories.get(name);
        if (f == null) {
            throw new ConfigException("unknown stage '" + name + "'; known stages: " + factories.keySet());
        }
        return f.create(Params.of(name, params));
    }
}
