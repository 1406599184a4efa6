package dev.kiln.trainer;

import dev.kiln.trainer.model.LlamaConfig;

/**
 * Everything that shapes the training graph. The learning rate is not here: it is fed per
 * optimiser step, so the schedule lives in Java.
 *
 * @param model        architecture
 * @param batch        sequences per micro-batch (B)
 * @param seq          tokens per sequence (T), at most {@code model.context()}
 * @param accumulation micro-batches per optimiser step (gradients averaged; an inner ONNX Loop)
 * @param stepsPerRun  optimiser steps per {@code session.run} (K; an ONNX Loop when K &gt; 1)
 * @param beta1        AdamW β₁
 * @param beta2        AdamW β₂
 * @param adamEps      AdamW ε
 * @param weightDecay  decoupled weight decay coefficient (multiplied by the learning rate)
 * @param decay        which parameters are decayed
 * @param clipNorm     global gradient-norm clip; 0 disables clipping
 * @param device       execution provider
 * @param threads      ONNX Runtime intra-op threads (0 = ONNX Runtime's default)
 * @param precision    numeric recipe (fp32, or bf16/fp16 compute with fp32 master weights)
 */
public record TrainerConfig(LlamaConfig model, int batch, int seq, int accumulation, int stepsPerRun,
                            double beta1, double beta2, double adamEps, double weightDecay, WeightDecay decay,
                            double clipNorm, Device device, int threads, Precision precision) {

    /** AdamW β₁ {@value}. */
    public static final double BETA1 = 0.9;
    /** AdamW β₂ {@value}. */
    public static final double BETA2 = 0.95;
    /** AdamW ε {@value}. */
    public static final double ADAM_EPS = 1e-8;
    /** Weight decay {@value}. */
    public static final double WEIGHT_DECAY = 0.1;
    /** Global gradient-norm clip {@value}. */
    public static final double CLIP_NORM = 1.0;

    public TrainerConfig {
        check("batch", batch, 1, 1 << 20);
        check("seq", seq, 1, model.context());
        check("accumulation", accumulation, 1, 1 << 16);
        check("steps_per_run", stepsPerRun, 1, 1 << 16);
        check("threads", threads, 0, 1024);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1): " + beta1 + ", " + beta2);
        }
        java.util.Objects.requireNonNull(precision, "precision");
        if (!(adamEps > 0) || !(weightDecay >= 0) || !(clipNorm >= 0)) {
            throw new IllegalArgumentException("adam_eps must be > 0, weight_decay and clip_norm >= 0: "
                    + adamEps + ", " + weightDecay + ", " + clipNorm);
        }
    }

    private static void check(String key, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(key + " must be in [" + lo + ", " + hi + "]: " + v);
        }
    }

    /** Defaults (AdamW 0.9/0.95, eps 1e-8, decay 0.1 on matrices, clip 1.0, CPU) for a model and batch shape. */
    public static TrainerConfig of(LlamaConfig model, int batch, int seq) {
        return new TrainerConfig(model, batch, seq, 1, 1, BETA1, BETA2, ADAM_EPS, WEIGHT_DECAY,
                WeightDecay.MATRICES, CLIP_NORM, Device.CPU, 0, Precision.FP32);
    }

    public TrainerConfig withStepsPerRun(int k) {
        return new TrainerConfig(model, batch, seq, accumulation, k, beta1, beta2, adamEps, weightDecay, decay, clipNorm, device, threads, precision);
    }

    public TrainerConfig withAccumulation(int a) {
        return new TrainerConfig(model, batch, seq, a, stepsPerRun, beta1, beta2, adamEps, weightDecay, decay, clipNorm, device, threads, precision);
    }

    public TrainerConfig withDecay(double wd, WeightDecay which) {
        return new TrainerConfig(model, batch, seq, accumulation, stepsPerRun, beta1, beta2, adamEps, wd, which, clipNorm, device, threads, precision);
    }

    public TrainerConfig withClipNorm(double clip) {
        return new TrainerConfig(model, batch, seq, accumulation, stepsPerRun, beta1, beta2, adamEps, weightDecay, decay, clip, device, threads, precision);
    }

    /** This config on device {@code d} with that device's default precision (bf16 on CUDA, fp32 on CPU). */
    public TrainerConfig withDevice(Device d, int nThreads) {
        return new TrainerConfig(model, batch, seq, accumulation, stepsPerRun, beta1, beta2, adamEps, weightDecay, decay,
                clipNorm, d, nThreads, Precision.defaultFor(d));
    }

    public TrainerConfig withPrecision(Precision p) {
        return new TrainerConfig(model, batch, seq, accumulation, stepsPerRun, beta1, beta2, adamEps, weightDecay, decay, clipNorm, device, threads, p);
    }

    /** Tokens consumed per optimiser step. */
    public long tokensPerStep() {
        return (long) batch * seq * accumulation;
    }
}
