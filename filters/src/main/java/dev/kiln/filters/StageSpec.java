package dev.kiln.filters;

import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stage of a profile as config: a registered stage name and its parameters
 * ({@code {name: C6_entropy, min_entropy: 3.5}}).
 *
 * @param name registered {@link dev.kiln.core.stage.StageFactory} name
 * @param params parameters (unknown keys fail when the stage is built)
 */
public record StageSpec(String name, Map<String, Object> params) {

    public StageSpec {
        params = params == null ? Map.of() : new LinkedHashMap<>(params);
    }

    public static StageSpec of(String name) {
        return new StageSpec(name, Map.of());
    }

    public static StageSpec of(String name, String key, Object value) {
        return new StageSpec(name, Map.of(key, value));
    }

    public static StageSpec of(String name, String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return new StageSpec(name, m);
    }

    /** Builds the stage through the registry (validated parameters). */
    public Stage build(StageRegistry registry) {
        return registry.create(name, params);
    }

    /** Config form: {@code name} first, then the parameters. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.putAll(params);
        return m;
    }
}
