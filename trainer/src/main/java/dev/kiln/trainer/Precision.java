package dev.kiln.trainer;

import dev.kiln.trainer.graph.DType;
import java.util.Locale;

/**
 * The numeric recipe of the training graph.
 *
 * <p>Master weights, Adam moments, the optimiser, gradient clipping, RMSNorm, the residual stream
 * and the loss are always fp32. The mixed recipes run the matrix products, attention (scores,
 * softmax, RoPE) and the SwiGLU activations in a 16-bit compute type: each weight matrix is cast
 * down where it is used, and the cast's VJP brings its gradient back to fp32. This is PyTorch
 * autocast's recipe, spelt out as graph nodes, and it keeps the ops that have no bf16 CUDA kernel
 * (LogSoftmax, ReduceMean, Reciprocal, OneHot) in fp32 islands.
 */
public enum Precision {
    /** Everything in fp32 (TF32 matrix products on CUDA). The CPU default and the reference. */
    FP32(DType.F32),
    /** bf16 compute with fp32 master weights: the CUDA default (the CPU provider has no bf16 kernels). */
    BF16(DType.BF16),
    /**
     * fp16 compute with fp32 master weights, without loss scaling: tiny gradients underflow, so it is
     * meant for checking the mixed-precision graph on CPU (where ONNX Runtime can run fp16), not for
     * real runs.
     */
    FP16(DType.F16);

    private final DType compute;

    Precision(DType compute) {
        this.compute = compute;
    }

    /** Element type of matrix products and attention. */
    public DType compute() {
        return compute;
    }

    /** The setting that picks {@link #defaultFor} the device. */
    public static final String AUTO = "auto";

    /** {@code value} parsed, or the device's default when it is {@value #AUTO}. */
    public static Precision resolve(String value, Device d) {
        return value.equals(AUTO) ? defaultFor(d) : parse(value);
    }

    /** The recipe a device runs by default: bf16 on CUDA, fp32 on CPU. */
    public static Precision defaultFor(Device d) {
        return d == Device.CUDA ? BF16 : FP32;
    }

    /** Parses {@code fp32}, {@code bf16} or {@code fp16} (also {@code float32}, {@code bfloat16}, {@code float16}). */
    public static Precision parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "fp32", "float32", "f32" -> FP32;
            case "bf16", "bfloat16" -> BF16;
            case "fp16", "float16", "f16", "half" -> FP16;
            default -> throw new IllegalArgumentException("precision must be fp32, bf16 or fp16: " + s);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
