package dev.kiln.trainer.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.config.ConfigException;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.eval.EvalResult;
import dev.kiln.trainer.eval.Evaluator;
import dev.kiln.trainer.eval.Window;
import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedule, windows, safetensors, checkpoint slots, control file, budget and the microset check. */
class LoopPartsTest {

    @Test
    void warmupStartsAtPeakOverWarmupAndCosineEndsAtMin() {
        Schedule s = new Schedule(10, 110, 0.1);
        assertEquals(1e-4, s.lr(1, 1e-3), 1e-15);
        assertEquals(1e-3, s.lr(10, 1e-3), 1e-15);
        assertEquals(0.55e-3, s.lr(60, 1e-3), 1e-12, "half-way down the cosine");
        assertEquals(1e-4, s.lr(110, 1e-3), 1e-15);
        assertEquals(2e-4, s.lr(110, 2e-3), 1e-15, "an overridden peak moves the whole curve");
        assertThrows(IllegalArgumentException.class, () -> new Schedule(200, 100, 0));
    }

    @Test
    void randomWindowsAreACounterAndValWindowsAreFixed() {
        RandomWindows a = new RandomWindows(10_000, 32, 7, 0);
        long[] first = a.next(5);
        long[] second = a.next(5);
        RandomWindows b = new RandomWindows(10_000, 32, 7, 5);
        assertArrayEquals(second, b.next(5), "resuming at drawn = 5 continues the sequence");
        for (long s : first) {
            assertTrue(s >= 0 && s + 33 <= 10_000);
        }
        List<Long> v1 = RandomWindows.fixedStarts(100_000, 64, 20, 9);
        assertEquals(v1, RandomWindows.fixedStarts(100_000, 64, 20, 9));
        assertEquals(20, v1.stream().distinct().count());
        assertTrue(v1.stream().allMatch(s -> s % 64 == 0), "non-overlapping slots");
        assertEquals(3, RandomWindows.fixedStarts(200, 64, 20, 9).size(), "all windows of a small split");
    }

    @Test
    void epochsVisitEveryWindowOncePerEpochInASeededOrder() {
        RandomWindows e = RandomWindows.epochs(1001, 100, 3, 0);
        assertEquals(10, e.windowsPerEpoch());
        long[] first = e.next(10);
        long[] second = e.next(10);
        assertEquals(2, e.epochsDone());
        long[] sorted = first.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new long[] {0, 100, 200, 300, 400, 500, 600, 700, 800, 900}, sorted, "each window once");
        assertFalse(java.util.Arrays.equals(first, second), "a new order per epoch");
        RandomWindows resumed = RandomWindows.epochs(1001, 100, 3, 13);
        assertArrayEquals(java.util.Arrays.copyOfRange(second, 3, 10), resumed.next(7), "resume mid-epoch continues the order");
    }

    @Test
    void evaluationWindowsAndResultsAreIdenticalBetweenTwoEvaluations(@TempDir Path tmp) throws Exception {
        DataSet data = DataSet.open(Fixtures.data(tmp));
        TrainConfig cfg = Fixtures.tiny(10, 5, 5, 1, 0);
        List<Window> w1 = TrainingRun.validationWindows(data.val().tokens(), cfg);
        List<Window> w2 = TrainingRun.validationWindows(data.val().tokens(), cfg);
        assertEquals(w1, w2);
        LlamaConfig arch = LlamaConfig.TINY.withVocab(data.vocab());
        float[] p = Init.params(arch, 1);
        try (Evaluator ev = Evaluator.create(arch, 4, 32, Device.CPU, 1)) {
            EvalResult r1 = ev.evaluate(p, data.val(), w1, data.bytes());
            EvalResult r2 = ev.evaluate(p, data.val(), w2, data.bytes());
            assertEquals(r1, r2);
            assertEquals(8L * 32, r1.tokens());
        }
    }

    @Test
    void microsetCheckTrainsACopyAndLeavesTheModelUntouched(@TempDir Path tmp) throws Exception {
        DataSet data = DataSet.open(Fixtures.data(tmp));
        TrainConfig cfg = Fixtures.tiny(10, 5, 5, 1, 0);
        LlamaConfig arch = LlamaConfig.TINY.withVocab(data.vocab());
        float[] p = Init.params(arch, 1);
        float[] before = p.clone();
        try (Evaluator ev = Evaluator.create(arch, 4, 32, Device.CPU, 1)) {
            double initial = ev.evaluate(p, data.train(), Window.contiguous(data.train().tokens(), 32, 4), null).loss();
            MicrosetCheck.Result r = MicrosetCheck.run(cfg.engine(arch), p, data.train(), ev, 25, 3e-3, 0.3);
            assertTrue(r.passed(), r.line());
            assertArrayEquals(before, p, "the caller's parameters are untouched");
            assertEquals(initial, r.initial(), 0.0);
            assertEquals(initial, ev.evaluate(p, data.train(), Window.contiguous(data.train().tokens(), 32, 4), null).loss(), 0.0,
                    "the model still scores as before the check");
            MicrosetCheck.Result fail = MicrosetCheck.run(cfg.engine(arch), p, data.train(), ev, 1, 1e-6, 0.3);
            assertFalse(fail.passed(), fail.line());
        }
    }

    @Test
    void safetensorsHasTheDocumentedLayoutAndRoundTrips(@TempDir Path tmp) throws Exception {
        float[] a = {1f, -2.5f, 3.25f, 4f, 5f, 6f, Float.MIN_VALUE};
        Path f = tmp.resolve("t.safetensors");
        Safetensors.write(f, List.of(new Safetensors.Tensor("x", new long[] {2, 3}, a, 0, 6),
                new Safetensors.Tensor("y", new long[] {1}, a, 6, 1)), Map.of("k", "v"));
        byte[] bytes = Files.readAllBytes(f);
        long hlen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, (8 + hlen) % 8, "data aligned to 8 bytes");
        assertEquals(8 + hlen + 7 * 4, bytes.length);
        JsonNode h = new ObjectMapper().readTree(new String(bytes, 8, (int) hlen, StandardCharsets.UTF_8).trim());
        assertEquals("F32", h.get("x").get("dtype").asText());
        assertEquals("[0,24]", h.get("x").get("data_offsets").toString());
        assertEquals("[24,28]", h.get("y").get("data_offsets").toString());
        assertEquals("v", h.get("__metadata__").get("k").asText());
        assertEquals(-2.5f, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getFloat((int) (8 + hlen + 4)));
        Safetensors.Contents c = Safetensors.read(f);
        assertArrayEquals(new float[] {1f, -2.5f, 3.25f, 4f, 5f, 6f}, c.tensors().get("x"));
        assertArrayEquals(new long[] {2, 3}, c.shapes().get("x"));
        assertArrayEquals(new float[] {Float.MIN_VALUE}, c.tensors().get("y"));
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThrows(java.io.IOException.class, () -> Safetensors.read(f), "truncated file");
    }

    @Test
    void safetensorsHeaderIsSortedWhateverOrderTheTensorsAndMetadataComeIn(@TempDir Path tmp) throws Exception {
        float[] a = {1f, 2f, 3f, 4f, 5f};
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        meta.put("kiln_model", "tiny");
        meta.put("format", "pt");
        Path f1 = tmp.resolve("1.safetensors");
        Path f2 = tmp.resolve("2.safetensors");
        Safetensors.write(f1, List.of(new Safetensors.Tensor("w.b", new long[] {2}, a, 0, 2),
                new Safetensors.Tensor("w.a", new long[] {3}, a, 2, 3)), meta);
        Safetensors.write(f2, List.of(new Safetensors.Tensor("w.a", new long[] {3}, a, 2, 3),
                new Safetensors.Tensor("w.b", new long[] {2}, a, 0, 2)), Map.of("format", "pt", "kiln_model", "tiny"));
        byte[] b1 = Files.readAllBytes(f1);
        assertArrayEquals(b1, Files.readAllBytes(f2), "same tensors in another order: same bytes");
        long hlen = ByteBuffer.wrap(b1).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals("{\"__metadata__\":{\"format\":\"pt\",\"kiln_model\":\"tiny\"},"
                + "\"w.a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},"
                + "\"w.b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]}}",
                new String(b1, 8, (int) hlen, StandardCharsets.UTF_8).strip());
        assertEquals(3f, ByteBuffer.wrap(b1).order(ByteOrder.LITTLE_ENDIAN).getFloat((int) (8 + hlen)), "data in header order");
        assertArrayEquals(new float[] {1f, 2f}, Safetensors.read(f1).tensors().get("w.b"));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.write(tmp.resolve("3.safetensors"),
                List.of(new Safetensors.Tensor("x", new long[] {1}, a, 0, 1), new Safetensors.Tensor("x", new long[] {1}, a, 1, 1)),
                Map.of()), "duplicate name");
    }

    @Test
    void checkpointHeadersListTensorsSortedAfterTheMetadata(@TempDir Path tmp) throws Exception {
        LlamaConfig arch = LlamaConfig.preset("tiny").withVocab(260);
        float[] p = Init.params(arch, 1);
        Path dir = tmp.resolve("step_0000001");
        RunState st = new RunState(1, 128, 4, RunState.Control.of(Fixtures.tiny(1, 1, 1, 1, 0)), 5.0, 7.0, Fixtures.tiny(1, 1, 1, 1, 0),
                arch, "data", null);
        Checkpoint.save(dir, arch, p, p, p, st);
        for (String file : List.of(Checkpoint.MODEL, Checkpoint.OPTIMIZER)) {
            byte[] bytes = Files.readAllBytes(dir.resolve(file));
            long hlen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            List<String> keys = new java.util.ArrayList<>();
            new ObjectMapper().readTree(new String(bytes, 8, (int) hlen, StandardCharsets.UTF_8).strip()).fieldNames()
                    .forEachRemaining(keys::add);
            assertEquals("__metadata__", keys.getFirst(), file);
            List<String> tensors = keys.subList(1, keys.size());
            assertEquals(tensors.stream().sorted().toList(), tensors, file + " tensors sorted by name");
        }
        assertArrayEquals(p, Checkpoint.load(dir).params(), "sorted layout reads back into ParamLayout order");
    }

    @Test
    void bestSlotIsTheLowestEvalAtSaveTimeAndSurvivesRotation(@TempDir Path run) throws Exception {
        LlamaConfig arch = new LlamaConfig("t", 16, 8, 1, 2, 8, 8, 1e4, 1e-5);
        int n = (int) arch.parameterCount();
        CheckpointManager mgr = new CheckpointManager(run, 2);
        double[] val = {3.0, 2.5, 2.7, 2.9};
        TrainConfig cfg = Fixtures.tiny(10, 5, 5, 2, 0);
        for (int i = 0; i < val.length; i++) {
            float[] p = new float[n];
            java.util.Arrays.fill(p, i + 1);
            RunState st = new RunState(i + 1, 0, 0, RunState.Control.of(cfg), val[i], null, cfg, arch, "d", Instant.now().toString());
            mgr.save(new CheckpointManager.TrainingState(p, new float[n], new float[n]), st);
        }
        assertEquals(List.of("step_0000003", "step_0000004"), mgr.stepDirs().stream().map(p -> p.getFileName().toString()).toList());
        Checkpoint.Loaded best = Checkpoint.load(run.resolve(CheckpointManager.BEST));
        assertEquals(2, best.state().step());
        assertEquals(2.5, best.state().valLoss());
        assertEquals(2f, best.params()[0], "the weights of step 2, though its folder was rotated away");
        JsonNode m = mgr.manifest();
        assertEquals("step_0000004", m.get("last").asText());
        assertEquals(2.5, m.get("best").get("val_loss").asDouble());
        assertEquals(4, m.get("steps").size());
    }

    @Test
    void controlFileOverridesPersistAndBadValuesAreIgnored(@TempDir Path run) throws Exception {
        RuntimeControl rc = new RuntimeControl(run);
        RunState.Control c0 = new RunState.Control(1e-3, 100, 500, 10);
        assertEquals(c0, rc.poll(c0).control(), "no file, no change");
        Files.writeString(run.resolve("control.json"), "{\"lr\": 5e-4, \"eval_interval\": 20, \"log_interval\": 0, \"bogus\": 1}");
        RuntimeControl.Poll p = rc.poll(c0);
        assertEquals(new RunState.Control(5e-4, 20, 500, 10), p.control());
        assertEquals(3, p.messages().size(), p.messages().toString());
        assertEquals(p.control(), rc.poll(p.control()).control(), "unchanged file: settings kept");
        Files.writeString(run.resolve("control.json"), "{\"stop\": true}");
        Files.setLastModifiedTime(run.resolve("control.json"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        RuntimeControl.Poll stop = rc.poll(p.control());
        assertTrue(stop.stop());
        assertEquals(p.control(), stop.control(), "overrides persist when the file no longer names them");
    }

    @Test
    void budgetRefusesOverMaxCostUnlessForced(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("throughput.json"), "{\"tokens_per_s\": 1000.0}");
        double tps = Budget.tokensPerSecond(tmp.resolve("throughput.json"));
        Budget.Projection ok = Budget.check(tps, 3_600_000, 2.0, 5.0, false);
        assertEquals(1.0, ok.hours(), 1e-12);
        assertEquals(2.0, ok.cost(), 1e-12);
        ConfigException e = assertThrows(ConfigException.class, () -> Budget.check(tps, 36_000_000, 2.0, 5.0, false));
        assertTrue(e.getMessage().contains("projected cost $20.00 exceeds max_cost $5.00"), e.getMessage());
        assertEquals(20.0, Budget.check(tps, 36_000_000, 2.0, 5.0, true).cost(), 1e-9);
        assertThrows(ConfigException.class, () -> Budget.tokensPerSecond(tmp.resolve("missing.json")));
    }
}
