package dev.kiln.trainer.loop;

import dev.kiln.core.config.ConfigException;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.Precision;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.WeightDecay;
import dev.kiln.trainer.model.LlamaConfig;
import java.util.List;

/**
 * Everything a training run needs besides its data, as nanoGPT's config globals (style.md
 * convention 11). Recorded in every checkpoint; a resume refuses a config whose data or graph shape
 * differs.
 *
 * @param model           preset name: tiny, small or llama-100m (the vocabulary comes from the data)
 * @param batch           sequences per micro-batch (B)
 * @param seq             tokens per sequence (T)
 * @param accumulation    micro-batches per optimiser step; tokens per step = B·T·accumulation
 * @param stepsPerRun     optimiser steps per ONNX Runtime call (K; an ONNX Loop when > 1)
 * @param steps           optimiser steps in the whole run
 * @param lr              peak learning rate
 * @param minLr           learning rate at the last step (end of the cosine; scaled with the peak when
 *                        control.json overrides lr)
 * @param warmup          warm-up steps (linear from lr/warmup to lr)
 * @param weightDecay     AdamW decoupled weight decay on matrices
 * @param clipNorm        global gradient-norm clip (0 = off)
 * @param evalInterval    steps between evaluations on the fixed validation windows
 * @param evalWindows     validation windows of T tokens scored at each evaluation
 * @param saveInterval    steps between checkpoints (each preceded by an evaluation for ranking)
 * @param logInterval     steps between metrics.jsonl lines and progress lines
 * @param keepLast        step checkpoints kept (the best slot is kept apart)
 * @param seed            initialisation and data seed
 * @param device          cpu or cuda
 * @param threads         ONNX Runtime intra-op threads (0 = its default)
 * @param precision       fp32, bf16 (fp32 master weights) or fp16 (checks only); auto = bf16 on cuda, fp32 on cpu.
 *                        Not part of the checkpoint's identity: master weights are fp32 in every recipe
 * @param microsetSteps   steps of the overfit-microset check on a copy of the model (0 = skip)
 * @param microsetMinDrop fraction by which the microset loss must fall
 * @param prompts         fixed prompts sampled greedily at each evaluation (needs the tokenizer)
 * @param sampleTokens    tokens generated per fixed prompt
 * @param controlPoll     steps between polls of RUNDIR/control.json
 * @param epochs          sequential epochs (every non-overlapping window once per epoch, in a seeded order per
 *                        epoch, with an {@code epoch_NNN/} snapshot kept at each epoch's end) instead of
 *                        random windows drawn with replacement
 */
public record TrainConfig(String model, int batch, int seq, int accumulation, int stepsPerRun, int steps,
                          double lr, double minLr, int warmup, double weightDecay, double clipNorm,
                          int evalInterval, int evalWindows, int saveInterval, int logInterval, int keepLast,
                          long seed, String device, int threads, String precision, int microsetSteps, double microsetMinDrop,
                          List<String> prompts, int sampleTokens, int controlPoll, boolean epochs) {

    /** Precision value that picks the device's default recipe. */
    public static final String AUTO = Precision.AUTO;

    /** Tribuo-style fixed default seed {@value}. */
    public static final long DEFAULT_SEED = 1337;

    /** The reference's fixed prompts. */
    public static final List<String> DEFAULT_PROMPTS = List.of("The quick brown fox", "Once upon a time,",
            "The capital of France is", "To solve this problem,");

    public TrainConfig {
        LlamaConfig.preset(model);
        ConfigException.checkRange("batch", batch, 1, 1 << 20);
        ConfigException.checkRange("seq", seq, 2, 1 << 20);
        ConfigException.checkRange("accumulation", accumulation, 1, 1 << 16);
        ConfigException.checkRange("steps_per_run", stepsPerRun, 1, 1 << 16);
        ConfigException.checkRange("steps", steps, 1, Integer.MAX_VALUE);
        ConfigException.checkRange("lr", lr, 1e-9, 10);
        ConfigException.checkRange("min_lr", minLr, 0, lr);
        ConfigException.checkRange("warmup", warmup, 0, steps);
        ConfigException.checkRange("weight_decay", weightDecay, 0, 10);
        ConfigException.checkRange("clip_norm", clipNorm, 0, 1e6);
        ConfigException.checkRange("eval_interval", evalInterval, 1, Integer.MAX_VALUE);
        ConfigException.checkRange("eval_windows", evalWindows, 1, 1 << 24);
        ConfigException.checkRange("save_interval", saveInterval, 1, Integer.MAX_VALUE);
        ConfigException.checkRange("log_interval", logInterval, 1, Integer.MAX_VALUE);
        ConfigException.checkRange("keep_last", keepLast, 1, 1 << 16);
        Device.parse(device);
        precision = precision == null ? AUTO : precision; // absent in checkpoints written before it existed
        if (!precision.equals(AUTO)) {
            Precision.parse(precision);
        }
        ConfigException.checkRange("threads", threads, 0, 1024);
        ConfigException.checkRange("microset_steps", microsetSteps, 0, 1 << 20);
        ConfigException.checkRange("microset_min_drop", microsetMinDrop, 0, 1);
        prompts = List.copyOf(prompts);
        ConfigException.checkRange("sample_tokens", sampleTokens, 1, 1 << 16);
        ConfigException.checkRange("control_poll", controlPoll, 1, Integer.MAX_VALUE);
        if (steps % stepsPerRun != 0) {
            throw new ConfigException("steps (" + steps + ") must be a multiple of steps_per_run (" + stepsPerRun + ")");
        }
    }

    /** Defaults for a preset: B 8, T 128, lr 1e-3 → 1e-4, warm-up 50, eval every 100 on 32 windows. */
    public static TrainConfig defaults(String model, int steps) {
        return new TrainConfig(model, 8, 128, 1, 1, steps, 1e-3, 1e-4, Math.min(50, steps), TrainerConfig.WEIGHT_DECAY,
                TrainerConfig.CLIP_NORM, 100, 32, 500, 10, 3, DEFAULT_SEED, "cpu", 0, AUTO, 50, 0.3, DEFAULT_PROMPTS, 48, 10, false);
    }

    /** The engine configuration for {@code arch} (the preset with the data's vocabulary). */
    public TrainerConfig engine(LlamaConfig arch) {
        return TrainerConfig.of(arch, batch, seq).withAccumulation(accumulation).withStepsPerRun(stepsPerRun)
                .withDecay(weightDecay, WeightDecay.MATRICES).withClipNorm(clipNorm).withDevice(Device.parse(device), threads)
                .withPrecision(recipe());
    }

    /** The numeric recipe: {@link #precision()}, or the device's default for {@code auto}. */
    public Precision recipe() {
        return Precision.resolve(precision, Device.parse(device));
    }

    /** Tokens per optimiser step. */
    public long tokensPerStep() {
        return (long) batch * seq * accumulation;
    }

    /** This config with another step count (and warm-up clamped to it). */
    public TrainConfig withSteps(int n) {
        return new TrainConfig(model, batch, seq, accumulation, stepsPerRun, n, lr, minLr, Math.min(warmup, n), weightDecay, clipNorm,
                evalInterval, evalWindows, saveInterval, logInterval, keepLast, seed, device, threads, precision, microsetSteps,
                microsetMinDrop, prompts, sampleTokens, controlPoll, epochs);
    }
}
