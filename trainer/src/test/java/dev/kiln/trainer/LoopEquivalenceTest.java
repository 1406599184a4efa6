package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.trainer.model.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** K optimiser steps in one ONNX Loop run equal K single-step runs bit for bit. */
class LoopEquivalenceTest {

    private static final int K = 4;

    private static void assertLoopEqualsSingles(TrainerConfig single) throws Exception {
        int[] text = TestData.bierceBytes();
        Random r = new Random(9);
        int rows = single.accumulation() * single.batch();
        List<Batch> batches = new ArrayList<>();
        float[] lrs = new float[K];
        for (int i = 0; i < K; i++) {
            batches.add(TestData.randomWindows(text, rows, single.seq(), r));
            lrs[i] = 1e-3f * (i + 1);
        }
        float[] init = Init.params(single.model(), 2);
        float[] singleLosses = new float[K];
        try (TrainerSession a = TrainerSession.create(single, init);
             TrainerSession b = TrainerSession.create(single.withStepsPerRun(K), init)) {
            for (int i = 0; i < K; i++) {
                singleLosses[i] = a.step(batches.get(i), lrs[i]);
            }
            float[] loopLosses = b.run(batches, lrs);
            assertArrayEquals(singleLosses, loopLosses, 0f, "losses");
            assertArrayEquals(a.params(), b.params(), 0f, "params");
            assertArrayEquals(a.moment1(), b.moment1(), 0f, "m");
            assertArrayEquals(a.moment2(), b.moment2(), 0f, "v");
            assertEquals(K, a.stepCount());
            assertEquals(K, b.stepCount());
        }
    }

    @Test
    void loopOfKStepsEqualsKSingleSteps() throws Exception {
        assertLoopEqualsSingles(TrainerConfig.of(TestData.TOY, 4, 16).withDevice(Device.CPU, 1));
    }

    @Test
    void loopWithAccumulationEqualsSingleStepsWithAccumulation() throws Exception {
        assertLoopEqualsSingles(TrainerConfig.of(TestData.TOY, 2, 16).withAccumulation(3).withDevice(Device.CPU, 1));
    }

    @Test
    void accumulationAveragesMicroBatchGradients() throws Exception {
        // A micro-batches of B rows give the same step as one batch of A·B rows (up to float rounding).
        int[] text = TestData.bierceBytes();
        Batch batch = TestData.randomWindows(text, 4, 16, new Random(4));
        float[] init = Init.params(TestData.TOY, 3);
        TrainerConfig whole = TrainerConfig.of(TestData.TOY, 4, 16).withDevice(Device.CPU, 1);
        try (TrainerSession a = TrainerSession.create(whole, init);
             TrainerSession b = TrainerSession.create(TrainerConfig.of(TestData.TOY, 2, 16).withAccumulation(2)
                     .withDevice(Device.CPU, 1), init)) {
            assertEquals(a.step(batch, 1e-3f), b.step(batch, 1e-3f), 1e-5f);
            assertEquals(a.lastGradNorms()[0], b.lastGradNorms()[0], 1e-5f);
            // Adam normalises each coordinate, so near-zero gradients amplify rounding: allow 1 % of one lr-sized update
            assertArrayEquals(a.params(), b.params(), 1e-5f);
        }
    }
}
