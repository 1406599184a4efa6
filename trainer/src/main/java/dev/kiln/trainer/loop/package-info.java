/**
 * kiln's training loop around the trainer engine, in the order nanoGPT's {@code train.py} reads
 * (style.md convention 11), fixing the reference's defects (reference-pipeline.md section 13).
 *
 * <ul>
 *   <li>{@link dev.kiln.trainer.loop.DataSet} opens a {@code kiln prepare} folder (both shard layouts,
 *       memory-mapped); {@link dev.kiln.trainer.loop.RandomWindows} draws seeded training windows
 *       ({@code x = tok[i:i+T]}, {@code y = tok[i+1:i+T+1]}, one shift) whose only state is a counter,
 *       or sequential epochs ({@code --epochs}, an {@code epoch_NNN/} snapshot per epoch), and the FIXED
 *       validation windows (own RNG, identical at every evaluation).</li>
 *   <li>{@link dev.kiln.trainer.loop.Schedule}: warm-up from {@code peak/warmup} (never 0) and cosine,
 *       in optimiser steps; it reads the peak each step, so a runtime override persists.</li>
 *   <li>{@link dev.kiln.trainer.loop.TrainingRun}: the loop; {@link dev.kiln.trainer.loop.MetricsLog}
 *       ({@code metrics.jsonl}), {@link dev.kiln.trainer.loop.LossCurve} ({@code loss.png}, java.awt
 *       headless), {@link dev.kiln.trainer.loop.RuntimeControl} ({@code control.json}).</li>
 *   <li>{@link dev.kiln.trainer.loop.Checkpoint} and {@link dev.kiln.trainer.loop.CheckpointManager}:
 *       safetensors ({@link dev.kiln.trainer.loop.Safetensors}) + {@code state.json}; keep-last-N and a
 *       {@code best/} slot ranked by the evaluation taken at save time; {@code --resume} is bit-exact.</li>
 *   <li>{@link dev.kiln.trainer.loop.MicrosetCheck} trains a copy, never the real weights;
 *       {@link dev.kiln.trainer.loop.Budget} refuses runs whose projected cost is over the ceiling.</li>
 *   <li>{@link dev.kiln.trainer.loop.EvalJob} and {@link dev.kiln.trainer.loop.SampleJob} back
 *       {@code kiln eval} and {@code kiln sample}.</li>
 * </ul>
 *
 * <pre>
 * RUNDIR/metrics.jsonl  run_config.json  loss.png  samples.txt  checkpoints.json  control.json (yours)
 * RUNDIR/step_0000500/  model.safetensors  optimizer.safetensors  state.json
 * RUNDIR/best/          the step checkpoint with the lowest val loss at save time
 * RUNDIR/epoch_001/     with --epochs: a snapshot at the end of each epoch (never rotated)
 * RUNDIR/final/         model.safetensors  state.json  model.onnx (forward model, weights embedded)
 * </pre>
 */
package dev.kiln.trainer.loop;
