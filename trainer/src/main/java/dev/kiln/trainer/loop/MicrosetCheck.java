package dev.kiln.trainer.loop;

import dev.kiln.sharding.TokenShards;
import dev.kiln.trainer.Batch;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.TrainerSession;
import dev.kiln.trainer.eval.Evaluator;
import dev.kiln.trainer.eval.Window;
import java.util.List;
import java.util.Locale;

/**
 * The overfit-microset check: can the model memorise a few windows? It trains a COPY of the
 * parameters (own session, fresh AdamW, constant learning rate) on the first windows of the train
 * split and requires the loss on them to fall by {@code minDrop}. The caller's parameters are never
 * touched: the reference trained the real model here (reference defect 16).
 */
public final class MicrosetCheck {

    /** Windows in the microset. */
    public static final int WINDOWS = 4;

    /** What the check measured. */
    public record Result(double initial, double last, double drop, double minDrop, int steps) {

        public boolean passed() {
            return drop >= minDrop;
        }

        public String line() {
            return String.format(Locale.ROOT, "microset check: loss %.4f -> %.4f after %d steps (drop %.1f%%, need %.1f%%): %s",
                    initial, last, steps, 100 * drop, 100 * minDrop, passed() ? "ok" : "FAILED");
        }
    }

    private MicrosetCheck() {
    }

    /**
     * Runs the check on a copy of {@code params}: {@code steps} steps at learning rate {@code lr} on
     * the first {@link #WINDOWS} windows of {@code train}, scored before and after with {@code ev}.
     */
    public static Result run(TrainerConfig engine, float[] params, TokenShards train, Evaluator ev, int steps, double lr,
                             double minDrop) throws Exception {
        int seq = engine.seq();
        List<Window> micro = Window.contiguous(train.tokens(), seq, WINDOWS);
        long microTokens = (long) micro.size() * seq + 1;
        int[] ids = new int[(int) microTokens];
        train.read(0, ids);
        double initial = ev.evaluate(params, train, micro, null).loss();
        float[] copy = params.clone();
        TrainerConfig one = engine.withStepsPerRun(1);
        int rows = one.batch() * one.accumulation();
        RandomWindows draw = new RandomWindows(microTokens, seq, 4242, 0);
        try (TrainerSession s = TrainerSession.create(one, copy)) {
            for (int i = 0; i < steps; i++) {
                s.step(Batch.windows(ids, draw.next(rows), seq), (float) lr);
            }
            double last = ev.evaluate(s.params(), train, micro, null).loss();
            return new Result(initial, last, (initial - last) / Math.max(1e-6, initial), minDrop, steps);
        }
    }
}
