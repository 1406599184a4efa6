package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.config.Configs;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.testing.SampleCorpus;
import dev.kiln.core.util.Hashes;
import dev.kiln.prepare.Prepare;
import dev.kiln.prepare.PrepareConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln spark prepare} in local mode on the bundled sample against the single-JVM {@code kiln prepare}:
 * byte-identical shards, index, golf shards, manifest, tokenizer and cluster report, and data_meta.json
 * equal but for timings, thread counts and the verification work counters.
 */
class SparkPrepareTest {

    @TempDir
    static Path dir;

    static Path local;
    static Path copies;

    /** The sample split in several files per source, so the Spark tasks really run in parallel. */
    static PrepareConfig config() {
        Path s = SampleCorpus.dir();
        List<PrepareConfig.Source> sources = List.of(
                new PrepareConfig.Source("c4", "c4", List.of(s.resolve("web.jsonl.gz").toString()), 0.4, "kiln", null, null),
                new PrepareConfig.Source("wikipedia", "wikipedia", List.of(s.resolve("wiki.jsonl.gz").toString()), 0.3, "kiln", null, null),
                new PrepareConfig.Source("gutenberg", "gutenberg", List.of(s.resolve("gutenberg").toString()), 0.2, "kiln", null, null),
                new PrepareConfig.Source("copies", "c4", List.of(copies.toString()), 0.05, "kiln", null, null),
                new PrepareConfig.Source("wikidata", "wikidata", List.of(s.resolve("wikidata").resolve("triples.tsv.gz").toString()), 0.1,
                        null, null, null));
        return new PrepareConfig(sources, 150_000, 15_000, 0.1, 7L, "both", null, 40_000L, null,
                new PrepareConfig.TokenizerTraining(1024, "reference", 0L), null, 2, null, Boolean.TRUE, null);
    }

    @BeforeAll
    static void localRun() throws IOException {
        copies = plantDuplicates(dir.resolve("copies.jsonl"));
        local = dir.resolve("local");
        new Prepare(config(), local, false, false, s -> { }, step -> Progress.Listener.NONE).run(false);
    }

    /** 60 web pages again: 20 exact copies, 40 with one word changed (near-duplicates), new ids. */
    static Path plantDuplicates(Path file) throws IOException {
        List<dev.kiln.core.Document> web = new java.util.ArrayList<>();
        try (var r = dev.kiln.core.io.JsonlReader.open(SampleCorpus.dir().resolve("web.jsonl.gz"), dev.kiln.core.io.ReadOptions.DEFAULT,
                new dev.kiln.core.io.BadRecords(true, x -> { }))) {
            dev.kiln.core.Document d;
            while ((d = r.next()) != null && web.size() < 400) {
                if (d.text().length() > 1500) {
                    web.add(d);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String text = web.get(i * 6).text();
            if (i % 3 != 0) {
                int sp = Math.max(0, text.lastIndexOf(' ', text.length() / 2));
                text = text.substring(0, sp) + " indeed" + text.substring(sp);
            }
            sb.append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("id", "copy-" + i, "text", text))).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    static Path spark(String master, PrepareConfig cfg) throws IOException {
        return spark(master, cfg, new org.apache.spark.SparkConf(), "spark-" + master.replaceAll("\\W", ""));
    }

    static Path spark(String master, PrepareConfig cfg, org.apache.spark.SparkConf extra, String name) throws IOException {
        Path out = dir.resolve(name);
        org.apache.spark.SparkConf conf = PrepareJob.sparkConf(master);
        for (scala.Tuple2<String, String> kv : extra.getAll()) {
            conf.set(kv._1(), kv._2());
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            PrepareJob.run(sc, cfg, out, false, false, false);
        }
        return out;
    }

    @Test
    void localOneTwoAndFourGiveTheSingleJvmBytes() throws IOException {
        for (String master : List.of("local[1]", "local[2]", "local[4]")) {
            // local[2]: buckets of 20,000 tokens (one of the local run's), so its shards come from many parts and tasks
            Path out = master.equals("local[2]") ? spark(master, config(), manyBuckets(), "spark-local2") : spark(master, config());
            assertEquals(files(local), files(out), master + ": the same files with the same bytes as kiln prepare");
            assertEquals(outputs(local, local.toString()), outputs(out, out.toString()), master + ": data_meta.json's outputs and sizes");
            for (String meta : List.of("data_meta.json", "tokenizer/tokenizer_meta.json")) {
                List<String> diff = new java.util.ArrayList<>();
                diff(comparable(local, meta), comparable(out, meta), meta, diff);
                assertEquals(List.of(), diff, master + ": " + meta + " differs");
            }
        }
    }

    /** Shuffle buckets of 20,000 tokens: the sample's splits in dozens of buckets, parts and shard tasks. */
    static org.apache.spark.SparkConf manyBuckets() {
        return new org.apache.spark.SparkConf().set(SparkEngine.BUCKET_TOKENS, "20000");
    }

    @Test
    void theSampleReallyHasClustersToFind() throws IOException {
        JsonNode d = Configs.JSON.readTree(local.resolve("data_meta.json").toFile()).get("dedup");
        assertTrue(d.get("exact_duplicates").asLong() >= 15, d.toString());
        assertTrue(d.get("near_duplicates").asLong() >= 30, d.toString());
    }

    @Test
    void aTaskThatFailsItsFirstAttemptLeavesNoTraceInTheOutput() throws IOException {
        // local[2,2]: two slots, two attempts per task; partition 0 of every distributed step fails once after a partial write
        Path out = spark("local[2,2]", config(), manyBuckets().set(TaskAttempts.FAIL_FIRST_ATTEMPT, "clean,dedup,spill,shards,golf"),
                "spark-retried");
        assertEquals(files(local), files(out));
        List<String> diff = new java.util.ArrayList<>();
        diff(comparable(local, "data_meta.json"), comparable(out, "data_meta.json"), "data_meta.json", diff);
        assertEquals(List.of(), diff);
    }

    @Test
    void anOutputOnAHadoopFileSystemResumesRetriesAndPublishesTheLocalBytes() throws IOException {
        Path remote = dir.resolve("remote-out");
        Path staging = dir.resolve("remote-staging");
        String uri = KilnTestFileSystem.uri(remote);
        // a first run fails in spill (one attempt per task): clean, dedup and the tokenizer are done, their work files on the remote
        // side; local[1], so no other spill task is still uploading when the run has failed
        org.apache.spark.SparkConf once = withHadoopTestFs(PrepareJob.sparkConf("local[1]")).set(TaskAttempts.FAIL_FIRST_ATTEMPT, "spill");
        try (JavaSparkContext sc = new JavaSparkContext(once)) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> PrepareJob.run(sc, config(), uri + "/", staging, false, false, false));
            assertTrue(e.getMessage().startsWith("injected failure of the first attempt of spill"), e.getMessage());
        }
        awaitNoTaskThreads();
        assertTrue(Files.isRegularFile(remote.resolve(".kiln-work/dedup/c4/00000.jsonl.zst")), "dedup's work files are on the remote side");
        assertTrue(!Files.exists(staging.resolve(".kiln-work/dedup")) && !Files.exists(staging.resolve(".kiln-work/clean")),
                "the driver's staging folder holds no clean or dedup files");
        assertTrue(!Files.exists(remote.resolve("train.bin")) && !Files.exists(remote.resolve("data_meta.json")), "nothing published");
        // the re-run resumes at spill, whose first attempts (and those of any redone step) fail after a partial upload
        org.apache.spark.SparkConf retried = withHadoopTestFs(PrepareJob.sparkConf("local[2,2]"))
                .set(TaskAttempts.FAIL_FIRST_ATTEMPT, "clean,dedup,spill,shards,golf").set(SparkEngine.BUCKET_TOKENS, "20000");
        String meta;
        try (JavaSparkContext sc = new JavaSparkContext(retried)) {
            meta = PrepareJob.run(sc, config(), uri, staging, false, false, false);
            assertEquals(uri + "/data_meta.json", meta);
            RuntimeException again = org.junit.jupiter.api.Assertions.assertThrows(dev.kiln.core.config.ConfigException.class,
                    () -> PrepareJob.run(sc, config(), uri, staging, false, false, false));
            assertEquals(uri + " already holds a finished run (data_meta.json). HINT: use --overwrite to rebuild it", again.getMessage());
        }
        assertEquals(files(local), files(remote));
        List<String> diff = new java.util.ArrayList<>();
        diff(comparable(local, "data_meta.json"), comparable(remote, "data_meta.json", uri), "data_meta.json", diff);
        assertEquals(List.of(), diff);
        assertTrue(Files.readString(remote.resolve("data_meta.json")).contains("\"" + uri + "/train.bin\""), "outputs named by their URIs");
        assertEquals(outputs(local, local.toString()), outputs(remote, uri), "the outputs' sizes, though the staging folder never held the shards");
        assertTrue(!Files.readString(remote.resolve("data_meta.json")).contains(staging.toString()), "no staging path left");
        assertTrue(!Files.exists(staging) && !Files.exists(remote.resolve(".kiln-work")), "staging and the remote work folder are gone");
    }

    @Test
    void aRunFinishedInStagingButNotPublishedIsPublishedByTheReRun() throws IOException {
        // as if the driver died while uploading: the staging folder holds the finished run of this configuration
        Path staging = dir.resolve("unpublished-staging");
        stageLocalRun(staging);
        Files.writeString(staging.resolve("staged-by-the-test.txt"), "published only if the staged run is, not redone");
        Path remote = dir.resolve("unpublished-out");
        String uri = KilnTestFileSystem.uri(remote);
        try (JavaSparkContext sc = new JavaSparkContext(withHadoopTestFs(PrepareJob.sparkConf("local[2]")))) {
            assertEquals(uri + "/data_meta.json", PrepareJob.run(sc, config(), uri, staging, false, false, false));
            assertTrue(Files.exists(remote.resolve("staged-by-the-test.txt")), "the staged run was published, not run again");
            Files.delete(remote.resolve("staged-by-the-test.txt"));
            assertEquals(files(local), files(remote));
            assertTrue(Files.readString(remote.resolve("data_meta.json")).contains("\"" + uri + "/train.bin\"") && !Files.exists(staging));
            // a staged finished run of another configuration is not published: the run starts again
            stageLocalRun(staging);
            Files.writeString(staging.resolve("staged-by-the-test.txt"), "stale");
            PrepareConfig c = config();
            PrepareConfig other = new PrepareConfig(c.sources(), c.trainTokens(), c.valTokens(), c.valFraction(), 8L, "bin", c.boundary(),
                    c.tokensPerShard(), c.tokenizer(), c.tokenizerTraining(), c.dedup(), c.threads(), c.exactMix(), c.rejects(), c.encoder());
            String otherUri = KilnTestFileSystem.uri(dir.resolve("other-out"));
            PrepareJob.run(sc, other, otherUri, staging, false, false, false);
            assertTrue(!Files.exists(dir.resolve("other-out").resolve("staged-by-the-test.txt")), "the stale staged run was not published");
            assertEquals(8, Configs.JSON.readTree(dir.resolve("other-out").resolve("data_meta.json").toFile()).get("config").get("seed").asInt());
        }
    }

    /** Copies the local run into {@code staging} as a finished but unpublished Spark run would leave it. */
    private static void stageLocalRun(Path staging) throws IOException {
        try (Stream<Path> s = Files.walk(local)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = staging.resolve(local.relativize(p).toString());
                Files.createDirectories(target.getParent());
                if (p.getFileName().toString().endsWith(".json")) {
                    Files.writeString(target, Files.readString(p).replace(local.toString(), staging.toString()));
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void withoutRetriesTheInjectedFailureFailsTheRunWithItsOwnMessage() {
        // local[1]: partition 0 fails before any other task starts, so no task is left writing when the test's folder is deleted
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> spark("local[1]", config(),
                new org.apache.spark.SparkConf().set(TaskAttempts.FAIL_FIRST_ATTEMPT, "clean"), "spark-failed"));
        assertTrue(e.getMessage().startsWith("injected failure of the first attempt of clean"), e.getMessage());
        awaitNoTaskThreads();
    }

    /**
     * Waits until no local-mode task thread runs: a failed job's other tasks are killed asynchronously and may
     * still be writing into the test's folders after the context was stopped.
     */
    static void awaitNoTaskThreads() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith("Executor task launch worker"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Spark task threads still running 30 s after the job failed");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void sampledTokenizerTrainingMatchesTheLocalReservoir() throws IOException {
        PrepareConfig c = config();
        PrepareConfig sampled = new PrepareConfig(c.sources(), c.trainTokens(), c.valTokens(), c.valFraction(), c.seed(), "bin", null, null,
                null, new PrepareConfig.TokenizerTraining(1024, "reference", 700L), c.dedup(), 2, null, null, null);
        Path a = dir.resolve("sampled-local");
        new Prepare(sampled, a, false, false, s -> { }, step -> Progress.Listener.NONE).run(false);
        Path b = spark("local[2]", sampled, new org.apache.spark.SparkConf(), "sampled-spark");
        assertEquals(files(a, "tokenizer/spm.model"), files(b, "tokenizer/spm.model"));
    }

    @Test
    void sourcesTakenWhollyAndAnExactMixGiveTheLocalShardsFromManyBuckets() throws IOException {
        // more tokens asked than the sample holds: every source is taken to its last document (the cutoff is the
        // last document of its last histogram bin); then an exact mix, whose dry sources are not filled by the others
        PrepareConfig c = config();
        PrepareConfig all = new PrepareConfig(c.sources(), 5_000_000, 15_000, c.valFraction(), c.seed(), "both", null, 40_000L,
                null, c.tokenizerTraining(), c.dedup(), 2, null, null, null);
        PrepareConfig exact = new PrepareConfig(c.sources(), c.trainTokens(), c.valTokens(), c.valFraction(), c.seed(), "both", null, 40_000L,
                null, c.tokenizerTraining(), c.dedup(), 2, Boolean.TRUE, null, null);
        for (PrepareConfig cfg : List.of(all, exact)) {
            String name = cfg == all ? "all" : "exact";
            Path a = dir.resolve(name + "-local");
            new Prepare(cfg, a, false, false, s -> { }, step -> Progress.Listener.NONE).run(false);
            Path b = spark("local[2]", cfg, manyBuckets(), name + "-spark");
            Map<String, String> shards = files(a, "manifest.json");
            assertEquals(shards, files(b, "manifest.json"), name);
            assertEquals(outputs(a, a.toString()), outputs(b, b.toString()), name);
            List<String> diff = new java.util.ArrayList<>();
            diff(comparable(a, "data_meta.json"), comparable(b, "data_meta.json"), "data_meta.json", diff);
            assertEquals(List.of(), diff, name);
        }
        JsonNode train = Configs.JSON.readTree(dir.resolve("all-local/data_meta.json").toFile()).get("splits").get("train");
        assertTrue(train.get("tokens").asLong() < 5_000_000 && train.get("tokens").asLong() > 300_000, train.toString());
    }

    /** Hadoop's scheme lookup for the test file system, as a cluster's core-site.xml would map hdfs:// or s3a://. */
    static org.apache.spark.SparkConf hadoopTestFs() {
        return new org.apache.spark.SparkConf().set("spark.hadoop.fs." + KilnTestFileSystem.SCHEME + ".impl", KilnTestFileSystem.class.getName());
    }

    static org.apache.spark.SparkConf withHadoopTestFs(org.apache.spark.SparkConf conf) {
        for (scala.Tuple2<String, String> kv : hadoopTestFs().getAll()) {
            conf.set(kv._1(), kv._2());
        }
        return conf;
    }

    @Test
    void inputsOnAHadoopFileSystemGiveTheBytesOfLocalInputs() throws IOException {
        // web, wiki, the planted copies and wikidata read through Hadoop (globs expanded by Hadoop), Gutenberg's folder of books as one unit
        Path s = SampleCorpus.dir();
        PrepareConfig c = config();
        List<PrepareConfig.Source> remote = c.sources().stream().map(x -> new PrepareConfig.Source(x.name(), x.kind(),
                x.name().equals("gutenberg") ? List.of(KilnTestFileSystem.uri(Path.of(x.inputs().get(0)))) : x.inputs().stream().map(i -> glob(Path.of(i))).toList(),
                x.weight(), x.profile(), x.textField(), x.idField())).toList();
        PrepareConfig cfg = new PrepareConfig(remote, c.trainTokens(), c.valTokens(), c.valFraction(), c.seed(), c.format(), c.boundary(),
                c.tokensPerShard(), c.tokenizer(), c.tokenizerTraining(), c.dedup(), c.threads(), c.exactMix(), c.rejects(), c.encoder());
        assertTrue(cfg.sources().get(0).inputs().get(0).startsWith("kilntest://local/") && cfg.sources().get(0).inputs().get(0).endsWith("[z]"));
        Path out = spark("local[2]", cfg, hadoopTestFs(), "spark-hadoop-inputs");
        // every file byte-identical but manifest.json, which records the configured inputs (here the URIs)
        Map<String, String> want = files(local);
        Map<String, String> got = files(out);
        want.remove("manifest.json");
        got.remove("manifest.json");
        assertEquals(want, got);
        ObjectNode mLocal = (ObjectNode) Configs.JSON.readTree(local.resolve("manifest.json").toFile());
        ObjectNode mRemote = (ObjectNode) Configs.JSON.readTree(out.resolve("manifest.json").toFile());
        assertTrue(mRemote.toString().contains("kilntest://local/"), "the manifest names the inputs as configured");
        for (ObjectNode m : List.of(mLocal, mRemote)) {
            m.findParents("inputs").forEach(p -> ((ObjectNode) p).remove("inputs"));
        }
        assertEquals(mLocal, mRemote);
        List<String> diff = new java.util.ArrayList<>();
        diff(comparable(local, "data_meta.json"), comparable(out, "data_meta.json"), "data_meta.json", diff);
        assertEquals(5, diff.stream().filter(d -> d.matches("data_meta\\.json\\.config\\.sources\\[\\d\\]\\.inputs\\[0\\]: .* vs \"kilntest:.*")).count(), diff.toString());
        diff.removeIf(d -> d.contains(".inputs[0]: "));
        assertEquals(List.of(), diff);
        JsonNode inputs = Configs.JSON.readTree(out.resolve("data_meta.json").toFile()).get("inputs");
        assertEquals(KilnTestFileSystem.uri(s.resolve("web.jsonl.gz")), inputs.get(0).get("path").asText());
        assertEquals(Files.size(s.resolve("web.jsonl.gz")), inputs.get(0).get("bytes").asLong());
    }

    @Test
    void aRealHdfsGivesTheLocalBytesForItsInputsAndOutput() throws Exception {
        // a namenode and a datanode in this JVM, on loopback; every source read from it (Gutenberg: its folder of books), the output written to it
        org.apache.hadoop.conf.Configuration hc = new org.apache.hadoop.conf.Configuration();
        hc.set(org.apache.hadoop.hdfs.MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("minidfs").toString());
        for (String k : List.of("dfs.namenode.rpc-address", "dfs.namenode.http-address", "dfs.datanode.address", "dfs.datanode.http.address",
                "dfs.datanode.ipc.address")) {
            hc.set(k, "127.0.0.1:0");
        }
        org.apache.hadoop.hdfs.MiniDFSCluster hdfs = new org.apache.hadoop.hdfs.MiniDFSCluster.Builder(hc).numDataNodes(1).build();
        try {
            org.apache.hadoop.fs.FileSystem fs = hdfs.getFileSystem();
            String nn = hdfs.getURI().toString();
            PrepareConfig c = config();
            List<PrepareConfig.Source> sources = new java.util.ArrayList<>();
            for (PrepareConfig.Source x : c.sources()) {
                List<String> in = x.inputs();
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path("/corpus/" + x.name() + "/" + Path.of(in.get(0)).getFileName());
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Path.of(in.get(0)).toUri()), p);
                // Gutenberg: the folder of books, one unit as locally
                in = List.of(x.name().equals("gutenberg") ? nn + p : nn + "/corpus/" + x.name() + "/*");
                sources.add(new PrepareConfig.Source(x.name(), x.kind(), in, x.weight(), x.profile(), x.textField(), x.idField()));
            }
            PrepareConfig cfg = new PrepareConfig(sources, c.trainTokens(), c.valTokens(), c.valFraction(), c.seed(), c.format(), c.boundary(),
                    c.tokensPerShard(), c.tokenizer(), c.tokenizerTraining(), c.dedup(), c.threads(), c.exactMix(), c.rejects(), c.encoder());
            String meta;
            try (JavaSparkContext sc = new JavaSparkContext(PrepareJob.sparkConf("local[2]"))) {
                meta = PrepareJob.run(sc, cfg, nn + "/kiln/out", dir.resolve("hdfs-staging"), false, false, false);
            }
            assertEquals(nn + "/kiln/out/data_meta.json", meta);
            Path out = dir.resolve("hdfs-out");
            for (org.apache.hadoop.fs.Path f : OutputFolder.list(fs, new org.apache.hadoop.fs.Path("/kiln/out"))) {
                Path target = out.resolve(f.toUri().getPath().substring("/kiln/out/".length()));
                Files.createDirectories(target.getParent());
                try (java.io.InputStream in = fs.open(f)) {
                    Files.copy(in, target);
                }
            }
            Map<String, String> want = files(local);
            Map<String, String> got = files(out);
            want.remove("manifest.json");
            got.remove("manifest.json");
            assertEquals(want, got, "every file but manifest.json (which records the configured inputs) as kiln prepare writes it");
            List<String> diff = new java.util.ArrayList<>();
            diff(comparable(local, "data_meta.json"), comparable(out, "data_meta.json", nn + "/kiln/out"), "data_meta.json", diff);
            diff.removeIf(d -> d.matches("data_meta\\.json\\.config\\.sources\\[\\d\\]\\.inputs\\[0\\]: .* vs \"hdfs://.*"));
            assertEquals(List.of(), diff);
            assertTrue(!fs.exists(new org.apache.hadoop.fs.Path("/kiln/out/.kiln-work")) && !Files.exists(dir.resolve("hdfs-staging")));
        } finally {
            hdfs.shutdown();
        }
    }

    /** A glob on the test file system matching exactly {@code p}: its name with the last character as a class. */
    private static String glob(Path p) {
        String u = KilnTestFileSystem.uri(p);
        return u.substring(0, u.length() - 1) + "[" + u.charAt(u.length() - 1) + "]";
    }

    @Test
    void aBadRemoteInputIsNamedByItsUriNotByItsLocalCopy() throws IOException {
        Path truncated = dir.resolve("remote-bad").resolve("web.jsonl.gz");
        Files.createDirectories(truncated.getParent());
        byte[] whole = Files.readAllBytes(SampleCorpus.dir().resolve("web.jsonl.gz"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        PrepareConfig c = config();
        List<PrepareConfig.Source> one = List.of(new PrepareConfig.Source("c4", "c4", List.of(KilnTestFileSystem.uri(truncated)), 1.0, "kiln", null, null));
        PrepareConfig cfg = new PrepareConfig(one, 20_000, 2_000, 0.1, 7L, "bin", null, null, null, c.tokenizerTraining(), null, 2, null, null, null);
        Path out = dir.resolve("spark-remote-bad");
        org.apache.spark.SparkConf conf = PrepareJob.sparkConf("local[2]");
        for (scala.Tuple2<String, String> kv : hadoopTestFs().getAll()) {
            conf.set(kv._1(), kv._2());
        }
        IOException e;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PrepareJob.run(sc, cfg, out, true, false, false));
            IOException missing = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PrepareJob.run(sc,
                    new PrepareConfig(List.of(new PrepareConfig.Source("c4", "c4", List.of(KilnTestFileSystem.uri(dir) + "/nothing-*.jsonl"), 1.0,
                            "kiln", null, null)), 20_000, 2_000, 0.1, 7L, "bin", null, null, null, c.tokenizerTraining(), null, 2, null, null, null),
                    dir.resolve("spark-remote-missing"), false, false, false));
            assertTrue(missing.getMessage().startsWith(KilnTestFileSystem.uri(dir) + "/nothing-*.jsonl: no such input file"), missing.getMessage());
            IOException scheme = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PrepareJob.run(sc,
                    new PrepareConfig(List.of(new PrepareConfig.Source("c4", "c4", List.of("nosuchfs://bucket/c4/*.jsonl"), 1.0,
                            "kiln", null, null)), 20_000, 2_000, 0.1, 7L, "bin", null, null, null, c.tokenizerTraining(), null, 2, null, null, null),
                    dir.resolve("spark-remote-scheme"), false, false, false));
            assertTrue(scheme.getMessage().startsWith("nosuchfs://bucket/c4/*.jsonl: no Hadoop file system for this scheme (")
                    && scheme.getMessage().contains("HINT: ") && !scheme.getMessage().contains("\n"), scheme.getMessage());
            // an output folder of such a scheme: the same line, naming the folder, before anything runs
            IOException outScheme = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> PrepareJob.run(sc, config(), "nosuchfs://bucket/kiln/out", dir.resolve("never-staged"), false, false, false));
            assertTrue(outScheme.getMessage().startsWith("nosuchfs://bucket/kiln/out: no Hadoop file system for this scheme (")
                    && outScheme.getMessage().contains("HINT: ") && !outScheme.getMessage().contains("\n"), outScheme.getMessage());
            assertTrue(!Files.exists(dir.resolve("never-staged")));
        }
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(KilnTestFileSystem.uri(truncated)) + ":[0-9]+: gzip stream is truncated.*"), e.getMessage());
        assertTrue(!e.getMessage().contains("kiln-stage-") && !e.getMessage().contains("\n"), e.getMessage());
        assertTrue(!Files.exists(out.resolve("train.bin")), "nothing published from a failed run");
    }

    /** data_meta.json's outputs, each path relative to the output folder ({@code prefix}) with its size, checked against the file's. */
    static List<String> outputs(Path root, String prefix) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : Configs.JSON.readTree(root.resolve("data_meta.json").toFile()).get("outputs")) {
            String rel = e.get("path").asText().substring(prefix.length() + 1);
            assertEquals(Files.size(root.resolve(rel)), e.get("bytes").asLong(), rel);
            out.add(rel + " " + e.get("bytes").asLong());
        }
        assertTrue(out.stream().anyMatch(o -> o.startsWith("train.idx ")) && out.stream().anyMatch(o -> o.startsWith("fineweb_val_000000.bin ")), out.toString());
        return out;
    }

    /** Every output file (work folder excluded) with its sha256, except data_meta.json. */
    static Map<String, String> files(Path root) throws IOException {
        return files(root, "manifest.json");
    }

    static Map<String, String> files(Path root, String mustHave) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.equals("data_meta.json") && !rel.equals("tokenizer/tokenizer_meta.json")) {
                    m.put(rel, Hashes.sha256(Files.readAllBytes(p)));
                }
            }
        }
        assertTrue(m.containsKey("train.bin") && m.containsKey("tokenizer/spm.model") && m.containsKey(mustHave), m.keySet().toString());
        return m;
    }

    /** data_meta.json without what depends on the machine or the engine's work (timings, threads, verification counts, paths). */
    static JsonNode comparable(Path root, String file) throws IOException {
        return comparable(root, file, root.toString());
    }

    /** As {@link #comparable(Path, String)} for a file whose paths under the output folder start with {@code prefix}. */
    static JsonNode comparable(Path root, String file, String prefix) throws IOException {
        JsonNode meta = Configs.JSON.readTree(Files.readString(root.resolve(file)).replace(prefix, "OUT"));
        strip(meta, root.toString());
        return meta;
    }

    private static void diff(JsonNode a, JsonNode b, String at, List<String> out) {
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (!a.has(k) || !b.has(k)) {
                    out.add(at + "." + k + ": only in " + (a.has(k) ? "local" : "spark"));
                } else {
                    diff(a.get(k), b.get(k), at + "." + k, out);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(a.get(i), b.get(i), at + "[" + i + "]", out);
            }
        } else if (!a.equals(b)) {
            out.add(at + ": " + a + " vs " + b);
        }
    }

    private static void strip(JsonNode n, String root) {
        if (n instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.endsWith("_at") || k.equals("created") || k.endsWith("seconds") || k.endsWith("_per_second") || k.equals("steps") || k.equals("threads")
                        || dev.kiln.dedup.DedupStats.WORK_KEYS.contains(k) || k.equals("outputs") || k.equals("path")) {
                    it.remove();
                } else {
                    strip(o.get(k), root);
                }
            }
        } else if (n != null && n.isArray()) {
            n.forEach(c -> strip(c, root));
        }
    }
}
