/**
 * The Llama architecture: {@link dev.kiln.trainer.model.LlamaConfig} (presets and exact parameter
 * count), {@link dev.kiln.trainer.model.ParamLayout} (the flat parameter buffer),
 * {@link dev.kiln.trainer.model.Llama} (the forward pass on a tape) and
 * {@link dev.kiln.trainer.model.Init} (reference initialisation).
 */
package dev.kiln.trainer.model;
