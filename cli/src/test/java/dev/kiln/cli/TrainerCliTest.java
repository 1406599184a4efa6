package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.SampleCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln info --model} and {@code kiln bench trainer} end to end on ONNX Runtime's CPU provider. */
class TrainerCliTest extends StdStreamsTest {

    @TempDir
    Path dir;

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void infoPrintsTheReferenceParameterCount() {
        assertEquals(0, Kiln.execute("info", "--model", "llama-100m"), err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout().contains("parameters             102,451,968"), stdout());
        assertTrue(stdout().contains("ffn 1,792"), stdout());
    }

    @Test
    void infoBuildsTheTrainingGraph() {
        assertEquals(0, Kiln.execute("info", "--model", "tiny", "--vocab", "512", "--graph", "2x16"), err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout().contains("vocab 512"), stdout());
        assertTrue(stdout().contains("nodes (B 2 x T 16, K 1, cpu, fp32)"), stdout());
    }

    @Test
    void infoChecksTheBf16CudaGraphAgainstOnnxRuntimesKernelsWithoutAGpu() {
        assertEquals(0, Kiln.execute("info", "--model", "tiny", "--graph", "2x16", "--device", "cuda", "--steps-per-run", "2"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout().contains("K 2, cuda, bf16"), stdout());
        assertTrue(stdout().contains("CUDA kernels       every node has one (ONNX Runtime's kernel table, onnxruntime@"), stdout());
    }

    @Test
    void unknownPresetIsAUsageError() {
        assertEquals(2, Kiln.execute("info", "--model", "huge"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("huge"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void benchTrainerRunsTheTinyPreset() {
        Path text = SampleCorpus.dir().resolve("gutenberg").resolve("bierce-devils-dictionary.txt");
        int rc = Kiln.execute("bench", "trainer", "--model", "tiny", "--batch", "2", "--seq", "16", "--warmup", "0",
                "--runs", "2", "--threads", "1", "--text", text.toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout().contains("ms/step") && stdout().contains("1,127,296 params"), stdout());
    }

    @Test
    void parityDumpWritesWeightsBatchesAndLosses() throws Exception {
        Path text = SampleCorpus.dir().resolve("gutenberg").resolve("bierce-devils-dictionary.txt");
        Path dump = dir.resolve("parity");
        int rc = Kiln.execute("bench", "trainer", "--model", "tiny", "--batch", "2", "--seq", "16", "--steps", "3",
                "--threads", "1", "--text", text.toString(), "--parity-dump", dump.toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertEquals(1_127_296L * 4, Files.size(dump.resolve("params.f32")));
        assertEquals(3L * 2 * 16 * 4, Files.size(dump.resolve("tokens.i32")));
        assertEquals(3L * 4, Files.size(dump.resolve("kiln_losses.f32")));
        assertTrue(Files.readString(dump.resolve("config.json")).contains("\"layout\": [\"embed\""));
    }
}
