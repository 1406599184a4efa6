package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.trainer.model.Init;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on real text lowers the loss. */
class TrainingTest {

    @Test
    void lossFallsOnRealText() throws Exception {
        int[] text = TestData.bierceBytes();
        TrainerConfig c = TrainerConfig.of(TestData.TOY, 8, 32).withDevice(Device.CPU, 1);
        Random r = new Random(5);
        try (TrainerSession s = TrainerSession.create(c, Init.params(c.model(), 1))) {
            double first = 0;
            double last = 0;
            int steps = 120;
            for (int i = 0; i < steps; i++) {
                float lr = 3e-3f * Math.min(1f, (i + 1) / 10f);
                float loss = s.step(TestData.randomWindows(text, 8, 32, r), lr);
                assertTrue(Float.isFinite(loss), "loss at step " + i);
                if (i == 0) {
                    assertEquals(Math.log(256), loss, 0.15, "initial loss near ln(vocab)");
                }
                if (i < 10) {
                    first += loss / 10;
                }
                if (i >= steps - 10) {
                    last += loss / 10;
                }
            }
            System.out.printf("toy byte model: first-10 mean %.3f, last-10 mean %.3f%n", first, last);
            assertEquals(steps, s.stepCount());
            assertTrue(last < first - 1.5, "loss fell from " + first + " to " + last);
        }
    }
}
