package dev.kiln.prepare;

import dev.kiln.sharding.GolfManifest;
import dev.kiln.sharding.ShardInspector;
import dev.kiln.sharding.TokenShards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.io.BadInputException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.testing.SampleCorpus;
import dev.kiln.tokenizer.Encoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln prepare end to end on the bundled sample: real filters, dedup, BPE training, JNI encoding, shards. */
class PrepareTest {

    @TempDir
    static Path dir;

    static Path out;
    static JsonNode meta;

    static PrepareConfig config(int threads, String format) {
        Path s = SampleCorpus.dir();
        List<PrepareConfig.Source> sources = List.of(
                new PrepareConfig.Source("c4", "c4", List.of(s.resolve("web.jsonl.gz").toString()), 0.5, "kiln", null, null),
                new PrepareConfig.Source("wikipedia", "wikipedia", List.of(s.resolve("wiki.jsonl.gz").toString()), 0.3, "kiln", null, null),
                new PrepareConfig.Source("gutenberg", "gutenberg", List.of(s.resolve("gutenberg").toString()), 0.2, "kiln", null, null));
        return new PrepareConfig(sources, 200_000, 20_000, 0.1, 7L, format, null, 50_000L, null,
                new PrepareConfig.TokenizerTraining(1024, "reference", 0L), null, threads);
    }

    static Prepare.Result prepare(PrepareConfig cfg, Path to) throws IOException {
        return new Prepare(cfg, to, false, s -> { }, step -> Progress.Listener.NONE).run(false);
    }

    @BeforeAll
    static void runOnce() throws IOException {
        out = dir.resolve("a");
        prepare(config(2, "both"), out);
        meta = Configs.JSON.readTree(out.resolve("data_meta.json").toFile());
    }

    @Test
    void fileSizesMatchTheRecordedTokenCountsExactly() throws IOException {
        for (String part : List.of("train", "val")) {
            long tokens = meta.at("/splits/" + part + "/tokens").asLong();
            assertEquals(tokens * 2, Files.size(out.resolve(part + ".bin")), "uint16, no padding");
            assertEquals(meta.at("/splits/" + part + "/documents").asLong() * 8, Files.size(out.resolve(part + ".idx")));
            TokenShards golf;
            Files.move(out.resolve(part + ".bin"), out.resolve(part + ".bin.x"));
            try {
                golf = TokenShards.open(out, part, null);
            } finally {
                Files.move(out.resolve(part + ".bin.x"), out.resolve(part + ".bin"));
            }
            assertEquals(TokenShards.Layout.GOLF, golf.layout());
            assertEquals(tokens, golf.tokens(), "golf shards hold the same tokens");
            TokenShards bin = TokenShards.open(out, part, null);
            for (long i = 0; i < tokens; i += 997) {
                assertEquals(bin.get(i), golf.get(i));
            }
        }
        assertEquals("uint16", meta.get("dtype").asText());
        assertEquals(1024, meta.at("/tokenizer/vocab_size").asInt());
        assertTrue(meta.at("/splits/train/golf_shards").asInt() >= 4, "200k tokens in 50k-token shards");
    }

    @Test
    void noDocumentIsInBothSplitsAndEveryDocumentDecodesToCleanedText() throws IOException {
        Map<String, Set<String>> textToSplit = new HashMap<>();
        try (Encoder enc = Encoder.load(out.resolve("tokenizer"))) {
            int bos = meta.at("/tokenizer/bos_id").asInt();
            for (String part : List.of("train", "val")) {
                TokenShards s = TokenShards.open(out, part, null);
                long[] starts = s.documentStarts();
                for (int d = 0; d < starts.length; d++) {
                    long end = d + 1 < starts.length ? starts[d + 1] : s.tokens();
                    int[] ids = new int[(int) (end - starts[d])];
                    s.read(starts[d], ids);
                    assertEquals(bos, ids[0], "golf layout: BOS first");
                    String text = enc.decode(java.util.Arrays.copyOfRange(ids, 1, ids.length));
                    textToSplit.computeIfAbsent(text, k -> new HashSet<>()).add(part);
                }
            }
        }
        // map texts back to the cleaned documents they came from, via the metadata-free identity: the documents
        // read from the sample after cleaning are re-derived here with the same profile
        Set<String> cleanedTexts = new HashSet<>();
        for (Document d : cleaned()) {
            cleanedTexts.add(d.text());
        }
        int matched = 0;
        for (Map.Entry<String, Set<String>> e : textToSplit.entrySet()) {
            assertEquals(1, e.getValue().size(), "a text in both splits: " + e.getKey().substring(0, Math.min(80, e.getKey().length())));
            if (cleanedTexts.contains(e.getKey())) {
                matched++;
            }
        }
        assertTrue(matched > 0.98 * textToSplit.size(), matched + " of " + textToSplit.size() + " decoded documents are cleaned source texts");
    }

    /** The cleaned documents, re-read from a second run's work folder kept by failing it before the spill. */
    static List<Document> cleaned() throws IOException {
        Path w = dir.resolve("clean-check");
        if (!Files.exists(w.resolve(Prepare.WORK))) {
            PrepareConfig c = config(1, "bin");
            PrepareConfig broken = new PrepareConfig(c.sources(), c.trainTokens(), c.valTokens(), c.valFraction(), c.seed(), c.format(),
                    c.boundary(), c.tokensPerShard(), w.resolve("no-such-tokenizer").toString(), c.tokenizerTraining(), c.dedup(), 1);
            assertThrows(IOException.class, () -> prepare(broken, w));
        }
        List<Document> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(w.resolve(Prepare.WORK).resolve("dedup"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".jsonl.zst")).sorted().toList()) {
                all.addAll(Prepare.readAll(p));
            }
        }
        assertTrue(all.size() > 500);
        return all;
    }

    @Test
    @SuppressWarnings("unchecked")
    void inspectorValidatesAndSummarisesTheShards() throws IOException {
        Map<String, Object> r = ShardInspector.inspect(out, 2, 32, 5, 1);
        for (String part : List.of("train", "val")) {
            Map<String, Object> m = (Map<String, Object>) r.get(part);
            assertEquals(meta.at("/splits/" + part + "/tokens").asLong(), ((Number) m.get("tokens")).longValue());
            assertEquals(meta.at("/splits/" + part + "/documents").asLong(), ((Number) m.get("documents")).longValue());
            assertEquals(5, ((List<Object>) m.get("top_ids")).size());
            List<Object> samples = (List<Object>) m.get("samples");
            assertEquals(2, samples.size());
            assertFalse(((Map<String, Object>) samples.get(0)).get("text").toString().isBlank());
            assertTrue(((Number) m.get("unk_share")).doubleValue() < 0.01);
        }
        assertTrue(ShardInspector.table(r).contains("train: "));
    }

    @Test
    void theMixReachesEachQuotaWithinOneDocumentOrReportsTheSourceDry() {
        for (String part : List.of("train", "val")) {
            JsonNode sources = meta.at("/splits/" + part + "/sources");
            long sum = 0;
            for (String name : List.of("c4", "wikipedia", "gutenberg")) {
                JsonNode s = sources.get(name);
                long target = s.get("target_tokens").asLong() + s.path("fill_tokens").asLong(0);
                long got = s.get("tokens").asLong();
                sum += got;
                if (s.get("ran_dry").asBoolean()) {
                    assertTrue(got < target);
                } else {
                    assertTrue(got >= target && got < target + 20_000, part + " " + name + ": " + got + " for " + target);
                }
            }
            assertEquals(meta.at("/splits/" + part + "/tokens").asLong(), sum);
        }
        assertTrue(meta.at("/clean/c4/stages/0/dropped_by_reason").size() > 0, "per-reason drops recorded");
        assertTrue(meta.at("/dedup").has("clusters") || meta.at("/dedup").size() > 3, meta.at("/dedup").toString());
    }

    @Test
    void sameInputsAndSeedGiveIdenticalBytesForAnyThreadCount() throws IOException {
        Path b = dir.resolve("b");
        prepare(config(1, "both"), b);
        for (String f : List.of("train.bin", "train.idx", "val.bin", "val.idx", "fineweb_train_000000.bin", "fineweb_val_000000.bin",
                "tokenizer/spm.model", GolfManifest.FILE)) {
            assertEquals(-1, Files.mismatch(out.resolve(f), b.resolve(f)), f);
        }
        assertFalse(Files.exists(b.resolve(Prepare.WORK)), "the work folder is removed after a finished run");
    }

    @Test
    void eachInputFileIsItsOwnCleanUnitAndTheStatisticsAddUp() throws IOException {
        // the web sample cut into two files: two clean units, whose counts sum to the source's
        List<Document> web = SampleCorpus.read("web.jsonl.gz", 1500);
        Path parts = dir.resolve("parts");
        for (int f = 0; f < 2; f++) {
            try (dev.kiln.core.io.DocumentWriter w = dev.kiln.core.io.Formats.writer(parts.resolve("web-" + f + ".jsonl.gz"))) {
                for (Document d : web.subList(f * 750, (f + 1) * 750)) {
                    w.write(d);
                }
                w.commit();
            }
        }
        PrepareConfig c = new PrepareConfig(List.of(new PrepareConfig.Source("c4", "c4", List.of(parts.resolve("web-*.jsonl.gz").toString()),
                1.0, "kiln", null, null)), 50_000, 5_000, 0.1, 7L, "bin", null, null, null,
                new PrepareConfig.TokenizerTraining(512, "reference", 0L), new PrepareConfig.Dedup(false, null, null, null, null), 2);
        Path o = dir.resolve("two-files");
        JsonNode m = Configs.JSON.valueToTree(prepare(c, o).meta());
        assertEquals(2, m.at("/clean/c4/units").asInt());
        assertEquals(1500, m.at("/clean/c4/docs_read").asLong());
        assertEquals(1500, m.at("/clean/c4/stages/0/docs_in").asLong());
        long kept = m.at("/clean/c4/docs_written").asLong();
        long available = m.at("/split/sources/c4/train_documents_available").asLong() + m.at("/split/sources/c4/val_documents_available").asLong();
        assertEquals(kept, available, "without dedup every cleaned document is tokenized");
    }

    @Test
    void aFinishedRunIsNotOverwrittenWithoutOverwriteAndAChangedConfigIsRefused() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> prepare(config(2, "both"), out));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        Path c = dir.resolve("c");
        Files.createDirectories(c.resolve(Prepare.WORK));
        Files.writeString(c.resolve(Prepare.WORK).resolve("config.json"), "{\"other\": 1}");
        // a completed step of the other configuration: refused (with none, the folder is replaced: StepExecutorTest)
        Files.writeString(c.resolve(Prepare.WORK).resolve("clean-c4-00000.done.json"), "{\"seconds\": 1, \"value\": {}}");
        e = assertThrows(ConfigException.class, () -> prepare(config(2, "bin"), c));
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
    }

    @Test
    void theJniEncoderWritesTheSameShardsAsTheDefaultJavaEncoder() throws IOException {
        PrepareConfig c = config(2, "both");
        Path jni = dir.resolve("jni");
        Prepare.Result r = prepare(c.withOptions(null, null, "jni"), jni);
        assertEquals("jni", r.meta().config().get("encoder"));
        assertEquals("java", meta.at("/config/encoder").asText(), "java is the default");
        for (String f : List.of("train.bin", "train.idx", "val.bin", "val.idx", "fineweb_train_000000.bin", GolfManifest.FILE)) {
            assertEquals(-1, Files.mismatch(out.resolve(f), jni.resolve(f)), f);
        }
    }

    @Test
    void aSourceThatYieldsNothingFailsTheRunUnlessAllowed() throws IOException {
        Path s = SampleCorpus.dir();
        Path binary = Files.write(dir.resolve("binary.jsonl"), new byte[] {0, (byte) 0xff, 1, 2, '\n', (byte) 0xfe, 0, '\n'});
        List<PrepareConfig.Source> sources = List.of(
                new PrepareConfig.Source("wikipedia", "wikipedia", List.of(s.resolve("wiki.jsonl.gz").toString()), 0.5, "kiln", null, null),
                new PrepareConfig.Source("c4", "c4", List.of(binary.toString()), 0.5, "kiln", null, null));
        PrepareConfig c = new PrepareConfig(sources, 20_000, 2_000, 0.1, 7L, "bin", null, null, null,
                new PrepareConfig.TokenizerTraining(512, "reference", 0L), new PrepareConfig.Dedup(false, null, null, null, null), 1);
        Path o = dir.resolve("nothing");
        BadInputException e = assertThrows(BadInputException.class, () -> prepare(c, o));
        assertTrue(e.getMessage().contains("binary.jsonl") && e.getMessage().contains("--allow-empty"), e.getMessage());
        assertFalse(Files.exists(o.resolve("data_meta.json")));
        // allowed: the run goes on without the source, says so, and the other source fills the split
        List<String> log = new ArrayList<>();
        Prepare.Result r = new Prepare(c, o, false, true, log::add, step -> Progress.Listener.NONE).run(false);
        assertTrue(log.stream().anyMatch(l -> l.contains("source c4 yields no documents")), log.toString());
        assertTrue(r.meta().splitResult("train").tokens() >= 20_000, "wikipedia fills what c4 cannot give");
        assertEquals(0, r.meta().splitResult("train").sources().get("c4").tokens());
    }

    @Test
    void anOutputFolderThatHoldsAnInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("holds-input"));
        Path input = Files.copy(SampleCorpus.dir().resolve("wiki.jsonl.gz"), folder.resolve("wiki.jsonl.gz"));
        PrepareConfig c = new PrepareConfig(List.of(new PrepareConfig.Source("wikipedia", "wikipedia", List.of(input.toString()), 1.0,
                "kiln", null, null)), 20_000, 2_000, 0.1, 7L, "bin", null, null, null, null, null, 1);
        ConfigException e = assertThrows(ConfigException.class, () -> new Prepare(c, folder, false, s -> { },
                step -> Progress.Listener.NONE).run(true));
        assertTrue(e.getMessage().contains("holds the input"), e.getMessage());
        assertTrue(Files.exists(input));
        assertFalse(Files.exists(folder.resolve(Prepare.WORK)));
    }
}
