package dev.kiln.trainer.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop end to end on shards written by kiln's sharding module. */
class TrainingRunTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void lossFallsAndTheRunDirectoryHasEverything(@TempDir Path tmp) throws Exception {
        Path data = Fixtures.data(tmp.resolve("data"));
        Path run = tmp.resolve("run");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingRun.Result r = TrainingRun.run(Fixtures.tiny(120, 40, 60, 2, 20), data, run, new TrainingRun.Options(false, 0),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        String console = log.toString(StandardCharsets.UTF_8);
        System.out.println(console.lines().filter(l -> l.startsWith("eval") || l.startsWith("microset") || l.startsWith("sample"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertTrue(r.finished());
        assertEquals(120, r.losses().size());
        List<JsonNode> metrics = MetricsLog.read(run);
        assertEquals(120, metrics.size(), "log_interval 1: one line per step");
        for (JsonNode m : metrics) {
            for (String k : List.of("step", "loss", "lr", "tokens_per_s")) {
                assertTrue(m.has(k), k + " in " + m);
            }
        }
        List<JsonNode> evals = metrics.stream().filter(m -> m.has("val_loss")).toList();
        assertEquals(List.of(40L, 60L, 80L, 120L), evals.stream().map(m -> m.get("step").asLong()).toList(),
                "evals at the eval interval and before each save");
        assertTrue(evals.stream().allMatch(m -> m.has("val_bpb")), "bpb from the recorded tokenizer");
        double firstVal = evals.getFirst().get("val_loss").asDouble();
        double lastVal = evals.getLast().get("val_loss").asDouble();
        assertTrue(lastVal <= firstVal && lastVal < Math.log(260) - 2, "val loss fell from ln 260: " + firstVal + " -> " + lastVal);
        double first10 = metrics.subList(0, 10).stream().mapToDouble(m -> m.get("loss").asDouble()).average().orElseThrow();
        double last10 = metrics.subList(110, 120).stream().mapToDouble(m -> m.get("loss").asDouble()).average().orElseThrow();
        assertTrue(last10 < first10 - 1.5, "train loss fell: " + first10 + " -> " + last10);
        // byte-level tokens: 1 byte per token except BOS targets, so bpb is a little above loss / ln 2
        double bpb = evals.getLast().get("val_bpb").asDouble();
        assertTrue(bpb > lastVal / Math.log(2) && bpb < 1.05 * lastVal / Math.log(2), "bpb " + bpb);
        assertEquals(0.3e-2 / 10, metrics.getFirst().get("lr").asDouble(), 1e-9, "warm-up starts at peak / warmup");
        assertTrue(console.contains("step 120/120: loss "), console);
        assertTrue(console.contains("microset check: "), console);

        byte[] png = Files.readAllBytes(run.resolve(LossCurve.FILE));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(Files.isRegularFile(run.resolve("final").resolve(Checkpoint.MODEL)));
        assertTrue(Files.size(run.resolve("final").resolve(TrainingRun.EXPORT)) > 4 * 600_000L, "exported model with weights");
        String samples = Files.readString(run.resolve(TrainingRun.SAMPLES));
        assertTrue(samples.contains("step 40 [greedy]\nprompt: The devil is\nThe devil is"), samples);
        assertTrue(samples.contains("step 120 [greedy]"), samples);
        assertEquals(List.of("step_0000060", "step_0000120"), new CheckpointManager(run, 2).stepDirs().stream()
                .map(p -> p.getFileName().toString()).toList(), "keep-last 2");

        JsonNode manifest = Configs.JSON.readTree(run.resolve(CheckpointManager.MANIFEST).toFile());
        double best = Double.MAX_VALUE;
        for (JsonNode e : manifest.get("steps")) {
            best = Math.min(best, e.get("val_loss").asDouble());
        }
        assertEquals(best, manifest.get("best").get("val_loss").asDouble(), "best slot = lowest val loss at save time");
        RunState bestState = Checkpoint.load(run.resolve(CheckpointManager.BEST)).state();
        assertEquals(best, bestState.valLoss());
    }

    @Test
    void resumedRunMatchesUninterruptedRunBitForBit(@TempDir Path tmp) throws Exception {
        Path data = Fixtures.data(tmp.resolve("data"));
        TrainConfig cfg = Fixtures.tiny(24, 8, 6, 3, 0);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        TrainingRun.run(cfg, data, a, new TrainingRun.Options(false, 0), QUIET);
        TrainingRun.Result first = TrainingRun.run(cfg, data, b, new TrainingRun.Options(false, 10), QUIET);
        assertEquals(10, first.step());
        assertTrue(!first.finished() && Files.isDirectory(b.resolve("step_0000010")), "stopped with a checkpoint");
        TrainingRun.Result second = TrainingRun.run(cfg, data, b, new TrainingRun.Options(true, 0), QUIET);
        assertEquals(10, second.firstStep());
        assertTrue(second.finished());
        List<JsonNode> ma = MetricsLog.read(a);
        List<JsonNode> mb = MetricsLog.read(b);
        assertEquals(24, mb.size());
        for (int i = 0; i < 24; i++) {
            assertEquals(ma.get(i).get("step").asLong(), mb.get(i).get("step").asLong());
            assertEquals(ma.get(i).get("loss").floatValue(), mb.get(i).get("loss").floatValue(), 0.0f, "loss at step " + (i + 1));
            assertEquals(ma.get(i).get("lr").floatValue(), mb.get(i).get("lr").floatValue(), 0.0f);
        }
        float[] pa = Checkpoint.load(a.resolve("final")).params();
        float[] pb = Checkpoint.load(b.resolve("final")).params();
        assertArrayEquals(pa, pb, "final weights identical");
        assertEquals(Checkpoint.load(a.resolve("final")).state().windowsDrawn(), Checkpoint.load(b.resolve("final")).state().windowsDrawn());
        assertSameFiles(a.resolve(TrainingRun.FINAL), b.resolve(TrainingRun.FINAL));
    }

    @Test
    void aResumeAfterAKillDuringTheFinalExportRedoesItByteForByte(@TempDir Path tmp) throws Exception {
        Path data = Fixtures.data(tmp.resolve("data"));
        TrainConfig cfg = Fixtures.tiny(12, 6, 6, 2, 0);
        Path a = tmp.resolve("a");
        TrainingRun.run(cfg, data, a, new TrainingRun.Options(false, 0), QUIET);
        Path finalA = a.resolve(TrainingRun.FINAL);
        RunState st = Checkpoint.load(finalA).state();
        assertEquals(12, st.step());
        assertTrue(st.valLoss() != null && st.valBpb() != null, "final state.json has val_loss and val_bpb: " + st);
        assertEquals(Checkpoint.load(a.resolve("step_0000012")).state().valLoss(), st.valLoss(), "the last checkpoint's eval");
        assertTrue(Files.notExists(a.resolve(TrainingRun.FINAL + ".tmp")), "no temporary folder left");

        // the run directory as a kill during the export leaves it: the last step's checkpoint saved, final/ half
        // written (an older layout: weights and state without val_loss, no model.onnx) and a torn final.tmp/
        Path b = tmp.resolve("b");
        copyTree(a, b);
        Path finalB = b.resolve(TrainingRun.FINAL);
        Files.delete(finalB.resolve(TrainingRun.EXPORT));
        Files.writeString(finalB.resolve(Checkpoint.STATE), "{\"step\": 12");
        Path torn = Files.createDirectories(b.resolve(TrainingRun.FINAL + ".tmp"));
        Files.write(torn.resolve(Checkpoint.MODEL), java.util.Arrays.copyOf(Files.readAllBytes(finalA.resolve(Checkpoint.MODEL)), 1000));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingRun.Result r = TrainingRun.run(cfg, data, b, new TrainingRun.Options(true, 0), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(r.finished());
        assertEquals(0, r.losses().size(), "no training step redone");
        assertSameFiles(finalA, finalB);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("redoing the final export"), log.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(torn), "the torn temporary folder is gone");
        assertEquals(Files.readAllLines(a.resolve(MetricsLog.FILE)), Files.readAllLines(b.resolve(MetricsLog.FILE)), "metrics untouched");
    }

    /** Asserts that folders {@code a} and {@code b} hold the same file names with the same bytes. */
    private static void assertSameFiles(Path a, Path b) throws Exception {
        List<String> names = names(a);
        assertEquals(List.of(TrainingRun.EXPORT, Checkpoint.MODEL, Checkpoint.STATE), names, "what final/ holds");
        assertEquals(names, names(b));
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n + " byte-identical");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void stepsPerRunLoopGivesTheSameLossesAsSingleSteps(@TempDir Path tmp) throws Exception {
        Path data = Fixtures.data(tmp.resolve("data"));
        TrainConfig one = Fixtures.tiny(6, 6, 6, 1, 0);
        TrainConfig two = one.toBuilder().stepsPerRun(2).warmup(6).prompts(List.of()).build();
        TrainingRun.Result a = TrainingRun.run(one, data, tmp.resolve("k1"), new TrainingRun.Options(false, 0), QUIET);
        TrainingRun.Result b = TrainingRun.run(two, data, tmp.resolve("k2"), new TrainingRun.Options(false, 0), QUIET);
        assertEquals(a.losses(), b.losses(), "K = 2 per ONNX Loop run equals two single steps");
        assertEquals(List.of(2L, 4L, 6L), MetricsLog.read(tmp.resolve("k2")).stream().map(m -> m.get("step").asLong()).toList());
    }

    @Test
    void controlFileLrOverridePersistsThroughTheScheduleAndCheckpoints(@TempDir Path tmp) throws Exception {
        Path data = Fixtures.data(tmp.resolve("data"));
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("control.json"), "{\"lr\": 1e-3, \"log_interval\": 2}");
        TrainConfig cfg = Fixtures.tiny(12, 12, 12, 1, 0);
        TrainingRun.run(cfg, data, run, new TrainingRun.Options(false, 0), QUIET);
        List<JsonNode> m = MetricsLog.read(run);
        assertEquals(List.of(2L, 4L, 6L, 8L, 10L, 12L), m.stream().map(x -> x.get("step").asLong()).toList(),
                "log interval from the control file");
        assertEquals(1e-3 * 2 / 10, m.getFirst().get("lr").asDouble(), 1e-9, "warm-up reads the overridden peak");
        assertEquals(1e-3, m.get(4).get("lr").asDouble(), 1e-9, "peak at the end of warm-up");
        assertEquals(1e-4, m.getLast().get("lr").asDouble(), 1e-9, "cosine ends at min_lr / lr of the overridden peak");
        RunState st = Checkpoint.load(run.resolve("step_0000012")).state();
        assertEquals(new RunState.Control(1e-3, 12, 12, 2), st.control(), "overrides are checkpointed, so a resume keeps them");
    }

    @Test
    void epochModeKeepsASnapshotPerEpoch(@TempDir Path tmp) throws Exception {
        Path data = Fixtures.data(tmp.resolve("data"));
        TrainConfig base = Fixtures.tiny(8, 8, 8, 1, 0);
        // a tiny val split stands in for a small train split: point the run at a copy whose train is the val .bin
        Path small = tmp.resolve("small");
        Files.createDirectories(small);
        for (String f : List.of("data_meta.json", "val.bin", "val.idx")) {
            Files.copy(data.resolve(f), small.resolve(f));
        }
        Files.copy(data.resolve("val.bin"), small.resolve("train.bin"));
        Files.createDirectories(small.resolve("tokenizer"));
        Files.copy(data.resolve("tokenizer/spm.model"), small.resolve("tokenizer/spm.model"));
        long windows = (DataSet.open(small).train().tokens() - 1) / 32;
        int steps = (int) ((windows + 3) / 4) + 1; // just past one epoch of B 4 windows per step
        TrainConfig cfg = base.toBuilder().steps(steps).warmup(2).evalInterval(steps).evalWindows(2).saveInterval(steps)
                .logInterval(steps).prompts(List.of()).sampleTokens(4).controlPoll(1000).epochs(true).build();
        TrainingRun.run(cfg, small, tmp.resolve("run"), new TrainingRun.Options(false, 0), QUIET);
        assertTrue(Files.isDirectory(tmp.resolve("run").resolve("epoch_001")), "epoch snapshot");
        assertEquals(1, Checkpoint.load(tmp.resolve("run").resolve("epoch_001")).state().windowsDrawn() / windows);
    }
}
