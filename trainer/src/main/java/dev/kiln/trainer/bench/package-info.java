/**
 * Measurements of the training engine: {@link dev.kiln.trainer.bench.TrainerBench} times graph
 * build, session creation and steps on a real token stream and reports peak RSS;
 * {@link dev.kiln.trainer.bench.ParityDump} writes initial weights, batches and kiln's per-step
 * losses for {@code scripts/trainer-parity.py}, which replays them in PyTorch.
 */
package dev.kiln.trainer.bench;
