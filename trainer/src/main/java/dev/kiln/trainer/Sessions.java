package dev.kiln.trainer;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.trainer.graph.CudaKernels;
import java.util.List;

/** ONNX Runtime session options for a {@link Device}, shared by training, evaluation and sampling. */
public final class Sessions {

    private Sessions() {
    }

    /**
     * Options for {@code device}: all graph optimisations, sequential execution, {@code threads}
     * intra-op threads (0 = ONNX Runtime's default). For CUDA the CUDA execution provider is added
     * with CPU fallback disabled so a missing kernel fails loudly (trainer-design.md section 7).
     * <b>NOTE:</b> the CUDA branch has never run on a GPU (none was available) and needs the
     * {@code onnxruntime_gpu} jar from the {@code cuda} Maven profile. The system property
     * {@code kiln.ort.profile=PREFIX} turns on ONNX Runtime's per-node profiler, and
     * {@code kiln.ort.opt=basic} limits graph optimisation to the basic level (to check that
     * ALL_OPT's inference fusions do not change training results).
     */
    public static OrtSession.SessionOptions options(Device device, int threads) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setOptimizationLevel("basic".equalsIgnoreCase(System.getProperty("kiln.ort.opt"))
                ? OrtSession.SessionOptions.OptLevel.BASIC_OPT : OrtSession.SessionOptions.OptLevel.ALL_OPT);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        if (threads > 0) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
        }
        String profile = System.getProperty("kiln.ort.profile");
        if (profile != null && !profile.isBlank()) {
            o.enableProfiling(profile); // ONNX Runtime writes a per-node JSON trace with this prefix
        }
        if (device == Device.CUDA) {
            o.addConfigEntry("session.disable_cpu_ep_fallback", "1");
            try {
                o.addCUDA(0);
            } catch (OrtException e) {
                o.close();
                throw new IllegalStateException("CUDA execution provider unavailable (" + e.getMessage()
                        + "). HINT: run with KILN_PROFILES=cuda (ONNX Runtime's GPU jar) on a host with CUDA 12 and cuDNN 9, or use --device cpu", e);
            }
        }
        return o;
    }

    /**
     * Fails before any GPU time is spent when a node of {@code model} has no CUDA kernel for its
     * element types ({@link CudaKernels}): with CPU fallback disabled, ONNX Runtime would otherwise
     * fail later with a less precise message, and with fallback it would silently copy to the host.
     */
    public static void requireCudaKernels(ModelProto model) {
        List<String> missing = CudaKernels.load().missing(model);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the graph " + model.getGraph().getName() + " has nodes without a CUDA kernel "
                    + "(a kiln bug, please report it): " + String.join("; ", missing));
        }
    }
}
