package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.trainer.graph.OrtRunner;
import dev.kiln.trainer.model.Init;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Labels are shifted once: after memorising one sequence, the argmax at position t is token t+1
 * (the reference's double shift would make it t+2; reference-pipeline.md section 13 row 6).
 */
class NextTokenLabelsTest {

    @Test
    void windowsShiftByExactlyOne() {
        int[] tok = {10, 11, 12, 13, 14, 15};
        Batch b = Batch.windows(tok, new long[] {0, 2}, 3);
        assertArrayEquals(new int[] {10, 11, 12, 12, 13, 14}, b.inputs());
        assertArrayEquals(new int[] {11, 12, 13, 13, 14, 15}, b.targets());
    }

    @Test
    void memorisedSequenceIsPredictedOneTokenAhead() throws Exception {
        int seq = 24;
        Random r = new Random(17);
        int[] tok = new int[seq + 1];
        for (int i = 0; i < tok.length; i++) {
            tok[i] = r.nextInt(256);
        }
        Batch b = Batch.windows(tok, new long[] {0}, seq);
        TrainerConfig c = TrainerConfig.of(TestData.TOY, 1, seq).withDevice(Device.CPU, 1);
        float[] before = Init.params(c.model(), 4);
        float loss = 0;
        float firstLoss;
        try (TrainerSession s = TrainerSession.create(c, before)) {
            firstLoss = s.step(b, 1e-2f);
            for (int i = 0; i < 150; i++) {
                loss = s.step(b, 1e-2f);
            }
            float[] trained = s.params();
            try (OrtRunner fwd = new OrtRunner(ForwardModel.build(c.model(), 1, seq, trained, true))) {
                Map<String, double[]> out = fwd.run(Map.of(ForwardModel.TOKENS, b.inputs(), ForwardModel.TARGETS, b.targets()));
                double[] logits = out.get(ForwardModel.LOGITS);
                int[] argmax = new int[seq];
                for (int t = 0; t < seq; t++) {
                    int best = 0;
                    for (int k = 1; k < 256; k++) {
                        if (logits[t * 256 + k] > logits[t * 256 + best]) {
                            best = k;
                        }
                    }
                    argmax[t] = best;
                }
                assertArrayEquals(b.targets(), argmax, "greedy prediction at t must be token t+1");
            }
        }
        System.out.printf("memorisation: loss %.3f -> %.4f%n", firstLoss, loss);
        assertEquals(0, loss, 0.1);
    }

    @Test
    void forwardModelNllMatchesTrainingLoss() throws Exception {
        int[] text = TestData.bierceBytes();
        Batch b = TestData.randomWindows(text, 3, 16, new Random(8));
        TrainerConfig c = TrainerConfig.of(TestData.TOY, 3, 16).withDevice(Device.CPU, 1);
        float[] p = Init.params(c.model(), 6);
        try (TrainerSession s = TrainerSession.create(c, p);
             OrtRunner fwd = new OrtRunner(ForwardModel.build(c.model(), 3, 16, null, true))) {
            float loss = s.step(b, 1e-3f);
            double[] nll = fwd.run(Map.of(ForwardModel.PARAMS, p, ForwardModel.TOKENS, b.inputs(), ForwardModel.TARGETS, b.targets()))
                    .get(ForwardModel.NLL);
            double mean = 0;
            for (double x : nll) {
                mean += x / nll.length;
            }
            assertEquals(loss, mean, 1e-5);
        }
    }
}
