package dev.kiln.trainer.loop;

/**
 * Learning rate per optimiser step {@code s = 1..steps}: linear warm-up that starts at
 * {@code peak / warmup} (never 0, unlike the reference's first step), then a cosine from {@code peak}
 * to {@code min} at the last step. Counted in optimiser steps, whatever the accumulation or device
 * count (reference-pipeline.md section 13 row 18). The peak is a parameter so a runtime override
 * persists: the schedule keeps reading it (row 15).
 */
public final class Schedule {

    private final int warmup;
    private final int steps;
    private final double minRatio;

    /**
     * @param warmup   warm-up steps (0 = none)
     * @param steps    total optimiser steps
     * @param minRatio final learning rate as a fraction of the peak, in [0, 1]
     */
    public Schedule(int warmup, int steps, double minRatio) {
        if (steps < 1 || warmup < 0 || warmup > steps) {
            throw new IllegalArgumentException("warmup must be in [0, steps " + steps + "]: " + warmup);
        }
        if (!(minRatio >= 0 && minRatio <= 1)) {
            throw new IllegalArgumentException("min_lr / lr must be in [0, 1]: " + minRatio);
        }
        this.warmup = warmup;
        this.steps = steps;
        this.minRatio = minRatio;
    }

    /** The learning rate of optimiser step {@code step} (1-based) for peak {@code peak}. */
    public double lr(int step, double peak) {
        if (step <= warmup) {
            return peak * step / warmup;
        }
        if (steps == warmup) {
            return peak;
        }
        double progress = Math.min(1.0, (double) (step - warmup) / (steps - warmup));
        double cos = 0.5 * (1 + Math.cos(Math.PI * progress));
        return peak * (minRatio + (1 - minRatio) * cos);
    }
}
