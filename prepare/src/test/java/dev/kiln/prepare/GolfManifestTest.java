package dev.kiln.prepare;

import dev.kiln.sharding.GolfManifest;
import dev.kiln.sharding.ShardInspector;
import dev.kiln.sharding.ShardFormatException;
import dev.kiln.sharding.GolfShards;
import dev.kiln.sharding.TokenShards;
import dev.kiln.sharding.DataMeta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.config.Configs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parameter-golf's manifest.json from kiln prepare on the bundled sample, checked against the shards read back. */
class GolfManifestTest {

    @TempDir
    static Path dir;

    static Path out;
    static JsonNode manifest;
    static JsonNode meta;

    @BeforeAll
    static void runOnce() throws IOException {
        out = dir.resolve("golf");
        PrepareTest.prepare(PrepareTest.config(2, "golf"), out);
        manifest = Configs.JSON.readTree(out.resolve(GolfManifest.FILE).toFile());
        meta = Configs.JSON.readTree(out.resolve(DataMeta.FILE).toFile());
    }

    @Test
    void statsAreTheShardsRealCounts() throws IOException {
        JsonNode ds = manifest.at("/datasets/0");
        JsonNode stats = ds.get("stats");
        int bos = meta.at("/tokenizer/bos_id").asInt();
        long[] docs = new long[2];
        for (int k = 0; k < 2; k++) {
            String split = k == 0 ? "train" : "val";
            TokenShards s = TokenShards.open(out, split, null);
            assertEquals(TokenShards.Layout.GOLF, s.layout());
            assertEquals(s.tokens(), stats.get("tokens_" + split).asLong(), split + " tokens");
            long headerSum = 0;
            for (Path f : s.files()) {
                headerSum += GolfShards.validate(f);
            }
            assertEquals(headerSum, s.tokens());
            assertEquals(s.files().size(), stats.get("files_" + split).asInt(), split + " files");
            try (Stream<Path> l = Files.list(out)) {
                assertEquals(s.files().size(), l.filter(p -> p.getFileName().toString().startsWith("fineweb_" + split + "_")).count());
            }
            // golf layout: every document starts with BOS, so BOS tokens count the documents
            assertEquals(bos, s.get(0));
            for (long i = 0; i < s.tokens(); i++) {
                if (s.get(i) == bos) {
                    docs[k]++;
                }
            }
            assertEquals(docs[k], stats.get("docs_" + split).asLong(), split + " documents");
            assertEquals(meta.at("/splits/" + split + "/documents").asLong(), docs[k]);
        }
        assertTrue(stats.get("files_train").asInt() >= 4, "200k tokens in 50k-token shards: " + stats);
        assertEquals(stats.get("tokens_train").asLong() + stats.get("tokens_val").asLong(), stats.get("tokens_total").asLong());
        assertEquals(stats.get("files_train").asLong() + stats.get("files_val").asLong(), stats.get("files_total").asLong());
        assertEquals(docs[0] + docs[1], stats.get("docs_total").asLong());
        assertEquals(docs[0] + docs[1], manifest.get("num_docs").asLong());
        assertEquals(docs[1], manifest.get("num_val_docs").asLong());
        assertTrue(manifest.at("/docs_meta/documents_available/train").asLong() >= docs[0]);
    }

    @Test
    void fieldsFollowGolfsLayoutWithHonestKilnValues() {
        assertEquals(Stream.of("append_eos", "datasets", "docs_jsonl", "docs_meta", "num_docs", "num_val_docs", "shard_size",
                "shuffle_seed", "tokenizer_specs", "tokenizers", "version").sorted().toList(), fieldNames(manifest));
        assertEquals(List.of("bos_id", "eos_id", "name", "path", "recommended_bigram_vocab_size", "stats", "tokenizer_kind",
                "tokenizer_name", "train_glob", "val_glob", "vocab_size"), fieldNames(manifest.at("/datasets/0")));
        assertEquals(List.of("docs_total", "docs_train", "docs_val", "files_total", "files_train", "files_val", "tokens_total",
                "tokens_train", "tokens_val"), fieldNames(manifest.at("/datasets/0/stats")));
        assertTrue(manifest.get("version").asText().startsWith("kiln-"), manifest.get("version").asText());
        assertTrue(manifest.get("docs_jsonl").isNull());
        assertFalse(manifest.get("append_eos").asBoolean(), "golf layout: BOS first, no EOS");
        assertEquals(50_000, manifest.get("shard_size").asLong());
        assertEquals(7, manifest.get("shuffle_seed").asLong());
        JsonNode ds = manifest.at("/datasets/0");
        assertEquals(".", ds.get("path").asText());
        assertEquals("fineweb_train_*.bin", ds.get("train_glob").asText());
        assertEquals("fineweb_val_*.bin", ds.get("val_glob").asText());
        assertEquals(1024, ds.get("vocab_size").asInt());
        assertEquals(meta.at("/tokenizer/bos_id").asInt(), ds.get("bos_id").asInt());
        assertEquals(meta.at("/tokenizer/eos_id").asInt(), ds.get("eos_id").asInt());
        // ceil(1024 / 128) = 8; 8 * 128 * 5 = 5120
        assertEquals(5120, ds.get("recommended_bigram_vocab_size").asInt());
        JsonNode tok = manifest.at("/tokenizers/0");
        assertEquals("tokenizer/spm.model", tok.get("model_path").asText());
        assertEquals("tokenizer/spm.vocab", tok.get("vocab_path").asText());
        assertEquals(meta.at("/tokenizer/sha256").asText(), tok.get("sha256").asText());
        assertEquals(ds.get("tokenizer_name").asText(), tok.get("name").asText());
        assertEquals(1024, manifest.at("/tokenizer_specs/0/vocab_size").asInt());
        assertEquals(3, manifest.at("/docs_meta/sources").size());
        assertEquals(DataMeta.FILE, manifest.at("/docs_meta/source_manifest").asText());
    }

    static List<String> fieldNames(JsonNode n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    @Test
    void recommendedBigramVocabSizeIsGolfsFormula() {
        // ceil(V / 128) * 128 * 5, worked by hand
        assertEquals(1920, GolfManifest.recommendedBigramVocabSize(260)); // ceil(2.03) = 3
        assertEquals(5120, GolfManifest.recommendedBigramVocabSize(1000)); // ceil(7.8) = 8
        assertEquals(5120, GolfManifest.recommendedBigramVocabSize(1024)); // exactly 8
        assertEquals(5760, GolfManifest.recommendedBigramVocabSize(1025)); // ceil(8.01) = 9
        assertEquals(40960, GolfManifest.recommendedBigramVocabSize(8192));
    }

    @Test
    void sameInputsAndSeedGiveAByteIdenticalManifestForAnyThreadCountAndFolder() throws IOException {
        Path b = dir.resolve("other-folder").resolve("golf1");
        PrepareTest.prepare(PrepareTest.config(1, "golf"), b);
        byte[] bytes = Files.readAllBytes(out.resolve(GolfManifest.FILE));
        assertEquals(-1, Files.mismatch(out.resolve(GolfManifest.FILE), b.resolve(GolfManifest.FILE)));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains(out.toString()), "no absolute output paths in the manifest");
        assertFalse(text.contains("_at\""), "no timestamps in the manifest");
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void inspectorAcceptsTheManifestAndNamesTheFieldOfATamperedOne() throws IOException {
        Map<String, Object> r = ShardInspector.inspect(out, 0, 16, 3, 1);
        Map<String, Object> m = (Map<String, Object>) r.get("manifest");
        assertNotNull(m, "the manifest was checked");
        assertEquals(true, m.get("consistent"));
        assertTrue(ShardInspector.table(r).contains("manifest.json: matches the golf shards"));

        Path t = copy("tampered");
        tamper(t, s -> s.put("tokens_train", s.get("tokens_train").asLong() + 1));
        assertMismatch(t, "datasets[0].stats.tokens_train");

        tamper(t, s -> s.put("tokens_train", s.get("tokens_train").asLong() - 1));
        tamper(t, s -> s.put("files_val", s.get("files_val").asLong() + 1));
        assertMismatch(t, "datasets[0].stats.files_val");

        tamper(t, s -> s.put("files_val", s.get("files_val").asLong() - 1));
        tamper(t, s -> s.put("docs_val", s.get("docs_val").asLong() + 2));
        assertMismatch(t, "datasets[0].stats.docs_val");
        tamper(t, s -> s.put("docs_val", s.get("docs_val").asLong() - 2));
        assertNotNull(ShardInspector.inspect(t, 0, 16, 3, 1).get("manifest"), "restored");

        // a shard missing from the end of train: the manifest's file count no longer holds
        Path u = copy("missing-shard");
        int last = manifest.at("/datasets/0/stats/files_train").asInt() - 1;
        Files.delete(u.resolve(String.format("fineweb_train_%06d.bin", last)));
        assertMismatch(u, "datasets[0].stats.files_train");
    }

    @Test
    void aResumedRunEndsWithACorrectManifest() throws IOException {
        // the first attempt fails after clean and dedup (its tokenizer is not there yet), leaving its work folder
        Path w = dir.resolve("resumed");
        Path model = w.resolve("given.model");
        PrepareConfig c = PrepareTest.config(2, "golf");
        PrepareConfig given = new PrepareConfig(c.sources(), c.trainTokens(), c.valTokens(), c.valFraction(), c.seed(), c.format(),
                c.boundary(), c.tokensPerShard(), model.toString(), c.tokenizerTraining(), c.dedup(), 2);
        assertThrows(IOException.class, () -> PrepareTest.prepare(given, w));
        assertTrue(Files.isDirectory(w.resolve(Prepare.WORK)));
        // a stale manifest of an interrupted final unit is replaced, not trusted
        Files.writeString(w.resolve(GolfManifest.FILE), "{\"datasets\": []}");
        Files.copy(out.resolve("tokenizer").resolve("spm.model"), model);
        assertTrue(PrepareTest.prepare(given, w).resumed());

        JsonNode resumed = Configs.JSON.readTree(w.resolve(GolfManifest.FILE).toFile());
        assertEquals(manifest.at("/datasets/0/stats"), resumed.at("/datasets/0/stats"), "same tokenizer, data and seed: same shards");
        assertEquals("given.model", resumed.at("/tokenizers/0/model_path").asText());
        assertEquals(model.toString(), resumed.at("/tokenizer_specs/0/reuse_model_path").asText());
        assertNotNull(GolfManifest.validate(w));
    }

    @Test
    void binOnlyOutputHasNoManifest() throws IOException {
        Path b = dir.resolve("bin-only");
        PrepareTest.prepare(PrepareTest.config(2, "bin"), b);
        assertFalse(Files.exists(b.resolve(GolfManifest.FILE)));
        assertEquals(null, ShardInspector.inspect(b, 0, 16, 3, 1).get("manifest"));
    }

    static Path copy(String name) throws IOException {
        Path t = dir.resolve(name);
        Files.createDirectories(t);
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, t.resolve(p.getFileName()));
            }
        }
        return t;
    }

    static void tamper(Path d, Consumer<ObjectNode> edit) throws IOException {
        JsonNode m = Configs.JSON.readTree(d.resolve(GolfManifest.FILE).toFile());
        edit.accept((ObjectNode) m.at("/datasets/0/stats"));
        Files.write(d.resolve(GolfManifest.FILE), Configs.JSON.writeValueAsBytes(m));
    }

    static void assertMismatch(Path d, String field) {
        ShardFormatException e = assertThrows(ShardFormatException.class, () -> ShardInspector.inspect(d, 0, 16, 3, 1));
        assertTrue(e.getMessage().contains(GolfManifest.FILE) && e.getMessage().contains(field + " = "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
