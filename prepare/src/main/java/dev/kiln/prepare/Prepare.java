package dev.kiln.prepare;

import dev.kiln.sharding.GolfManifest;
import dev.kiln.sharding.TokenSink;
import dev.kiln.sharding.GolfShardWriter;
import dev.kiln.sharding.BinShardWriter;
import dev.kiln.sharding.TokenDtype;
import dev.kiln.sharding.DataMeta;
import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.JsonlReader;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.core.pipeline.KilnVersion;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunMetadata;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.stage.StageRegistry;
import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.DedupResult;
import dev.kiln.dedup.Deduplicator;
import dev.kiln.filters.Profiles;
import dev.kiln.filters.SourceKind;
import dev.kiln.tokenizer.BpeTrainer;
import dev.kiln.tokenizer.Encoder;
import dev.kiln.tokenizer.TrainResult;
import dev.kiln.tokenizer.TrainerConfig;
import dev.kiln.wikidata.WikidataConfig;
import dev.kiln.wikidata.WikidataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code kiln prepare}: sources → clean and filter per source → dedup across everything → split →
 * tokenizer (trained on the train split if none is given) → tokenize → seeded shuffle → mix by token
 * quotas → shards (with golf shards, parameter-golf's {@code manifest.json}: {@link GolfManifest}) and
 * {@code data_meta.json}.
 *
 * <p>Resumable: the work is cut into units (clean one input file, dedup, tokenizer, tokenize-and-spill one
 * source, assemble), each leaving its outputs atomically and then a completion marker in
 * {@code OUT/.kiln-work/}. A re-run after a crash or {@code kill -9} skips completed steps and redoes
 * the interrupted one; because every step is deterministic the final files are byte-identical to an
 * uninterrupted run. A work folder made with another configuration is refused. Final outputs appear
 * only when complete. The last unit (shards, then {@code manifest.json}, then {@code data_meta.json}) has
 * no marker and is redone in full on every resume; {@code data_meta.json} is written last and marks a
 * finished run.
 */
public final class Prepare {

    static final String WORK = ".kiln-work";

    private final PrepareConfig cfg;
    private final Path out;
    private final Path work;
    private final Consumer<String> log;
    private final Function<String, Progress.Listener> progress;
    private final RunnerOptions runner;
    private final BadRecords bad;

    /**
     * @param cfg the configuration
     * @param out the output folder
     * @param strict fail on the first bad input record
     * @param log one-line messages
     * @param progress a progress listener per step name
     */
    public Prepare(PrepareConfig cfg, Path out, boolean strict, Consumer<String> log, Function<String, Progress.Listener> progress) {
        this.cfg = cfg;
        this.out = out.toAbsolutePath();
        this.work = this.out.resolve(WORK);
        this.log = log;
        this.progress = progress;
        this.runner = RunnerOptions.DEFAULT.withThreads(cfg.threads());
        this.bad = new BadRecords(strict, log);
    }

    /** What a run produced. */
    public record Result(Map<String, Object> meta, Path metaPath, boolean resumed) {
    }

    /** Runs (or resumes) the preparation; {@code overwrite} discards earlier outputs and work. */
    public Result run(boolean overwrite) throws IOException {
        Path metaPath = out.resolve(DataMeta.FILE);
        byte[] configJson = Configs.JSON.writeValueAsBytes(cfg);
        Path configFile = work.resolve("config.json");
        if (overwrite) {
            clear();
        } else if (Files.exists(metaPath)) {
            throw new ConfigException(out + " already holds a finished run (data_meta.json). HINT: use --overwrite to rebuild it");
        }
        boolean resumed = Files.exists(configFile);
        if (resumed && !java.util.Arrays.equals(Files.readAllBytes(configFile), configJson)) {
            throw new ConfigException(work + " was made with a different configuration. HINT: use --overwrite to start again");
        }
        Files.createDirectories(work);
        removeStaleTemporaries();
        if (!resumed) {
            dev.kiln.core.io.AtomicFile.write(configFile, configJson);
        } else {
            log.accept("prepare: resuming from " + work);
        }
        RunMetadata meta = new RunMetadata("prepare", KilnVersion.get());
        meta.put("config", Configs.JSON.convertValue(cfg, Map.class));

        // 1. clean and filter each source; one unit per input file (Wikidata: one per source, subjects span files)
        Map<String, Object> cleanStats = new LinkedHashMap<>();
        List<List<Path>> cleaned = new ArrayList<>();
        List<Path> inputFiles = new ArrayList<>();
        for (PrepareConfig.Source s : cfg.sources()) {
            List<Path> files = Inputs.expand(s.inputs());
            inputFiles.addAll(files);
            List<List<Path>> units = s.kind().equals("wikidata") ? List.of(files) : files.stream().map(List::of).toList();
            List<Map<String, Object>> unitStats = new ArrayList<>();
            List<Path> outs = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                List<Path> unit = units.get(u);
                Path clean = work.resolve("clean").resolve(s.name()).resolve(String.format(Locale.ROOT, "%05d.jsonl.zst", u));
                unitStats.add(step(String.format(Locale.ROOT, "clean-%s-%05d", s.name(), u), () -> clean(s, unit, clean)));
                outs.add(clean);
            }
            cleanStats.put(s.name(), StatsMaps.sum(unitStats));
            cleaned.add(outs);
        }
        meta.files("inputs", inputFiles);
        meta.put("clean", cleanStats);

        // 2. dedup across all sources, before the split
        List<List<Path>> deduped = cleaned;
        if (cfg.dedup().enabled()) {
            deduped = cfg.sources().stream().map(s -> List.of(work.resolve("dedup").resolve(s.name() + ".jsonl.zst"))).toList();
            List<Path> outs = deduped.stream().map(List::getFirst).toList();
            List<Path> all = cleaned.stream().flatMap(List::stream).toList();
            meta.put("dedup", step("dedup", () -> dedup(all, outs)));
        }

        // 3. tokenizer
        Split split = new Split(cfg.effectiveValFraction(), cfg.seed());
        List<List<Path>> docs = deduped;
        Path model;
        if (cfg.tokenizer() != null) {
            model = Path.of(cfg.tokenizer());
            meta.put("tokenizer_training", Map.of("skipped", "tokenizer given"));
        } else {
            model = out.resolve("tokenizer");
            meta.put("tokenizer_training", step("tokenizer", () -> trainTokenizer(docs.stream().flatMap(List::stream).toList(), split, model)));
        }
        try (Encoder enc = Encoder.load(model)) {
            int bos = enc.pieceId("<s>");
            int eos = enc.pieceId("</s>");
            TokenDtype dtype = TokenDtype.forVocab(enc.vocabSize());
            if (cfg.writesGolf() && dtype != TokenDtype.UINT16) {
                throw new ConfigException("golf shards hold uint16 ids; vocabulary " + enc.vocabSize() + " is too large. HINT: use --format bin");
            }
            Map<String, Object> tok = new LinkedHashMap<>();
            Path modelFile = Files.isDirectory(model) ? model.resolve(TrainResult.MODEL_FILE) : model;
            tok.put("model", modelFile.toString());
            tok.put("sha256", sha256(Files.readAllBytes(modelFile)));
            tok.put("vocab_size", enc.vocabSize());
            tok.put("normalization", enc.normalization().id());
            tok.put("bos_id", bos);
            tok.put("eos_id", eos);
            meta.put("tokenizer", tok);
            meta.put("dtype", dtype.label());
            meta.put("boundary", cfg.boundary());

            // 4. split, tokenize, spill into seeded shuffle buckets; one unit per source
            int bits = ShuffleSpill.bucketBitsFor(estimateTokens(docs.stream().flatMap(List::stream).toList()), 16L << 20);
            List<Path> spillDirs = new ArrayList<>();
            Map<String, Object> spillStats = new LinkedHashMap<>();
            for (int s = 0; s < cfg.sources().size(); s++) {
                int source = s;
                Path dir = work.resolve("spill").resolve(cfg.sources().get(s).name());
                spillDirs.add(dir);
                spillStats.put(cfg.sources().get(s).name(), step("spill-" + cfg.sources().get(s).name(),
                        () -> spill(enc, source, docs.get(source), split, dir, bits, bos, eos)));
            }
            meta.put("split", Map.of("val_fraction", split.valFraction(), "sources", spillStats));

            // 5. mix by tokens and write shards
            List<String> names = cfg.sources().stream().map(PrepareConfig.Source::name).toList();
            Map<String, Double> weights = new LinkedHashMap<>();
            cfg.sources().forEach(s -> weights.put(s.name(), s.weight()));
            MixPlan plan = new MixPlan(weights);
            Map<String, Object> splits = new LinkedHashMap<>();
            List<Path> outputs = new ArrayList<>();
            Map<Split.Part, GolfManifestBuilder.SplitCounts> golfCounts = new java.util.EnumMap<>(Split.Part.class);
            long t0 = System.nanoTime();
            // the final unit (shards, manifest.json, data_meta.json) is always redone in full on a resume; a
            // manifest left by an interrupted attempt goes first so that it never sits beside half-rewritten shards
            if (cfg.writesGolf()) {
                Files.deleteIfExists(out.resolve(GolfManifest.FILE));
            }
            try (ShuffleSpill spill = ShuffleSpill.openAll(spillDirs, bits)) {
                for (Split.Part part : List.of(Split.Part.TRAIN, Split.Part.VAL)) {
                    long target = part == Split.Part.TRAIN ? cfg.trainTokens() : cfg.valTokens();
                    splits.put(part.label(), assemble(spill, part, names, plan.quotas(target), target, dtype, outputs, golfCounts));
                }
            }
            if (cfg.writesGolf()) {
                // after every shard is in place, before data_meta.json (which marks the run finished)
                GolfManifestBuilder.Tokenizer t = new GolfManifestBuilder.Tokenizer(modelFile, enc.vocabSize(), bos, eos, (String) tok.get("sha256"));
                Map<String, Object> manifest = GolfManifestBuilder.build(cfg, out, t, golfCounts.get(Split.Part.TRAIN), golfCounts.get(Split.Part.VAL),
                        available(spillStats, "train"), available(spillStats, "val"));
                outputs.add(GolfManifest.write(out, manifest));
            }
            meta.put("assemble_seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
            meta.put("splits", splits);
            meta.put("seeds", Map.of("split", cfg.seed(), "shuffle", cfg.seed(), "val_fraction", split.valFraction()));
            meta.put("bad_records", bad.countsByKind());
            meta.files("outputs", outputs);
            meta.write(metaPath);
        }
        deleteTree(work);
        return new Result(meta.asMap(), metaPath, resumed);
    }

    // ---------------------------------------------------------------- steps

    @FunctionalInterface
    interface Step {
        Map<String, Object> run() throws IOException;
    }

    /** Runs a step unless its marker exists; the marker holds the step's statistics. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> step(String name, Step step) throws IOException {
        Path marker = work.resolve(name + ".done.json");
        if (Files.exists(marker)) {
            log.accept("prepare: " + name + " already done");
            return Configs.JSON.readValue(marker.toFile(), Map.class);
        }
        log.accept("prepare: " + name);
        long t0 = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>(step.run());
        stats.put("step_seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
        dev.kiln.core.io.AtomicFile.write(marker, Configs.JSON.writeValueAsBytes(stats));
        return stats;
    }

    private Map<String, Object> clean(PrepareConfig.Source s, List<Path> files, Path target) throws IOException {
        ReadOptions read = new ReadOptions(s.textField(), s.idField(), s.name(), null);
        Pipeline pipeline = s.profile().equals("none") ? Pipeline.of()
                : Profiles.load(s.profile(), SourceKind.of(s.kind())).pipeline(StageRegistry.load());
        long badBefore = bad.total();
        try (DocumentSource src = s.kind().equals("wikidata")
                ? WikidataSource.open(files, withSource(WikidataConfig.DEFAULT, s.name()), bad)
                : FileSource.of(files, read, bad);
             DocumentWriter w = Formats.writer(target)) {
            RunStats st = new PipelineRunner(runner).run(src, pipeline, w::write, null, progress.apply("clean " + s.name()));
            w.commit();
            Map<String, Object> m = new LinkedHashMap<>(st.toMap());
            m.put("profile", s.profile());
            m.put("bad_records", bad.total() - badBefore);
            return m;
        }
    }

    private static WikidataConfig withSource(WikidataConfig c, String source) {
        return new WikidataConfig(c.mode(), c.templates(), c.vary(), c.seed(), c.normalize(), c.maxTriplesPerDocument(), c.format(), source);
    }

    private Map<String, Object> dedup(List<Path> cleaned, List<Path> targets) throws IOException {
        PrepareConfig.Dedup d = cfg.dedup();
        DedupConfig dc = DedupConfig.defaults()
                .withMinHash(dev.kiln.dedup.MinHashConfig.DEFAULT.withNgram(d.ngram()).withNumPerm(d.numPerm()))
                .withThreshold(d.threshold()).withMemory((long) d.memoryMb() << 20).withThreads(cfg.threads())
                .withTempDir(work.resolve("dedup-tmp"));
        Deduplicator dedup = Deduplicator.create(dc, log);
        Map<String, DocumentWriter> writers = new LinkedHashMap<>();
        try (DedupResult r = dedup.cluster(concat(cleaned))) {
            for (int i = 0; i < cfg.sources().size(); i++) {
                writers.put(cfg.sources().get(i).name(), Formats.writer(targets.get(i)));
            }
            try (DocumentSource again = concat(cleaned)) {
                r.writeKept(again, doc -> writers.get(doc.source()).write(doc));
            }
            r.writeReport(out.resolve("dedup_clusters.jsonl.zst"));
            for (DocumentWriter w : writers.values()) {
                w.commit();
            }
            return new LinkedHashMap<>(r.stats());
        } finally {
            for (DocumentWriter w : writers.values()) {
                w.close();
            }
            deleteTree(work.resolve("dedup-tmp"));
        }
    }

    private Map<String, Object> trainTokenizer(List<Path> docs, Split split, Path dir) throws IOException {
        PrepareConfig.TokenizerTraining t = cfg.tokenizerTraining();
        TrainerConfig tc = TrainerConfig.preset(t.preset(), t.vocabSize()).maxDocuments(t.maxDocuments())
                .seed(cfg.seed()).threads(Math.max(1, runner.effectiveThreads())).build();
        BpeTrainer trainer = BpeTrainer.create(tc);
        long[] used = {0};
        try (DocumentSource src = concat(docs)) {
            Document d;
            while ((d = src.next()) != null) {
                // only training documents: validation text must not shape the tokenizer
                if (split.of(identity(d)) == Split.Part.TRAIN) {
                    trainer.add(d.text());
                    used[0]++;
                }
            }
        }
        TrainResult r = trainer.train();
        r.write(dir);
        Map<String, Object> m = new LinkedHashMap<>(r.stats());
        m.put("documents_offered", used[0]);
        m.put("preset", t.preset());
        m.put("vocab_size", t.vocabSize());
        return m;
    }

    /** Tokenizes one source into its own spill folder; sequence numbers are unique across sources. */
    private Map<String, Object> spill(Encoder enc, int s, List<Path> files, Split split, Path dir, int bits, int bos, int eos)
            throws IOException {
        deleteTree(dir);
        String name = cfg.sources().get(s).name();
        long seq = (long) s << 40;
        long[] docsBy = new long[2];
        long[] tokBy = new long[2];
        try (ShuffleSpill spill = ShuffleSpill.create(dir, bits); DocumentSource src = concat(files)) {
            List<Document> batch = new ArrayList<>(1024);
            boolean more = true;
            while (more) {
                Document d = src.next();
                if (d != null) {
                    batch.add(d);
                }
                more = d != null;
                if (batch.size() == 1024 || (!more && !batch.isEmpty())) {
                    int[][] ids = enc.encodeAll(batch.stream().map(Document::text).toList(), runner.effectiveThreads());
                    for (int i = 0; i < batch.size(); i++) {
                        Split.Part part = split.of(identity(batch.get(i)));
                        int[] withBoundary = boundary(ids[i], bos, eos);
                        String key = name + "\u0000" + batch.get(i).id();
                        spill.add(part, StableHash.hash64(key, cfg.seed()), StableHash.hash64(key, ~cfg.seed()), seq++, s, withBoundary);
                        docsBy[part.ordinal()]++;
                        tokBy[part.ordinal()] += withBoundary.length;
                    }
                    batch.clear();
                }
            }
            spill.finish();
            spill.keep();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_documents_available", docsBy[0]);
        m.put("train_tokens_available", tokBy[0]);
        m.put("val_documents_available", docsBy[1]);
        m.put("val_tokens_available", tokBy[1]);
        return m;
    }

    private int[] boundary(int[] ids, int bos, int eos) {
        int[] out = new int[ids.length + 1];
        if (cfg.boundary().equals("bos")) {
            out[0] = bos;
            System.arraycopy(ids, 0, out, 1, ids.length);
        } else {
            System.arraycopy(ids, 0, out, 0, ids.length);
            out[ids.length] = eos;
        }
        return out;
    }

    private Map<String, Object> assemble(ShuffleSpill spill, Split.Part part, List<String> names, Map<String, Long> quotas,
                                         long target, TokenDtype dtype, List<Path> outputs,
                                         Map<Split.Part, GolfManifestBuilder.SplitCounts> golfCounts) throws IOException {
        List<TokenSink> sinks = new ArrayList<>();
        BinShardWriter bin = null;
        GolfShardWriter golf = null;
        try {
            if (cfg.writesBin()) {
                bin = BinShardWriter.open(out, part.label(), dtype);
                sinks.add(bin);
            }
            if (cfg.writesGolf()) {
                golf = GolfShardWriter.open(out, GolfManifest.PREFIX, part.label(), cfg.tokensPerShard());
                sinks.add(golf);
            }
            List<MixAssembler.SourceResult> results = MixAssembler.assemble(spill, part, names, quotas, sinks);
            for (TokenSink s : sinks) {
                s.commit();
            }
            long tokens = sinks.getFirst().tokens();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target_tokens", target);
            m.put("tokens", tokens);
            m.put("documents", sinks.getFirst().documents());
            Map<String, Object> per = new LinkedHashMap<>();
            for (MixAssembler.SourceResult r : results) {
                per.put(r.source(), r.toMap(tokens));
                if (r.ranDry() && r.targetTokens() > 0) {
                    log.accept(String.format(Locale.ROOT, "prepare: WARN source %s ran dry in %s: %,d of %,d tokens",
                            r.source(), part.label(), r.tokens(), r.targetTokens()));
                }
            }
            m.put("sources", per);
            if (bin != null) {
                outputs.add(out.resolve(part.label() + ".bin"));
                outputs.add(out.resolve(part.label() + ".idx"));
            }
            if (golf != null) {
                m.put("golf_shards", golf.files().size());
                golfCounts.put(part, new GolfManifestBuilder.SplitCounts(golf.documents(), golf.tokens(), golf.files().size()));
                outputs.addAll(golf.files());
            }
            return m;
        } finally {
            for (TokenSink s : sinks) {
                s.close();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Documents of {@code split} the spill steps tokenized, over all sources. */
    private static long available(Map<String, Object> spillStats, String split) {
        long n = 0;
        for (Object o : spillStats.values()) {
            if (o instanceof Map<?, ?> m && m.get(split + "_documents_available") instanceof Number x) {
                n += x.longValue();
            }
        }
        return n;
    }

    /** A document's split identity: source plus its id without a chunk suffix. */
    static String identity(Document d) {
        return d.source() + "\u0000" + Split.identity(d.id());
    }

    private DocumentSource concat(List<Path> files) throws IOException {
        return FileSource.of(files, ReadOptions.DEFAULT, new BadRecords(true, log));
    }

    private static long estimateTokens(List<Path> files) throws IOException {
        // about 4 characters per token, 3x compression of zstd JSONL
        return Inputs.totalBytes(files.stream().filter(Files::exists).toList()) * 3 / 4;
    }

    private void clear() throws IOException {
        deleteTree(work);
        for (String f : List.of(DataMeta.FILE, GolfManifest.FILE, "train.bin", "train.idx", "val.bin", "val.idx", "dedup_clusters.jsonl.zst")) {
            Files.deleteIfExists(out.resolve(f));
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : s.filter(p -> p.getFileName().toString().matches("fineweb_(train|val)_\\d{6}\\.bin")).toList()) {
                    Files.delete(p);
                }
            }
        }
        if (cfg.tokenizer() == null) {
            deleteTree(out.resolve("tokenizer"));
        }
    }

    /** Deletes the temporary files an interrupted run left (hidden {@code .*.kiln-tmp} names only kiln writes). */
    private void removeStaleTemporaries() throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".kiln-tmp")).toList()) {
                log.accept("prepare: removing " + p.getFileName() + " left by an interrupted run");
                Files.deleteIfExists(p);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads documents of a JSONL file (tests). */
    static List<Document> readAll(Path file) throws IOException {
        List<Document> out = new ArrayList<>();
        try (JsonlReader r = JsonlReader.open(file, ReadOptions.DEFAULT, new BadRecords(true, s -> { }))) {
            Document d;
            while ((d = r.next()) != null) {
                out.add(d);
            }
        }
        return out;
    }
}
