package dev.kiln.trainer.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;

/** Element types the graph builder emits, with their ONNX codes. */
public enum DType {
    /** 32-bit float: parameters, optimiser state and the CPU compute type. */
    F32(DataType.FLOAT, 4),
    /** 64-bit float: used by the gradient checks, where fp32 finite differences are too noisy. */
    F64(DataType.DOUBLE, 8),
    /** bfloat16: CUDA activations and matrix products (the CPU execution provider has no bf16 kernels). */
    BF16(DataType.BFLOAT16, 2),
    /**
     * IEEE half precision: the low-precision type ONNX Runtime's CPU provider can run (nodes without
     * an fp16 kernel get Cast pairs inserted), so CPU tests exercise the mixed-precision graph with it.
     */
    F16(DataType.FLOAT16, 2),
    /** 32-bit integer: token ids as fed from Java. */
    I32(DataType.INT32, 4),
    /** 64-bit integer: indices, shapes and axes. */
    I64(DataType.INT64, 8),
    /** boolean: Loop conditions. */
    BOOL(DataType.BOOL, 1);

    private final DataType onnx;
    private final int bytes;

    DType(DataType onnx, int bytes) {
        this.onnx = onnx;
        this.bytes = bytes;
    }

    /** The ONNX {@code TensorProto.DataType} code. */
    public int code() {
        return onnx.getNumber();
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether this is a floating-point type (one that can carry gradients). */
    public boolean isFloat() {
        return this == F32 || this == F64 || this == BF16 || this == F16;
    }

    /**
     * The bfloat16 bits of {@code f}, rounded to nearest even (plain truncation would bias every
     * constant towards zero); NaN stays a quiet NaN.
     */
    public static short bf16Bits(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }
}
