package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Training on the CPU gives bit-identical weights whatever ONNX Runtime's thread count (measured
 * also on the small preset with the parity dump). A kernel that splits a reduction or a scatter by
 * thread would break this.
 */
class ThreadCountDeterminismTest {

    @Test
    void oneAndTwoThreadsTrainToTheSameBits() throws Exception {
        int[] text = TestData.bierceBytes();
        TrainerConfig c = TrainerConfig.of(LlamaConfig.TINY, 8, 64);
        float[] init = Init.params(c.model(), 4);
        float[][] out = new float[2][];
        for (int t = 1; t <= 2; t++) {
            Random r = new Random(11);
            try (TrainerSession s = TrainerSession.create(c.withDevice(Device.CPU, t), init)) {
                for (int i = 0; i < 3; i++) {
                    s.step(TestData.randomWindows(text, 8, 64, r), 2e-3f);
                }
                out[t - 1] = s.params();
            }
        }
        assertArrayEquals(out[0], out[1]);
    }
}
