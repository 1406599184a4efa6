/**
 * A static-shape ONNX graph builder ({@link dev.kiln.trainer.graph.Graph}) over the
 * {@code ai.onnx.proto.OnnxMl} protobuf classes, and tape-based reverse-mode autodiff
 * ({@link dev.kiln.trainer.graph.Tape}) with hand-written VJPs, including fused ones for RMSNorm,
 * softmax, cross-entropy, embedding (ScatterND add), RoPE and SiLU.
 *
 * <p>Shapes are computed in Java for every node, so the backward pass needs no Shape ops and the
 * graph is dtype-parametric: the same model code emits fp32 (CPU training) or fp64 (gradient checks).
 * Every VJP is checked against central finite differences in float64 by {@code VjpGradCheckTest}.
 */
package dev.kiln.trainer.graph;
