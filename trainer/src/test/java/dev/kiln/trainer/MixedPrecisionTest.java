package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.kiln.trainer.graph.DType;
import dev.kiln.trainer.graph.OrtRunner;
import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import dev.kiln.trainer.model.ParamLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mixed-precision recipe ({@link Precision}): 16-bit matrix products and attention, fp32 master
 * weights, norms, residual stream, loss and optimiser. ONNX Runtime's CPU provider has no bf16
 * kernels, so these tests run the fp16 variant of the same graph code on real text.
 */
class MixedPrecisionTest {

    private static final LlamaConfig TOY = TestData.TOY;

    @Test
    void fp16ComputeGradientTracksFp32() throws Exception {
        int batch = 4;
        int seq = 32;
        ParamLayout layout = ParamLayout.of(TOY);
        float[] p = Init.params(TOY, 3);
        Batch b = TestData.randomWindows(TestData.bierceBytes(), batch, seq, new Random(7));
        Map<String, Object> in = new HashMap<>(Map.of(TrainingGraph.PARAMS, p,
                TrainingGraph.TOKENS, b.inputs(), TrainingGraph.TARGETS, b.targets()));
        Map<String, double[]> ref;
        Map<String, double[]> half;
        try (OrtRunner r = new OrtRunner(TrainingGraph.lossAndGradModel(TOY, batch, seq, DType.F32))) {
            ref = r.run(in);
        }
        ModelProto mixed = TrainingGraph.lossAndGradModel(TOY, batch, seq, DType.F32, DType.F16);
        try (OrtRunner r = new OrtRunner(mixed)) {
            half = r.run(in);
        }
        double l32 = ref.get(TrainingGraph.LOSS)[0];
        double l16 = half.get(TrainingGraph.LOSS)[0];
        assertEquals(l32, l16, 5e-3 * l32, "fp16-compute loss");
        double[] g32 = ref.get(TrainingGraph.GRAD);
        double[] g16 = half.get(TrainingGraph.GRAD);
        for (ParamLayout.Entry e : layout.entries()) {
            double cos = cosine(g32, g16, (int) e.offset(), (int) e.size());
            assertTrue(cos > 0.995, e.name() + ": cosine(fp16-compute grad, fp32 grad) = " + cos);
        }
        // the 16-bit path really ran: reduced precision changes the gradient
        assertNotEquals(0.0, maxAbsDiff(g32, g16), "fp16 gradient bit-identical to fp32: casts not emitted?");
    }

    @Test
    void mixedGraphsPutMatrixProductsIn16BitAndNormsLossAndOptimiserInFp32() {
        for (Precision pr : new Precision[] {Precision.BF16, Precision.FP16}) {
            TrainerConfig c = TrainerConfig.of(TOY, 2, 16).withPrecision(pr);
            ModelProto m = TrainingGraph.build(c, false);
            Map<String, Integer> types = elementTypes(m.getGraph());
            int low = pr == Precision.BF16 ? DataType.BFLOAT16_VALUE : DataType.FLOAT16_VALUE;
            int gemmLow = 0;
            int gemmAll = 0;
            for (NodeProto n : m.getGraph().getNodeList()) {
                int t = types.getOrDefault(n.getOutput(0), -1);
                switch (n.getOpType()) {
                    case "Gemm", "MatMul", "Softmax" -> {
                        gemmAll++;
                        if (t == low) {
                            gemmLow++;
                        }
                    }
                    case "LogSoftmax", "ReduceMean", "Reciprocal", "OneHot", "ReduceSumSquare", "Sqrt" ->
                            assertNotEquals(low, t, pr + ": " + n.getOpType() + " must stay in fp32 (" + n.getOutput(0) + ")");
                    default -> { }
                }
            }
            assertEquals(gemmAll, gemmLow, pr + ": every Gemm/MatMul/Softmax runs in the compute type");
            assertTrue(gemmAll > 20, "graph has matrix products: " + gemmAll);
            for (String out : new String[] {TrainingGraph.PARAMS_OUT, TrainingGraph.M_OUT, TrainingGraph.V_OUT, TrainingGraph.LOSSES}) {
                assertEquals(DataType.FLOAT_VALUE, types.get(out), pr + ": " + out + " is fp32");
            }
        }
        ModelProto plain = TrainingGraph.build(TrainerConfig.of(TOY, 2, 16), false);
        assertEquals(0, plain.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Cast")
                && n.getAttribute(0).getI() != DataType.INT64_VALUE).count(), "fp32 graph has no float casts");
    }

    @Test
    void fp16TrainingFollowsFp32OnRealText() throws Exception {
        int[] text = TestData.bierceBytes();
        TrainerConfig c32 = TrainerConfig.of(TOY, 8, 32).withDevice(Device.CPU, 1);
        TrainerConfig c16 = c32.withPrecision(Precision.FP16);
        float[] init = Init.params(TOY, 1);
        int steps = 60;
        double[] l32 = new double[steps];
        double[] l16 = new double[steps];
        try (TrainerSession s32 = TrainerSession.create(c32, init); TrainerSession s16 = TrainerSession.create(c16, init)) {
            Random r = new Random(5);
            for (int i = 0; i < steps; i++) {
                Batch b = TestData.randomWindows(text, 8, 32, r);
                float lr = 3e-3f * Math.min(1f, (i + 1) / 10f);
                l32[i] = s32.step(b, lr);
                l16[i] = s16.step(b, lr);
                assertTrue(Double.isFinite(l16[i]), "fp16 loss at step " + i);
            }
        }
        double first = mean(l16, 0, 10);
        double last16 = mean(l16, steps - 10, steps);
        double last32 = mean(l32, steps - 10, steps);
        System.out.printf("fp16 compute: first-10 %.4f, last-10 %.4f (fp32 %.4f)%n", first, last16, last32);
        assertTrue(last16 < first - 1.0, "fp16 loss fell: " + first + " -> " + last16);
        assertEquals(last32, last16, 0.05, "fp16-compute training follows fp32");
    }

    @Test
    void cudaGraphUsesTheDeterministicOneHotEmbeddingGradientWithTheSameResult() throws Exception {
        ModelProto cuda = TrainingGraph.build(TrainerConfig.of(TOY, 2, 16).withDevice(Device.CUDA, 0), false);
        assertEquals(0, count(cuda, "ScatterND") + count(cuda, "ScatterElements"), "no scatter-add (atomics) in the CUDA graph");
        assertEquals(Precision.BF16, TrainerConfig.of(TOY, 2, 16).withDevice(Device.CUDA, 0).precision());
        assertEquals(1, count(TrainingGraph.build(TrainerConfig.of(TOY, 2, 16), false), "ScatterElements"), "CPU graph scatters");
        int batch = 2;
        int seq = 32;
        float[] p = Init.params(TOY, 9);
        Batch b = TestData.randomWindows(TestData.bierceBytes(), batch, seq, new Random(2));
        Map<String, Object> in = new HashMap<>(Map.of(TrainingGraph.PARAMS, p,
                TrainingGraph.TOKENS, b.inputs(), TrainingGraph.TARGETS, b.targets()));
        double[] scatter;
        double[] oneHot;
        try (OrtRunner r = new OrtRunner(TrainingGraph.lossAndGradModel(TOY, batch, seq, DType.F32, DType.F32,
                dev.kiln.trainer.graph.Tape.EmbeddingGrad.SCATTER))) {
            scatter = r.run(in).get(TrainingGraph.GRAD);
        }
        try (OrtRunner r = new OrtRunner(TrainingGraph.lossAndGradModel(TOY, batch, seq, DType.F32, DType.F32,
                dev.kiln.trainer.graph.Tape.EmbeddingGrad.ONE_HOT))) {
            oneHot = r.run(in).get(TrainingGraph.GRAD);
        }
        assertTrue(maxAbsDiff(scatter, oneHot) < 1e-6, "one-hot embedding gradient equals the scatter-add one: "
                + maxAbsDiff(scatter, oneHot));
    }

    private static long count(ModelProto m, String op) {
        return m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(op)).count();
    }

    private static Map<String, Integer> elementTypes(GraphProto g) {
        Map<String, Integer> t = new HashMap<>();
        for (ValueInfoProto v : g.getValueInfoList()) {
            t.put(v.getName(), v.getType().getTensorType().getElemType());
        }
        for (ValueInfoProto v : g.getOutputList()) {
            t.put(v.getName(), v.getType().getTensorType().getElemType());
        }
        return t;
    }

    private static double cosine(double[] a, double[] b, int off, int n) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = off; i < off + n; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }
}
