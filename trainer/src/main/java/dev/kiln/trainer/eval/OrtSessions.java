package dev.kiln.trainer.eval;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.Sessions;

/** Opens forward-only ONNX models in ONNX Runtime on a {@link Device}. */
public final class OrtSessions {

    private OrtSessions() {
    }

    /** A session for a model kiln just built; on CUDA it is first checked against ONNX Runtime's CUDA kernels. */
    public static OrtSession open(ModelProto model, Device device, int threads) throws OrtException {
        if (device == Device.CUDA) {
            Sessions.requireCudaKernels(model);
        }
        return create(model.toByteArray(), device, threads);
    }

    /**
     * A session for the serialised model {@code bytes} (an exported {@code model.onnx}); on CUDA it
     * is parsed and checked against ONNX Runtime's CUDA kernels first.
     */
    public static OrtSession open(byte[] bytes, Device device, int threads) throws OrtException {
        if (device == Device.CUDA) {
            try {
                Sessions.requireCudaKernels(ModelProto.parseFrom(bytes));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
            }
        }
        return create(bytes, device, threads);
    }

    private static OrtSession create(byte[] bytes, Device device, int threads) throws OrtException {
        try (OrtSession.SessionOptions o = Sessions.options(device, threads)) {
            return OrtEnvironment.getEnvironment().createSession(bytes, o);
        }
    }
}
