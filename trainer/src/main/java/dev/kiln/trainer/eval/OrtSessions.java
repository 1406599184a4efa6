package dev.kiln.trainer.eval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.trainer.Device;

/** Opens forward-only ONNX models in ONNX Runtime on a {@link Device}. */
public final class OrtSessions {

    private OrtSessions() {
    }

    /**
     * A session for the serialised model {@code bytes}: all graph optimisations, {@code threads}
     * intra-op threads (0 = ONNX Runtime's default); on CUDA without CPU fallback.
     * <b>NOTE:</b> the CUDA branch is untested (no GPU was available).
     */
    public static OrtSession open(byte[] bytes, Device device, int threads) throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            if (threads > 0) {
                o.setIntraOpNumThreads(threads);
                o.setInterOpNumThreads(1);
            }
            if (device == Device.CUDA) {
                o.addConfigEntry("session.disable_cpu_ep_fallback", "1");
                try {
                    o.addCUDA(0);
                } catch (OrtException e) {
                    throw new IllegalStateException("CUDA execution provider unavailable (" + e.getMessage()
                            + "). HINT: build with -Pcuda (onnxruntime_gpu) and install CUDA 12 and cuDNN 9, or use --device cpu", e);
                }
            }
            return OrtEnvironment.getEnvironment().createSession(bytes, o);
        }
    }
}
