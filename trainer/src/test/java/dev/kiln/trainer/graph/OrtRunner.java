package dev.kiln.trainer.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: loads a model in ONNX Runtime (CPU) and runs it on double, float or int arrays. */
public final class OrtRunner implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Map<String, long[]> shapes = new HashMap<>();

    public OrtRunner(ModelProto model) throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            // BASIC: the extended fusions (e.g. x·σ(x) into QuickGelu) have float-only kernels, and these runs are float64
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            session = env.createSession(model.toByteArray(), o);
        }
        for (var in : model.getGraph().getInputList()) {
            shapes.put(in.getName(), in.getType().getTensorType().getShape().getDimList().stream()
                    .mapToLong(d -> d.getDimValue()).toArray());
        }
    }

    /** Runs with inputs by name (double[], float[] or int[]); returns every output as double[]. */
    public Map<String, double[]> run(Map<String, Object> inputs) throws OrtException {
        Map<String, OnnxTensor> in = new LinkedHashMap<>();
        try {
            for (var e : inputs.entrySet()) {
                long[] s = shapes.get(e.getKey());
                Object v = e.getValue();
                OnnxTensor t = switch (v) {
                    case double[] d -> OnnxTensor.createTensor(env, DoubleBuffer.wrap(d), s);
                    case float[] f -> OnnxTensor.createTensor(env, FloatBuffer.wrap(f), s);
                    case int[] i -> OnnxTensor.createTensor(env, IntBuffer.wrap(i), s);
                    default -> throw new IllegalArgumentException(e.getKey());
                };
                in.put(e.getKey(), t);
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            try (OrtSession.Result r = session.run(in)) {
                for (Map.Entry<String, OnnxValue> e : r) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    double[] d;
                    switch (t.getInfo().type) {
                        case DOUBLE -> {
                            DoubleBuffer b = t.getDoubleBuffer();
                            d = new double[b.remaining()];
                            b.get(d);
                        }
                        case FLOAT -> {
                            FloatBuffer b = t.getFloatBuffer();
                            d = new double[b.remaining()];
                            for (int i = 0; i < d.length; i++) {
                                d[i] = b.get(i);
                            }
                        }
                        default -> throw new IllegalStateException("output type " + t.getInfo().type);
                    }
                    out.put(e.getKey(), d);
                }
            }
            return out;
        } finally {
            for (OnnxTensor t : in.values()) {
                t.close();
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
