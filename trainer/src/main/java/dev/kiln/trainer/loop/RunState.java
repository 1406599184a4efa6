package dev.kiln.trainer.loop;

import dev.kiln.trainer.model.LlamaConfig;

/**
 * What a checkpoint records besides tensors ({@code state.json}): enough to continue bit-exactly.
 *
 * @param step         optimiser steps done
 * @param tokens       training tokens consumed
 * @param windowsDrawn the data sampler's position ({@link RandomWindows}: its only state besides the seed)
 * @param control      the current runtime settings, overrides included (they persist across resumes)
 * @param valLoss      validation loss measured at save time (null if none)
 * @param valBpb       validation bits-per-byte at save time (null without a tokenizer)
 * @param config       the run's configuration
 * @param arch         the model architecture (preset with the data's vocabulary)
 * @param data         the data directory trained on
 * @param savedAt      UTC ISO time of the save; null in {@code final/}, which holds no clock time so that the same
 *                     training writes the same bytes (the time of the last save is in {@code checkpoints.json})
 */
public record RunState(long step, long tokens, long windowsDrawn, Control control, Double valLoss, Double valBpb,
                       TrainConfig config, LlamaConfig arch, String data, String savedAt) {

    /** This state with another {@code savedAt}. */
    public RunState withSavedAt(String time) {
        return new RunState(step, tokens, windowsDrawn, control, valLoss, valBpb, config, arch, data, time);
    }

    /**
     * The settings the runtime control file may change.
     *
     * @param lr           peak learning rate (the schedule reads it, so an override persists)
     * @param evalInterval steps between evaluations
     * @param saveInterval steps between checkpoints
     * @param logInterval  steps between log lines
     */
    public record Control(double lr, int evalInterval, int saveInterval, int logInterval) {

        /** The values of {@code c}. */
        public static Control of(TrainConfig c) {
            return new Control(c.lr(), c.evalInterval(), c.saveInterval(), c.logInterval());
        }
    }
}
