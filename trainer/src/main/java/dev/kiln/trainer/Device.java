package dev.kiln.trainer;

/** Execution provider a trainer session runs on. */
public enum Device {
    /** ONNX Runtime's CPU execution provider, fp32 (tested). */
    CPU,
    /**
     * ONNX Runtime's CUDA execution provider with CPU fallback disabled, so a missing kernel fails
     * loudly. Needs the {@code onnxruntime_gpu} jar (opt-in Maven profile {@code cuda}). Graphs are
     * checked against ONNX Runtime's CUDA kernel table before loading (tested on CPU).
     * <b>NOTE: never run on a GPU yet</b>: none was available when this was written.
     */
    CUDA;

    /** Parses {@code cpu} or {@code cuda}. */
    public static Device parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> CPU;
            case "cuda", "gpu" -> CUDA;
            default -> throw new IllegalArgumentException("device must be cpu or cuda: " + s);
        };
    }
}
