package dev.kiln.core.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void readsValidatesAndConsumesKeys() {
        Params p = Params.of("G1_alpha_ratio", Map.of("min_alpha_ratio", 0.7, "max_chars", "80_000", "on", true));
        assertEquals(0.7, p.getDouble("min_alpha_ratio", 0.65, 0, 1));
        assertEquals(80_000, p.getInt("max_chars", 1, 1, Integer.MAX_VALUE));
        assertTrue(p.getBoolean("on", false));
        assertEquals(5, p.getInt("absent", 5, 0, 10));
        p.checkAllUsed();
    }

    @Test
    void outOfRangeNamesKeyAndRange() {
        Params p = Params.of("G3_weird_symbols", Map.of("max_weird_ratio", 1.5));
        ConfigException e = assertThrows(ConfigException.class, () -> p.getDouble("max_weird_ratio", 0.01, 0, 1));
        assertEquals("G3_weird_symbols.max_weird_ratio must be in [0, 1]: 1.5", e.getMessage());
    }

    @Test
    void leftoverKeysAreUnknownParameters() {
        Params p = Params.of("length", Map.of("min_chars", 3, "max_charz", 4));
        p.getInt("min_chars", 0, 0, 10);
        ConfigException e = assertThrows(ConfigException.class, p::checkAllUsed);
        assertTrue(e.getMessage().contains("Unknown parameters") && e.getMessage().contains("max_charz"), e.getMessage());
    }

    @Test
    void typeErrorsAreReported() {
        assertThrows(ConfigException.class, () -> Params.of("s", Map.of("n", "many")).getInt("n", 1, 0, 9));
        assertThrows(ConfigException.class, () -> Params.of("s", Map.of("n", 2.5)).getInt("n", 1, 0, 9));
        assertThrows(ConfigException.class, () -> Params.of("s", Map.of("b", "yes")).getBoolean("b", false));
        assertThrows(ConfigException.class, () -> Params.of("s", Map.of("c", "x")).getChoice("c", "a", List.of("a", "b")));
    }

    @Test
    void registryNamesUnknownStages() {
        ConfigException e = assertThrows(ConfigException.class, () -> StageRegistry.load().create("no_such_stage", Map.of()));
        assertTrue(e.getMessage().contains("unknown stage 'no_such_stage'"));
    }
}
