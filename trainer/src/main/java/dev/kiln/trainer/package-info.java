/**
 * kiln's trainer engine: a Llama-style model trained on ONNX Runtime through kiln's own graph
 * compiler, because ONNX Runtime's training API is not available to Java (trainer-design.md).
 *
 * <p>How the pieces fit:
 * <ol>
 *   <li>{@link dev.kiln.trainer.model.LlamaConfig} names the architecture (presets {@code tiny},
 *       {@code small}, {@code llama-100m}); {@link dev.kiln.trainer.model.ParamLayout} places every
 *       tensor in one flat fp32 buffer.</li>
 *   <li>{@link dev.kiln.trainer.TrainingGraph} emits forward ({@link dev.kiln.trainer.model.Llama}),
 *       backward (the {@link dev.kiln.trainer.graph.Tape}), global-norm clipping and AdamW as one
 *       ONNX model; K optimiser steps per run with an ONNX {@code Loop}, gradient accumulation with
 *       an inner {@code Loop}.</li>
 *   <li>{@link dev.kiln.trainer.TrainerSession} loads it and keeps params and moments as ONNX
 *       Runtime tensors: {@code step(batch, lr) → loss}, {@code run(batches, lrs) → losses}, and
 *       copies of the state for checkpoints.</li>
 *   <li>{@link dev.kiln.trainer.ForwardModel} exports the forward pass (logits and per-token nll)
 *       for evaluation and sampling.</li>
 *   <li>{@link dev.kiln.trainer.Precision} picks the numeric recipe: fp32, or bf16/fp16 matrix
 *       products and attention with fp32 master weights, norms, loss and optimiser.
 *       {@link dev.kiln.trainer.Sessions} opens every session, and on CUDA first checks the graph
 *       against ONNX Runtime's CUDA kernels ({@link dev.kiln.trainer.graph.CudaKernels});
 *       {@link dev.kiln.trainer.Placement} reports host-device copies inside the step loop.</li>
 * </ol>
 *
 * <pre>{@code
 * TrainerConfig cfg = TrainerConfig.of(LlamaConfig.TINY, 8, 128);
 * try (TrainerSession s = TrainerSession.create(cfg, Init.params(cfg.model(), 1337))) {
 *     float loss = s.step(Batch.windows(tokens, starts, 128), 3e-4f);
 * }
 * }</pre>
 *
 * <p><b>NOTE:</b> nothing here may reference ONNX Runtime's training-session class: even its
 * static methods crash the JVM on the published builds. The CUDA path ({@link dev.kiln.trainer.Device#CUDA})
 * and the bf16 recipe have never run on a GPU: they are checked on the CPU (the fp16 variant of the
 * same graph runs there; bf16 graphs are checked against the CUDA kernel table).
 */
package dev.kiln.trainer;
