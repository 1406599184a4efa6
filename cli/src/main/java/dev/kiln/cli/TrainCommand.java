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

    @Option(names = "--config", paramLabel = "FILE", description = "YAML defaults for any option (flags win).")
    Path config;

    @Option(names = "--model", paramLabel = "PRESET", defaultValue = "tiny", description = "tiny, small or llama-100m (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8", description = "Sequences per micro-batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seq", paramLabel = "T", defaultValue = "128", description = "Tokens per sequence (default: ${DEFAULT-VALUE}).")
    int seq;

    @Option(names = "--accumulation", paramLabel = "N", defaultValue = "1", description = "Micro-batches per step (default: ${DEFAULT-VALUE}).")
    int accumulation;

    @Option(names = "--steps-per-run", paramLabel = "K", defaultValue = "1",
            description = "Optimiser steps per ONNX Runtime call (ONNX Loop; default: ${DEFAULT-VALUE}).")
    int stepsPerRun;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--min-lr", paramLabel = "X", defaultValue = "1e-4", description = "Learning rate at the end of the cosine (default: ${DEFAULT-VALUE}).")
    double minLr;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50", description = "Warm-up steps, clamped to --steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "0.1", description = "AdamW weight decay on matrices (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--clip-norm", paramLabel = "X", defaultValue = "1.0", description = "Gradient-norm clip, 0 = off (default: ${DEFAULT-VALUE}).")
    double clipNorm;

    @Option(names = "--eval-interval", paramLabel = "N", defaultValue = "100", description = "Steps between evaluations (default: ${DEFAULT-VALUE}).")
    int evalInterval;

    @Option(names = "--eval-windows", paramLabel = "N", defaultValue = "32", description = "Fixed validation windows (default: ${DEFAULT-VALUE}).")
    int evalWindows;

    @Option(names = "--save-interval", paramLabel = "N", defaultValue = "500", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int saveInterval;

    @Option(names = "--log-interval", paramLabel = "N", defaultValue = "10", description = "Steps between log lines (default: ${DEFAULT-VALUE}).")
    int logInterval;

    @Option(names = "--keep-last", paramLabel = "N", defaultValue = "3", description = "Step checkpoints kept besides best/ (default: ${DEFAULT-VALUE}).")
    int keepLast;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1337", description = "Initialisation and data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OrtOptions ort;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--microset-steps", paramLabel = "N", defaultValue = "50",
            description = "Steps of the overfit-microset check on a copy of the model, 0 = skip (default: ${DEFAULT-VALUE}).")
    int microsetSteps;

    @Option(names = "--microset-min-drop", paramLabel = "X", defaultValue = "0.3", description = "Required loss drop (default: ${DEFAULT-VALUE}).")
    double microsetMinDrop;

    @Option(names = "--prompt", paramLabel = "TEXT", split = ConfigDefaults.LIST_SEPARATOR, splitSynopsisLabel = "",
            description = "Fixed prompt sampled at each eval (repeatable; default: the reference's four).")
    List<String> prompts;

    @Option(names = "--sample-tokens", paramLabel = "N", defaultValue = "48", description = "Tokens per sample (default: ${DEFAULT-VALUE}).")
    int sampleTokens;

    @Option(names = "--control-poll", paramLabel = "N", defaultValue = "10", description = "Steps between reads of RUNDIR/control.json (default: ${DEFAULT-VALUE}).")
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
        TrainConfig cfg = new TrainConfig(model, batch, seq, accumulation, stepsPerRun, steps, lr, minLr, Math.min(warmup, steps),
                weightDecay, clipNorm, evalInterval, evalWindows, saveInterval, logInterval, keepLast, seed, ort.device, ort.threads, precision.precision,
                microsetSteps, microsetMinDrop, prompts == null ? TrainConfig.DEFAULT_PROMPTS : prompts, sampleTokens, controlPoll, epochs);
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
}
