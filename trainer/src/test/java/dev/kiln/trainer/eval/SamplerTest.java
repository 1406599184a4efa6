package dev.kiln.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.trainer.Device;
import dev.kiln.trainer.ForwardModel;
import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Greedy and stochastic decoding; the exported model and the params graph agree. */
class SamplerTest {

    @Test
    void drawRespectsTopKTopPAndTemperature() {
        float[] logits = {0f, 3f, 2.9f, -5f, 1f};
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            assertEquals(1, Sampler.draw(logits, new SampleConfig(1, 1.0, 1, 1.0, 0), r), "top-k 1 is greedy");
            int t = Sampler.draw(logits, new SampleConfig(1, 1.0, 2, 1.0, 0), r);
            assertTrue(t == 1 || t == 2, "top-k 2 keeps ids 1 and 2");
            assertEquals(1, Sampler.draw(logits, new SampleConfig(1, 1.0, 0, 0.3, 0), r), "top-p 0.3 keeps only the head");
            assertEquals(1, Sampler.draw(logits, new SampleConfig(1, 1e-3, 0, 1.0, 0), r), "near-zero temperature is greedy");
        }
        assertEquals(1, Sampler.argmax(logits));
    }

    @Test
    void exportedModelAndParamsGraphGenerateTheSame() throws Exception {
        LlamaConfig c = new LlamaConfig("t", 40, 16, 1, 2, 32, 16, 1e4, 1e-5);
        float[] p = Init.params(c, 11);
        byte[] onnx = ForwardModel.build(c, 1, 8, p, false).toByteArray();
        int[] prompt = {3, 7, 9};
        try (Sampler a = Sampler.ofParams(c, p, 8, Device.CPU, 1);
             Sampler b = Sampler.ofExported(onnx, 8, 40, Device.CPU, 1)) {
            int[] ga = a.generate(prompt, SampleConfig.greedy(12), -1);
            assertEquals(12, ga.length, "context longer than T is cropped to the last T tokens");
            assertArrayEquals(ga, b.generate(prompt, SampleConfig.greedy(12), -1));
            SampleConfig hot = new SampleConfig(12, 1.0, 20, 0.95, 5);
            assertArrayEquals(a.generate(prompt, hot, -1), b.generate(prompt, hot, -1), "same seed, same tokens");
            assertNotEquals(java.util.Arrays.toString(a.generate(prompt, hot, -1)),
                    java.util.Arrays.toString(a.generate(prompt, new SampleConfig(12, 1.0, 20, 0.95, 6), -1)));
            int stop = ga[0];
            assertArrayEquals(new int[] {stop}, a.generate(prompt, SampleConfig.greedy(12), stop), "stops after the stop id");
        }
    }

    @Test
    void repetitionPenaltyLowersSeenTokensOnceEachWhateverTheirSign() {
        float[] logits = {2.0f, -1.0f, 1.5f, 0.5f};
        Sampler.penalize(logits, new int[] {0, 1, 0, 0, 9}, 4, 2.0);
        assertEquals(1.0f, logits[0], "positive logit divided once, although id 0 appears three times");
        assertEquals(-2.0f, logits[1], "negative logit multiplied");
        assertEquals(1.5f, logits[2], "unseen token untouched");
        assertEquals(2, Sampler.argmax(logits), "greedy now avoids the repeated token");
        float[] same = {2.0f, -1.0f};
        Sampler.penalize(same, new int[] {0, 1}, 2, 1.0);
        assertEquals(2.0f, same[0], "penalty 1 is off");
        assertThrows(IllegalArgumentException.class, () -> new SampleConfig(1, 0, 0, 1, 0, 0.5));
    }
}
