package dev.kiln.trainer.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.TrainingGraph;
import dev.kiln.trainer.model.LlamaConfig;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The CUDA kernel-coverage check on small graphs, the bundled table, and kiln's fp32 training graphs. */
class CudaKernelsTest {

    private static final CudaKernels KERNELS = CudaKernels.load();

    /** A model computing {@code op(x)} for an input x [2, 3] of {@code type}. */
    private static ModelProto unary(DType type, BiFunction<Graph, Val, Val> op) {
        Graph g = new Graph("");
        Val x = g.input("x", type, 2, 3);
        g.output(op.apply(g, x), "y");
        return g.toModel("unary");
    }

    private static ModelProto withOpset(ModelProto m, int opset) {
        return m.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
    }

    private static Val logSoftmax(Graph g, Val x) {
        return g.op("LogSoftmax", x.type(), x.shape(), List.of(x), Graph.attr("axis", -1L));
    }

    private static Val softmax(Graph g, Val x) {
        return g.op("Softmax", x.type(), x.shape(), List.of(x), Graph.attr("axis", -1L));
    }

    private static void assertOneProblem(List<String> missing, String op, String type) {
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith(op + " ") && missing.get(0).contains("no CUDA kernel for " + type),
                missing.toString());
    }

    @Test
    void tableHasTheFactsTheTrainerDesignRelies() {
        assertTrue(KERNELS.source().contains("microsoft/onnxruntime") && KERNELS.source().contains("CUDAExecutionProvider"),
                KERNELS.source());
        CudaKernels.Registration matmul = KERNELS.registration("", "MatMul", Graph.OPSET).orElseThrow();
        assertEquals(13, matmul.since());
        assertTrue(matmul.accepts("bfloat16") && matmul.accepts("float"));
        CudaKernels.Registration logSoftmax = KERNELS.registration("ai.onnx", "LogSoftmax", Graph.OPSET).orElseThrow();
        assertTrue(logSoftmax.accepts("float"));
        assertFalse(logSoftmax.accepts("bfloat16"));
        assertFalse(KERNELS.registration("", "ReduceMean", 18).orElseThrow().accepts("bfloat16"));
        assertTrue(KERNELS.registration("", "ReduceSum", 18).orElseThrow().accepts("bfloat16"));
        // opset ranges: Add's bf16 kernel arrived in opset 13
        assertEquals("7-12", KERNELS.registration("", "Add", 12).orElseThrow().versions());
        assertFalse(KERNELS.registration("", "Add", 12).orElseThrow().accepts("bfloat16"));
        assertTrue(KERNELS.registration("", "Add", 14).orElseThrow().accepts("bfloat16"));
        assertTrue(KERNELS.registration("com.microsoft", "FusedMatMul", 1).orElseThrow().accepts("bfloat16"));
        assertTrue(KERNELS.registration("", "NoSuchOp", 18).isEmpty());
    }

    @Test
    void bf16MatMulAndSoftmaxPass() {
        Graph g = new Graph("");
        Val a = g.input("a", DType.BF16, 2, 3);
        Val b = g.input("b", DType.BF16, 3, 4);
        g.output(softmax(g, g.matmul(a, b)), "p");
        assertEquals(List.of(), KERNELS.missing(g.toModel("mm")));
    }

    @Test
    void bf16OpsWithoutCudaKernelsAreReported() {
        assertOneProblem(KERNELS.missing(unary(DType.BF16, CudaKernelsTest::logSoftmax)), "LogSoftmax", "bfloat16");
        assertOneProblem(KERNELS.missing(unary(DType.BF16, (g, x) -> g.reduceMean(x, true, 1))), "ReduceMean", "bfloat16");
        assertOneProblem(KERNELS.missing(unary(DType.BF16, Graph::reciprocal)), "Reciprocal", "bfloat16");
        assertOneProblem(KERNELS.missing(unary(DType.BF16, (g, x) -> g.reduceSumSquare(x, false))), "ReduceSumSquare",
                "bfloat16");
        String line = KERNELS.missing(unary(DType.BF16, CudaKernelsTest::logSoftmax)).get(0);
        assertEquals("LogSoftmax (opset 13+ kernel): no CUDA kernel for bfloat16 (node y in graph unary)", line);
    }

    @Test
    void fp32VersionsPass() {
        assertEquals(List.of(), KERNELS.missing(unary(DType.F32, CudaKernelsTest::logSoftmax)));
        assertEquals(List.of(), KERNELS.missing(unary(DType.F32, (g, x) -> g.reduceMean(x, true, 1))));
        assertEquals(List.of(), KERNELS.missing(unary(DType.F32, Graph::reciprocal)));
        assertEquals(List.of(), KERNELS.missing(unary(DType.F64, Graph::reciprocal)));
        // the usual fp32 island: bf16 -> Cast -> LogSoftmax -> Cast back
        assertEquals(List.of(), KERNELS.missing(unary(DType.BF16,
                (g, x) -> g.cast(logSoftmax(g, g.cast(x, DType.F32)), DType.BF16))));
    }

    @Test
    void kernelIsPickedForTheModelsOpset() {
        ModelProto add = unary(DType.BF16, Graph::sqrt);
        assertEquals(List.of(), KERNELS.missing(add));
        List<String> at12 = KERNELS.missing(withOpset(add, 12));
        assertOneProblem(at12, "Sqrt", "bfloat16");
        assertTrue(at12.get(0).contains("(opset 6-12 kernel)"), at12.toString());
    }

    @Test
    void problemsAreDeduplicatedWithANodeCount() {
        Graph g = new Graph("");
        Val x = g.input("x", DType.BF16, 2, 3);
        Val y = logSoftmax(g, logSoftmax(g, g.reciprocal(x)));
        g.output(logSoftmax(g, y), "y");
        List<String> missing = KERNELS.missing(g.toModel("dedup"));
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("Reciprocal ") && !missing.get(0).contains("nodes"), missing.toString());
        assertTrue(missing.get(1).startsWith("LogSoftmax ") && missing.get(1).endsWith("; 3 nodes)"), missing.toString());
    }

    /** A K=2 Loop whose body reads the outer-scope input x (of {@code type}) through {@code op}. */
    private static ModelProto loop(DType type, BiFunction<Graph, Val, Val> op) {
        Graph g = new Graph("");
        Val x = g.input("x", type, 2, 3);
        Graph body = new Graph("b_");
        body.input("b_iter", DType.I64);
        Val cond = body.input("b_cond", DType.BOOL);
        Val acc = body.input("b_acc", DType.F32, 2, 3);
        Val r = body.cast(op.apply(body, x), DType.F32);
        body.output(body.identity(cond), "b_cond_out");
        body.output(body.add(acc, r), "b_acc_out");
        Val[] out = g.opN("Loop", new DType[] {DType.F32}, new long[][] {{2, 3}},
                List.of(g.scalar(DType.I64, 2), g.scalar(DType.BOOL, 1), g.full(DType.F32, new long[] {2, 3}, 0.0)),
                Graph.attr("body", body.toProto("loop_body")));
        g.output(out[0], "y");
        return g.toModel("looped");
    }

    @Test
    void opsInsideLoopBodiesAreChecked() {
        List<String> missing = KERNELS.missing(loop(DType.BF16, Graph::reciprocal));
        assertOneProblem(missing, "Reciprocal", "bfloat16");
        assertTrue(missing.get(0).contains("in graph loop_body"), missing.toString());
        // outer-scope x resolves inside the body: the fp32 and the bf16-with-kernel versions are clean
        assertEquals(List.of(), KERNELS.missing(loop(DType.F32, Graph::reciprocal)));
        assertEquals(List.of(), KERNELS.missing(loop(DType.BF16, Graph::sqrt)));
    }

    @Test
    void undeclaredValuesAndUnknownOpsAreReported() {
        ModelProto base = unary(DType.F32, Graph::sqrt);
        var graph = base.getGraph().toBuilder()
                .addNode(NodeProto.newBuilder().setOpType("Add").addInput("x").addInput("ghost").addOutput("z"))
                // Clip with its optional min omitted: the empty name is not a value
                .addNode(NodeProto.newBuilder().setOpType("Clip").addInput("x").addInput("").addInput("x").addOutput("c"))
                .addNode(NodeProto.newBuilder().setOpType("Frobnicate").addInput("x").addOutput("f"));
        List<String> missing = KERNELS.missing(base.toBuilder().setGraph(graph).build());
        assertEquals(5, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("value ghost: no element type declared (used by Add)"), missing.toString());
        assertTrue(missing.get(1).startsWith("value z: no element type declared"), missing.toString());
        assertTrue(missing.get(2).startsWith("value c: no element type declared"), missing.toString());
        assertTrue(missing.get(3).startsWith("value f: no element type declared"), missing.toString());
        assertTrue(missing.get(4).startsWith("Frobnicate (opset 18): no CUDA kernel registered"), missing.toString());
        // with the outputs declared, only the undeclared input and the unknown op remain
        graph.addValueInfo(Graph.valueInfo(new Val("z", DType.F32, new long[] {2, 3})))
                .addValueInfo(Graph.valueInfo(new Val("c", DType.F32, new long[] {2, 3})))
                .addValueInfo(Graph.valueInfo(new Val("f", DType.F32, new long[] {2, 3})));
        missing = KERNELS.missing(base.toBuilder().setGraph(graph).build());
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("value ghost: "), missing.toString());
        assertEquals("Frobnicate (opset 18): no CUDA kernel registered (node f in graph unary)", missing.get(1));
    }

    @Test
    void fp32TrainingGraphsHaveCudaKernels() {
        TrainerConfig c = TrainerConfig.of(LlamaConfig.TINY, 2, 16);
        assertEquals(List.of(), KERNELS.missing(TrainingGraph.build(c, false)));
        ModelProto looped = TrainingGraph.build(c.withStepsPerRun(2), true);
        assertTrue(looped.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("Loop")));
        assertEquals(List.of(), KERNELS.missing(looped));
        // gradient accumulation adds an inner Loop inside the K-step Loop body
        assertEquals(List.of(), KERNELS.missing(TrainingGraph.build(c.withStepsPerRun(2).withAccumulation(2), true)));
    }
}
