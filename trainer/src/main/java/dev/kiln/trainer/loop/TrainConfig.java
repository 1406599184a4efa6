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

    /** Default preset {@value}. */
    public static final String DEFAULT_MODEL = "tiny";
    /** Default sequences per micro-batch {@value}. */
    public static final int DEFAULT_BATCH = 8;
    /** Default tokens per sequence {@value}. */
    public static final int DEFAULT_SEQ = 128;
    /** Default micro-batches per step {@value}. */
    public static final int DEFAULT_ACCUMULATION = 1;
    /** Default optimiser steps per ONNX Runtime call {@value}. */
    public static final int DEFAULT_STEPS_PER_RUN = 1;
    /** Default optimiser steps {@value}. */
    public static final int DEFAULT_STEPS = 1000;
    /** Default peak learning rate {@value}. */
    public static final double DEFAULT_LR = 1e-3;
    /** Default learning rate at the end of the cosine {@value}. */
    public static final double DEFAULT_MIN_LR = 1e-4;
    /** Default warm-up steps {@value} (clamped to the step count). */
    public static final int DEFAULT_WARMUP = 50;
    /** Default AdamW weight decay {@value}. */
    public static final double DEFAULT_WEIGHT_DECAY = TrainerConfig.WEIGHT_DECAY;
    /** Default gradient-norm clip {@value}. */
    public static final double DEFAULT_CLIP_NORM = TrainerConfig.CLIP_NORM;
    /** Default steps between evaluations {@value}. */
    public static final int DEFAULT_EVAL_INTERVAL = 100;
    /** Default validation windows {@value}. */
    public static final int DEFAULT_EVAL_WINDOWS = 32;
    /** Default steps between checkpoints {@value}. */
    public static final int DEFAULT_SAVE_INTERVAL = 500;
    /** Default steps between log lines {@value}. */
    public static final int DEFAULT_LOG_INTERVAL = 10;
    /** Default step checkpoints kept {@value}. */
    public static final int DEFAULT_KEEP_LAST = 3;
    /** Tribuo-style fixed default seed {@value}. */
    public static final long DEFAULT_SEED = 1337;
    /** Default device {@value}. */
    public static final String DEFAULT_DEVICE = "cpu";
    /** Default ONNX Runtime intra-op threads {@value} (its own default). */
    public static final int DEFAULT_THREADS = 0;
    /** Default overfit-microset steps {@value}. */
    public static final int DEFAULT_MICROSET_STEPS = 50;
    /** Default required microset loss drop {@value}. */
    public static final double DEFAULT_MICROSET_MIN_DROP = 0.3;
    /** Default tokens per fixed-prompt sample {@value}. */
    public static final int DEFAULT_SAMPLE_TOKENS = 48;
    /** Default steps between control.json polls {@value}. */
    public static final int DEFAULT_CONTROL_POLL = 10;

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
        return builder().model(model).steps(steps).build();
    }

    /** A builder holding the {@code DEFAULT_*} values, so call sites name only what they change. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder().model(model).batch(batch).seq(seq).accumulation(accumulation).stepsPerRun(stepsPerRun)
                .steps(steps).lr(lr).minLr(minLr).warmup(warmup).weightDecay(weightDecay).clipNorm(clipNorm)
                .evalInterval(evalInterval).evalWindows(evalWindows).saveInterval(saveInterval).logInterval(logInterval)
                .keepLast(keepLast).seed(seed).device(device).threads(threads).precision(precision).microsetSteps(microsetSteps)
                .microsetMinDrop(microsetMinDrop).prompts(prompts).sampleTokens(sampleTokens).controlPoll(controlPoll).epochs(epochs);
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
        return toBuilder().steps(n).build();
    }

    /**
     * Builds a {@link TrainConfig} by name instead of 26 positional arguments; starts from the
     * {@code DEFAULT_*} constants. {@link #build()} clamps the warm-up to the step count (as {@code kiln
     * train --warmup} documents) and validates through the record's constructor.
     */
    public static final class Builder {
        private String model = DEFAULT_MODEL;
        private int batch = DEFAULT_BATCH;
        private int seq = DEFAULT_SEQ;
        private int accumulation = DEFAULT_ACCUMULATION;
        private int stepsPerRun = DEFAULT_STEPS_PER_RUN;
        private int steps = DEFAULT_STEPS;
        private double lr = DEFAULT_LR;
        private double minLr = DEFAULT_MIN_LR;
        private int warmup = DEFAULT_WARMUP;
        private double weightDecay = DEFAULT_WEIGHT_DECAY;
        private double clipNorm = DEFAULT_CLIP_NORM;
        private int evalInterval = DEFAULT_EVAL_INTERVAL;
        private int evalWindows = DEFAULT_EVAL_WINDOWS;
        private int saveInterval = DEFAULT_SAVE_INTERVAL;
        private int logInterval = DEFAULT_LOG_INTERVAL;
        private int keepLast = DEFAULT_KEEP_LAST;
        private long seed = DEFAULT_SEED;
        private String device = DEFAULT_DEVICE;
        private int threads = DEFAULT_THREADS;
        private String precision = AUTO;
        private int microsetSteps = DEFAULT_MICROSET_STEPS;
        private double microsetMinDrop = DEFAULT_MICROSET_MIN_DROP;
        private List<String> prompts = DEFAULT_PROMPTS;
        private int sampleTokens = DEFAULT_SAMPLE_TOKENS;
        private int controlPoll = DEFAULT_CONTROL_POLL;
        private boolean epochs;

        private Builder() {
        }

        public Builder model(String v) { model = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder seq(int v) { seq = v; return this; }
        public Builder accumulation(int v) { accumulation = v; return this; }
        public Builder stepsPerRun(int v) { stepsPerRun = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder lr(double v) { lr = v; return this; }
        public Builder minLr(double v) { minLr = v; return this; }
        public Builder warmup(int v) { warmup = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder clipNorm(double v) { clipNorm = v; return this; }
        public Builder evalInterval(int v) { evalInterval = v; return this; }
        public Builder evalWindows(int v) { evalWindows = v; return this; }
        public Builder saveInterval(int v) { saveInterval = v; return this; }
        public Builder logInterval(int v) { logInterval = v; return this; }
        public Builder keepLast(int v) { keepLast = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder device(String v) { device = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder precision(String v) { precision = v; return this; }
        public Builder microsetSteps(int v) { microsetSteps = v; return this; }
        public Builder microsetMinDrop(double v) { microsetMinDrop = v; return this; }
        /** Fixed prompts; {@code null} means {@link #DEFAULT_PROMPTS}. */
        public Builder prompts(List<String> v) { prompts = v == null ? DEFAULT_PROMPTS : v; return this; }
        public Builder sampleTokens(int v) { sampleTokens = v; return this; }
        public Builder controlPoll(int v) { controlPoll = v; return this; }
        public Builder epochs(boolean v) { epochs = v; return this; }

        /** The validated config (warm-up clamped to the step count). */
        public TrainConfig build() {
            return new TrainConfig(model, batch, seq, accumulation, stepsPerRun, steps, lr, minLr, Math.min(warmup, steps),
                    weightDecay, clipNorm, evalInterval, evalWindows, saveInterval, logInterval, keepLast, seed, device, threads,
                    precision, microsetSteps, microsetMinDrop, prompts, sampleTokens, controlPoll, epochs);
        }
    }
}
