package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import dev.kiln.trainer.loop.Budget;
import dev.kiln.trainer.loop.TrainConfig;
import dev.kiln.trainer.loop.TrainingRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln train}: trains a Llama preset on a {@code kiln prepare} folder (maps the options onto
 * {@link TrainConfig} and runs {@link TrainingRun}). Flags override {@code --config FILE} (YAML keys =
 * option names in snake_case, optionally under {@code train:}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a Llama-style model on kiln shards: metrics.jsonl, loss.png, checkpoints, final/ (CPU; cuda untested).")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Folder written by kiln prepare.")
    Path data;

    @Option(names = {"-o", "--output"}, paramLabel = "RUNDIR", required = true, description = "Run directory.")
    Path output;

    @Mixin
    ConfigOption config;

    @Mixin
    ShapeOptions shape;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_STEPS, description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "" + TrainConfig.DEFAULT_LR, description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    // a literal, so --help reads 1e-4 rather than 1.0E-4; TrainOptionsTest checks it equals TrainConfig.DEFAULT_MIN_LR
    @Option(names = "--min-lr", paramLabel = "X", defaultValue = "1e-4", description = "Learning rate at the end of the cosine (default: ${DEFAULT-VALUE}).")
    double minLr;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_WARMUP, description = "Warm-up steps, clamped to --steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "" + TrainConfig.DEFAULT_WEIGHT_DECAY, description = "AdamW weight decay on matrices (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--clip-norm", paramLabel = "X", defaultValue = "" + TrainConfig.DEFAULT_CLIP_NORM, description = "Gradient-norm clip, 0 = off (default: ${DEFAULT-VALUE}).")
    double clipNorm;

    @Option(names = "--eval-interval", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_EVAL_INTERVAL, description = "Steps between evaluations (default: ${DEFAULT-VALUE}).")
    int evalInterval;

    @Option(names = "--eval-windows", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_EVAL_WINDOWS, description = "Fixed validation windows (default: ${DEFAULT-VALUE}).")
    int evalWindows;

    @Option(names = "--save-interval", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_SAVE_INTERVAL, description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int saveInterval;

    @Option(names = "--log-interval", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_LOG_INTERVAL, description = "Steps between log lines (default: ${DEFAULT-VALUE}).")
    int logInterval;

    @Option(names = "--keep-last", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_KEEP_LAST, description = "Step checkpoints kept besides best/ (default: ${DEFAULT-VALUE}).")
    int keepLast;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_SEED, description = "Initialisation and data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OrtOptions ort;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--microset-steps", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_MICROSET_STEPS,
            description = "Steps of the overfit-microset check on a copy of the model, 0 = skip (default: ${DEFAULT-VALUE}).")
    int microsetSteps;

    @Option(names = "--microset-min-drop", paramLabel = "X", defaultValue = "" + TrainConfig.DEFAULT_MICROSET_MIN_DROP, description = "Required loss drop (default: ${DEFAULT-VALUE}).")
    double microsetMinDrop;

    @Option(names = "--prompt", paramLabel = "TEXT", split = ConfigDefaults.LIST_SEPARATOR, splitSynopsisLabel = "",
            description = "Fixed prompt sampled at each eval (repeatable; default: the reference's four).")
    List<String> prompts;

    @Option(names = "--sample-tokens", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_SAMPLE_TOKENS, description = "Tokens per sample (default: ${DEFAULT-VALUE}).")
    int sampleTokens;

    @Option(names = "--control-poll", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_CONTROL_POLL, description = "Steps between reads of RUNDIR/control.json (default: ${DEFAULT-VALUE}).")
    int controlPoll;

    @Option(names = "--epochs", description = "Sequential epochs (each window once per epoch, epoch_NNN/ snapshots) instead of random windows.")
    boolean epochs;

    @Option(names = "--resume", description = "Continue from the newest checkpoint in RUNDIR (bit-exact).")
    boolean resume;

    @Option(names = "--stop-after", paramLabel = "N", defaultValue = "0", description = "Stop with a checkpoint after N steps of this invocation.")
    int stopAfter;

    @Option(names = "--hourly-rate", paramLabel = "USD", defaultValue = "0", description = "Machine price per hour for the cost guard.")
    double hourlyRate;

    @Option(names = "--max-cost", paramLabel = "USD", defaultValue = "0", description = "Refuse runs projected above this (needs --hourly-rate and --throughput).")
    double maxCost;

    @Option(names = "--throughput", paramLabel = "FILE", description = "throughput.json from kiln bench train.")
    Path throughput;

    @Option(names = "--force", description = "Run even when the projected cost is over --max-cost.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        TrainConfig cfg = config();
        if (hourlyRate > 0 || maxCost > 0) {
            if (throughput == null) {
                throw new ConfigException("the cost guard needs --throughput FILE. HINT: measure it with kiln bench train -o FILE");
            }
            Budget.Projection p = Budget.check(Budget.tokensPerSecond(throughput), cfg.tokensPerStep() * steps, hourlyRate,
                    maxCost > 0 ? maxCost : Double.MAX_VALUE, force);
            System.out.println(p.line());
        }
        TrainingRun.Result r = TrainingRun.run(cfg, data, output, new TrainingRun.Options(resume, stopAfter), System.out);
        return 0; // finished, or stopped on request with a checkpoint
    }

    /** The options as a {@link TrainConfig} (warm-up clamped to {@code --steps}). */
    TrainConfig config() {
        TrainConfig.Builder b = TrainConfig.builder().steps(steps).lr(lr).minLr(minLr).warmup(warmup).weightDecay(weightDecay)
                .clipNorm(clipNorm).evalInterval(evalInterval).evalWindows(evalWindows).saveInterval(saveInterval)
                .logInterval(logInterval).keepLast(keepLast).seed(seed).precision(precision.precision).microsetSteps(microsetSteps)
                .microsetMinDrop(microsetMinDrop).prompts(prompts).sampleTokens(sampleTokens).controlPoll(controlPoll).epochs(epochs);
        return ort.applyTo(shape.applyTo(b)).build();
    }
}
