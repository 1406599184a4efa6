package dev.kiln.cli;

import dev.kiln.trainer.loop.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The model preset and the shape of one optimiser step, shared by {@code kiln train} and {@code kiln
 * bench train} (a picocli mixin), so both measure and train the same graph; defaults are
 * {@link TrainConfig}'s {@code DEFAULT_*} constants.
 */
public final class ShapeOptions {

    @Option(names = "--model", paramLabel = "PRESET", defaultValue = TrainConfig.DEFAULT_MODEL,
            description = "tiny, small or llama-100m (default: ${DEFAULT-VALUE}).")
    public String model;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "" + TrainConfig.DEFAULT_BATCH,
            description = "Sequences per micro-batch (default: ${DEFAULT-VALUE}).")
    public int batch;

    @Option(names = "--seq", paramLabel = "T", defaultValue = "" + TrainConfig.DEFAULT_SEQ,
            description = "Tokens per sequence (default: ${DEFAULT-VALUE}).")
    public int seq;

    @Option(names = "--accumulation", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_ACCUMULATION,
            description = "Micro-batches per step (default: ${DEFAULT-VALUE}).")
    public int accumulation;

    @Option(names = "--steps-per-run", paramLabel = "K", defaultValue = "" + TrainConfig.DEFAULT_STEPS_PER_RUN,
            description = "Optimiser steps per ONNX Runtime call (ONNX Loop; default: ${DEFAULT-VALUE}).")
    public int stepsPerRun;

    /** {@code b} with these options set. */
    public TrainConfig.Builder applyTo(TrainConfig.Builder b) {
        return b.model(model).batch(batch).seq(seq).accumulation(accumulation).stepsPerRun(stepsPerRun);
    }
}
