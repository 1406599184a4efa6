package dev.kiln.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsMapsTest {

    @Test
    void sumsCountsPerStageAndReasonAndRecomputesRates() {
        Map<String, Object> a = Map.of("docs_read", 10L, "bytes_read", 2_000_000L, "seconds", 1.0, "threads", 2,
                "docs_per_second", 10L, "profile", "kiln",
                "stages", List.of(Map.of("stage", "G0_length", "docs_in", 10L, "dropped_by_reason", Map.of("length", 3L))));
        Map<String, Object> b = Map.of("docs_read", 30L, "bytes_read", 2_000_000L, "seconds", 1.0, "threads", 2,
                "docs_per_second", 30L, "profile", "kiln",
                "stages", List.of(Map.of("stage", "G0_length", "docs_in", 30L, "dropped_by_reason", Map.of("length", 1L, "x", 2L))));
        Map<String, Object> s = StatsMaps.sum(List.of(a, b));
        assertEquals(40L, s.get("docs_read"));
        assertEquals(2, s.get("threads"));
        assertEquals(20L, s.get("docs_per_second"));
        assertEquals(2.0, s.get("mb_per_second"));
        assertEquals("kiln", s.get("profile"));
        assertEquals(2, s.get("units"));
        @SuppressWarnings("unchecked")
        Map<String, Object> stage = (Map<String, Object>) ((List<Object>) s.get("stages")).getFirst();
        assertEquals("G0_length", stage.get("stage"));
        assertEquals(40L, stage.get("docs_in"));
        assertEquals(Map.of("length", 4L, "x", 2L), stage.get("dropped_by_reason"));
        assertEquals(a, StatsMaps.sum(List.of(a)));
    }
}
