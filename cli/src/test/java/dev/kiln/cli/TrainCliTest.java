package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.testing.SampleCorpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln prepare} → {@code kiln train} → {@code kiln eval} → {@code kiln sample}, {@code kiln bench
 * train} and the cost guard, end to end on the sample corpus (CPU, tiny preset, a few steps).
 */
class TrainCliTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String take() {
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prepareTrainEvalSampleAndBudget() throws Exception {
        Path data = dir.resolve("data");
        Path s = SampleCorpus.dir();
        assertEquals(0, Kiln.execute("prepare", "--wikipedia", s.resolve("wiki.jsonl.gz").toString(), "--gutenberg",
                s.resolve("gutenberg").toString(), "--no-dedup", "--train-tokens", "60000",
                "--val-tokens", "8000", "--vocab-size", "512", "--format", "golf", "--tokens-per-shard", "30000", "--threads", "2", "-q",
                "-o", data.toString()), errors());
        assertTrue(take().contains("golf manifest: " + data.resolve("manifest.json")), "prepare names the golf manifest");
        Path run = dir.resolve("run");
        List<String> train = List.of("train", "--data", data.toString(), "--model", "tiny", "--steps", "12", "--batch", "2", "--seq", "32",
                "--eval-interval", "6", "--save-interval", "6", "--log-interval", "3", "--eval-windows", "4", "--microset-steps", "0",
                "--threads", "1", "--sample-tokens", "8", "--prompt", "The", "-o", run.toString());
        assertEquals(0, Kiln.execute(train.toArray(String[]::new)), errors());
        String log = take();
        assertTrue(log.contains("step 12/12: loss "), log);
        assertTrue(log.contains("tok/s, ETA"), log);
        assertTrue(log.contains("eval step 12: val loss"), log);
        assertTrue(log.contains("loss curve: "), log);
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertEquals(4, lines.size(), "steps 3, 6, 9, 12");
        JsonNode last = new ObjectMapper().readTree(lines.getLast());
        assertTrue(last.has("val_loss") && last.has("val_bpb") && last.has("tokens_per_s") && last.has("lr"), last.toString());

        assertEquals(2, Kiln.execute(train.toArray(String[]::new)), "a finished run is not silently overwritten");
        assertTrue(errors().contains("already holds a run"), errors());

        assertEquals(0, Kiln.execute("eval", "--checkpoint", run.resolve("final").toString(), "--data", data.toString(),
                "--max-tokens", "2000", "--threads", "1"), errors());
        JsonNode ev = new ObjectMapper().readTree(take().strip());
        for (String k : List.of("loss", "ppl", "bpb", "tokens")) {
            assertTrue(ev.has(k), k + " in " + ev);
        }
        assertEquals(62 * 32, ev.get("tokens").asLong(), "(2000 - 1) / 32 windows of 32");
        assertEquals(Math.exp(ev.get("loss").asDouble()), ev.get("ppl").asDouble(), 1e-9);

        assertEquals(0, Kiln.execute("eval", "--checkpoint", run.resolve("final").toString(), "--data", data.toString(),
                "--max-tokens", "2000", "--window", "32", "--stride", "8", "--threads", "1"), errors());
        JsonNode sliding = new ObjectMapper().readTree(take().strip());
        assertEquals(1999, sliding.get("tokens").asLong(), "sliding window scores every target once");

        assertEquals(0, Kiln.execute("sample", "--checkpoint", run.resolve("final").toString(), "--max-new-tokens", "6",
                "--threads", "1", "The"), errors());
        String greedy = take();
        assertTrue(greedy.startsWith("The"), greedy);
        assertEquals(0, Kiln.execute("sample", "--checkpoint", run.resolve("final").toString(), "--max-new-tokens", "6",
                "--threads", "1", "The"), errors());
        assertEquals(greedy, take(), "greedy is deterministic");
        assertEquals(0, Kiln.execute("sample", "--checkpoint", run.resolve("best").toString(), "--max-new-tokens", "6",
                "--temperature", "0.8", "--top-k", "40", "--top-p", "0.9", "--threads", "1", "The"), errors());
        assertTrue(take().startsWith("The"));

        Path tp = dir.resolve("throughput.json");
        assertEquals(0, Kiln.execute("bench", "train", "--data", data.toString(), "--model", "tiny", "--batch", "2", "--seq", "32",
                "--threads", "1", "--warmup", "1", "--runs", "2", "-o", tp.toString()), errors());
        JsonNode t = new ObjectMapper().readTree(tp.toFile());
        assertTrue(t.get("tokens_per_s").asDouble() > 0, t.toString());
        take();

        List<String> costly = new java.util.ArrayList<>(train);
        costly.set(costly.size() - 1, dir.resolve("run2").toString());
        costly.set(costly.indexOf("--steps") + 1, "1000000");
        costly.addAll(List.of("--hourly-rate", "3", "--max-cost", "1", "--throughput", tp.toString()));
        assertEquals(2, Kiln.execute(costly.toArray(String[]::new)));
        assertTrue(errors().contains("exceeds max_cost $1.00"), errors());
        assertTrue(!Files.exists(dir.resolve("run2").resolve("metrics.jsonl")), "refused before training");

        // a YAML config gives defaults, flags win: the config's 10^6 steps are refused, --steps 2 runs
        Path yaml = dir.resolve("train.yaml");
        Files.writeString(yaml, "train:\n  model: tiny\n  steps: 1000000\n  batch: 2\n  seq: 32\n  hourly_rate: 3\n  max_cost: 1\n"
                + "  throughput: " + tp + "\n  microset_steps: 0\n  eval_windows: 2\n  threads: 1\n  sample_tokens: 4\n");
        List<String> base = List.of("train", "--config", yaml.toString(), "--data", data.toString(), "-o", dir.resolve("run3").toString());
        assertEquals(2, Kiln.execute(base.toArray(String[]::new)));
        List<String> two = new java.util.ArrayList<>(base);
        two.addAll(List.of("--steps", "2"));
        assertEquals(0, Kiln.execute(two.toArray(String[]::new)), errors());
        assertTrue(take().contains("step 2/2: loss "));
        JsonNode rc = new ObjectMapper().readTree(dir.resolve("run3").resolve("run_config.json").toFile()).get("config");
        assertEquals(2, rc.get("batch").asInt(), "batch from the YAML file");
        assertEquals(2, rc.get("steps").asInt(), "steps from the flag");
    }
}
