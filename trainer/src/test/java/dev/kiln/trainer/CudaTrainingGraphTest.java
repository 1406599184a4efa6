package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.kiln.trainer.graph.CudaKernels;
import dev.kiln.trainer.graph.DType;
import dev.kiln.trainer.model.LlamaConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graphs kiln would load on CUDA use only (op, element type) pairs that ONNX Runtime's CUDA
 * provider has kernels for. No GPU is needed: the check reads ONNX Runtime's kernel table, so a
 * graph change that would fail on a rented GPU fails here first.
 */
class CudaTrainingGraphTest {

    private static final CudaKernels KERNELS = CudaKernels.load();

    private static void assertCovered(TrainerConfig c, boolean loop) {
        ModelProto m = TrainingGraph.build(c, loop);
        List<String> missing = KERNELS.missing(m);
        assertEquals(List.of(), missing, c.model().name() + " " + c.precision() + " K " + c.stepsPerRun()
                + " A " + c.accumulation());
    }

    @Test
    void bf16AndFp32TrainingGraphsHaveCudaKernelsForEveryNode() {
        TrainerConfig base = TrainerConfig.of(LlamaConfig.TINY, 2, 32).withDevice(Device.CUDA, 0);
        assertEquals(Precision.BF16, base.precision());
        for (Precision p : Precision.values()) {
            TrainerConfig c = base.withPrecision(p);
            assertCovered(c, false);
            assertCovered(c.withStepsPerRun(3), true);
            assertCovered(c.withStepsPerRun(2).withAccumulation(2), true);
        }
    }

    @Test
    void theHundredMillionParameterBf16StepGraphHasCudaKernelsForEveryNode() {
        assertCovered(TrainerConfig.of(LlamaConfig.LLAMA_100M, 16, 1024).withDevice(Device.CUDA, 0).withStepsPerRun(64), true);
    }

    @Test
    void theForwardModelsForEvaluationAndSamplingHaveCudaKernelsForEveryNode() {
        assertEquals(List.of(), KERNELS.missing(ForwardModel.build(LlamaConfig.TINY, 2, 32, null, true)));
        assertEquals(List.of(), KERNELS.missing(ForwardModel.build(LlamaConfig.TINY, 1, 32,
                dev.kiln.trainer.model.Init.params(LlamaConfig.TINY, 1), false)));
    }

    @Test
    void aGraphWithoutTheFp32IslandsIsRefusedBeforeTheSessionIsCreated() {
        // the whole loss-and-gradient model in bf16, norms and loss included: what the islands prevent
        ModelProto allBf16 = TrainingGraph.lossAndGradModel(LlamaConfig.TINY, 2, 16, DType.BF16);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sessions.requireCudaKernels(allBf16));
        for (String op : new String[] {"ReduceMean", "Reciprocal", "LogSoftmax"}) {
            assertTrue(e.getMessage().contains(op), op + " named in: " + e.getMessage());
        }
    }
}
