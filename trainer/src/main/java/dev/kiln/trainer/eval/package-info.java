/**
 * Evaluation and sampling for kiln's trainer: loss, perplexity and bits-per-byte exactly as
 * parameter-golf defines them, and text generation from a forward-only ONNX model.
 *
 * <ul>
 *   <li>{@link dev.kiln.trainer.eval.ByteTable}: bytes per token from the SentencePiece pieces
 *       (leading {@code ▁} counted only after a non-boundary token, byte pieces 1 byte, control and
 *       unknown pieces 0 bytes); {@link dev.kiln.trainer.eval.BpbAccumulator} sums loss, tokens and
 *       bytes in float64 ({@code bpb = loss / ln 2 × tokens / bytes}).</li>
 *   <li>{@link dev.kiln.trainer.eval.Window}: what is scored. {@code contiguous} is golf's
 *       non-overlapping evaluation, {@code sliding} its canonical sliding window (each target scored
 *       exactly once with {@code window - stride} tokens of context).</li>
 *   <li>{@link dev.kiln.trainer.eval.Evaluator} runs the forward graph with a {@code params} input
 *       over windows of a {@link dev.kiln.sharding.TokenShards} split.</li>
 *   <li>{@link dev.kiln.trainer.eval.Sampler}: greedy and temperature/top-k/top-p generation from an
 *       exported model ({@code model.onnx}) or a parameter vector.</li>
 * </ul>
 */
package dev.kiln.trainer.eval;
