package dev.kiln.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LlamaConfigTest {

    @Test
    void llama100mHasExactlyTheReferenceParameterCount() {
        assertEquals(102_451_968L, LlamaConfig.LLAMA_100M.parameterCount());
        assertTrue(LlamaConfig.preset("llama-100m").describe().contains("102,451,968"));
    }

    @Test
    void presetsAreAboutTheirAdvertisedSize() {
        long tiny = LlamaConfig.TINY.parameterCount();
        long small = LlamaConfig.SMALL.parameterCount();
        assertTrue(tiny > 800_000 && tiny < 1_500_000, "tiny " + tiny);
        assertTrue(small > 8_000_000 && small < 12_000_000, "small " + small);
    }

    @Test
    void layoutIsContiguousAndOrdered() {
        ParamLayout l = ParamLayout.of(LlamaConfig.TINY);
        long next = 0;
        for (ParamLayout.Entry e : l.entries()) {
            assertEquals(next, e.offset(), e.name());
            next += e.size();
        }
        assertEquals(l.size(), next);
        assertEquals("embed", l.entries().getFirst().name());
        assertEquals("final_norm", l.entries().getLast().name());
    }

    @Test
    void invalidConfigsNameTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LlamaConfig("x", 100, 30, 1, 4, 8, 8, 1e4, 1e-5));
        assertTrue(e.getMessage().contains("dim 30"), e.getMessage());
        var u = assertThrows(IllegalArgumentException.class, () -> LlamaConfig.preset("huge"));
        assertTrue(u.getMessage().contains("huge"));
    }
}
