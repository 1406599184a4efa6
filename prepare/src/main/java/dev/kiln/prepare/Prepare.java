package dev.kiln.prepare;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.JsonlReader;
import dev.kiln.core.io.PathGuard;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.core.pipeline.KilnVersion;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineJob;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.stage.StageRegistry;
import dev.kiln.core.steps.StepExecutor;
import dev.kiln.core.util.FileTrees;
import dev.kiln.core.util.Hashes;
import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.DedupResult;
import dev.kiln.dedup.Deduplicator;
import dev.kiln.dedup.MinHashConfig;
import dev.kiln.filters.Profiles;
import dev.kiln.filters.SourceKind;
import dev.kiln.sharding.BinShardWriter;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.GolfManifest;
import dev.kiln.sharding.GolfShardWriter;
import dev.kiln.sharding.TokenDtype;
import dev.kiln.sharding.TokenSink;
import dev.kiln.tokenizer.BpeTrainer;
import dev.kiln.tokenizer.Encoder;
import dev.kiln.tokenizer.TrainResult;
import dev.kiln.tokenizer.TrainerConfig;
import dev.kiln.wikidata.WikidataConfig;
import dev.kiln.wikidata.WikidataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code kiln prepare}: sources → clean and filter per input file → dedup across everything → tokenizer
 * (trained on the train split if none is given) → split, tokenize and spill into seeded shuffle buckets
 * per source → mix by token quotas → shards (nanoGPT {@code .bin}/{@code .idx} and/or golf shards with
 * parameter-golf's {@code manifest.json}) → {@code data_meta.json} ({@link DataMeta}).
 *
 * <p>Each arrow is a step of a {@link StepExecutor}: a re-run after a crash or {@code kill -9} skips
 * completed steps and redoes the interrupted one; every step is deterministic, so the final files are
 * byte-identical to an uninterrupted run whatever the thread count. The last step (shards, manifest,
 * {@code data_meta.json}) has no marker and is redone in full on a resume; {@code data_meta.json} is
 * written last and marks a finished run.
 *
 * <p>Refused before anything is written: an output folder that is or holds an input, a glob that matches
 * nothing, a finished run in the output folder (unless {@code overwrite}). A source that yields no
 * document after cleaning fails the run unless empty inputs are allowed.
 */
public final class Prepare {

    static final String WORK = StepExecutor.WORK;
    private static final int SPILL_BATCH = 1024;

    private final PrepareConfig cfg;
    private final Path out;
    private final boolean strict;
    private final boolean allowEmpty;
    private final Consumer<String> log;
    private final Function<String, Progress.Listener> progress;
    private final RunnerOptions runner;

    /**
     * @param cfg        the configuration
     * @param out        the output folder
     * @param strict     fail on the first bad input record
     * @param allowEmpty go on when an input gives only bad records or a source yields no document
     * @param log        one-line messages
     * @param progress   a progress listener per step name
     */
    public Prepare(PrepareConfig cfg, Path out, boolean strict, boolean allowEmpty, Consumer<String> log,
                   Function<String, Progress.Listener> progress) {
        this.cfg = cfg;
        this.out = out.toAbsolutePath();
        this.strict = strict;
        this.allowEmpty = allowEmpty;
        this.log = log;
        this.progress = progress;
        this.runner = RunnerOptions.DEFAULT.withThreads(cfg.threads());
    }

    /** As {@link #Prepare(PrepareConfig, Path, boolean, boolean, Consumer, Function)}, failing on empty sources. */
    public Prepare(PrepareConfig cfg, Path out, boolean strict, Consumer<String> log, Function<String, Progress.Listener> progress) {
        this(cfg, out, strict, false, log, progress);
    }

    /** What a run produced. */
    public record Result(DataMeta meta, Path metaPath, boolean resumed) {
    }

    /** Statistics of one clean unit: the pipeline run and its bad input records by kind. */
    record CleanUnit(Map<String, Object> run, Map<String, Long> badRecords) {
    }

    /** Runs (or resumes) the preparation; {@code overwrite} discards earlier outputs and work. */
    public Result run(boolean overwrite) throws IOException {
        String startedAt = Instant.now().toString();
        Path metaPath = out.resolve(DataMeta.FILE);
        List<List<Path>> inputs = new ArrayList<>();
        List<Path> inputFiles = new ArrayList<>();
        for (PrepareConfig.Source s : cfg.sources()) {
            List<Path> files = Inputs.expand(s.inputs());
            inputs.add(files);
            inputFiles.addAll(files);
        }
        PathGuard.checkOutputFolder(inputFiles, out);
        if (overwrite) {
            clear();
        } else if (Files.exists(metaPath)) {
            throw new ConfigException(out + " already holds a finished run (data_meta.json). HINT: use --overwrite to rebuild it");
        }
        StepExecutor steps = StepExecutor.open("prepare", out, Configs.JSON.writeValueAsBytes(cfg), log);

        // 1. clean and filter each source; one step per input file (Wikidata: one per source, subjects span files)
        Map<String, Object> clean = new LinkedHashMap<>();
        Map<String, Long> bad = new TreeMap<>();
        List<List<Path>> cleaned = new ArrayList<>();
        for (int i = 0; i < cfg.sources().size(); i++) {
            PrepareConfig.Source s = cfg.sources().get(i);
            List<List<Path>> units = s.kind().equals("wikidata") ? List.of(inputs.get(i)) : inputs.get(i).stream().map(List::of).toList();
            RunStats sum = null;
            long sourceBad = 0;
            List<Path> outs = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                List<Path> unit = units.get(u);
                String file = String.format(Locale.ROOT, "%05d.jsonl.zst", u);
                Path target = steps.work().resolve("clean").resolve(s.name()).resolve(file);
                CleanUnit r = steps.run("clean-" + s.name() + "-" + file.substring(0, 5), CleanUnit.class,
                        () -> clean(s, unit, target, steps.work()));
                RunStats st = RunStats.fromMap(r.run());
                sum = sum == null ? st : sum.plus(st);
                r.badRecords().forEach((k, v) -> bad.merge(k, v, Long::sum));
                sourceBad += r.badRecords().values().stream().mapToLong(Long::longValue).sum();
                outs.add(target);
            }
            clean.put(s.name(), cleanSection(s, sum, units.size(), sourceBad));
            if (sum.docsWritten() == 0) {
                sourceYieldsNothing(s, sum, inputs.get(i).size());
            }
            cleaned.add(outs);
        }

        // 2. dedup across all sources, before the split
        List<List<Path>> docs = cleaned;
        Map<String, Object> dedup = null;
        if (cfg.dedup().enabled()) {
            docs = cfg.sources().stream().map(s -> List.of(steps.work().resolve("dedup").resolve(s.name() + ".jsonl.zst"))).toList();
            List<Path> targets = docs.stream().map(List::getFirst).toList();
            List<Path> all = cleaned.stream().flatMap(List::stream).toList();
            dedup = steps.run("dedup", MAP, () -> dedup(all, targets, steps.work()));
        }
        List<Path> allDocs = docs.stream().flatMap(List::stream).toList();

        // 3. tokenizer
        Split split = new Split(cfg.effectiveValFraction(), cfg.seed());
        Path model;
        Map<String, Object> tokenizerTraining;
        if (cfg.tokenizer() != null) {
            model = Path.of(cfg.tokenizer());
            tokenizerTraining = Map.of("skipped", "tokenizer given");
        } else {
            model = out.resolve("tokenizer");
            tokenizerTraining = steps.run("tokenizer", MAP, () -> trainTokenizer(allDocs, split, model));
        }
        Encoder.Backend backend = cfg.encoder().equals("jni") ? Encoder.Backend.JNI : Encoder.Backend.JAVA;
        try (Encoder enc = Encoder.load(model, backend)) {
            int bos = enc.pieceId("<s>");
            int eos = enc.pieceId("</s>");
            TokenDtype dtype = TokenDtype.forVocab(enc.vocabSize());
            if (cfg.writesGolf() && dtype != TokenDtype.UINT16) {
                throw new ConfigException("golf shards hold uint16 ids; vocabulary " + enc.vocabSize() + " is too large. HINT: use --format bin");
            }
            Path modelFile = Files.isDirectory(model) ? model.resolve(TrainResult.MODEL_FILE) : model;
            DataMeta.Tokenizer tok = new DataMeta.Tokenizer(modelFile.toString(), Hashes.sha256(Files.readAllBytes(modelFile)),
                    enc.vocabSize(), enc.normalization().id(), bos, eos);

            // 4. split, tokenize, spill into seeded shuffle buckets; one step per source
            int bits = ShuffleSpill.bucketBitsFor(estimateTokens(allDocs), 16L << 20);
            List<Path> spillDirs = new ArrayList<>();
            Map<String, Object> spillStats = new LinkedHashMap<>();
            for (int s = 0; s < cfg.sources().size(); s++) {
                int source = s;
                List<Path> files = docs.get(s);
                Path dir = steps.work().resolve("spill").resolve(cfg.sources().get(s).name());
                spillDirs.add(dir);
                spillStats.put(cfg.sources().get(s).name(), steps.run("spill-" + cfg.sources().get(s).name(), MAP,
                        () -> spill(enc, source, files, split, dir, bits, bos, eos)));
            }

            // 5. mix by tokens and write shards, the manifest and, last, data_meta.json (no marker: always redone)
            long t0 = System.nanoTime();
            Map<String, DataMeta.SplitResult> splits = new LinkedHashMap<>();
            List<Path> outputs = new ArrayList<>();
            Map<Split.Part, GolfManifestBuilder.SplitCounts> golfCounts = new EnumMap<>(Split.Part.class);
            if (cfg.writesGolf()) {
                // a manifest left by an interrupted attempt goes first, so it never sits beside half-rewritten shards
                Files.deleteIfExists(out.resolve(GolfManifest.FILE));
            }
            try (ShuffleSpill spill = ShuffleSpill.openAll(spillDirs, bits)) {
                for (Split.Part part : List.of(Split.Part.TRAIN, Split.Part.VAL)) {
                    splits.put(part.label(), assemble(spill, part, dtype, outputs, golfCounts));
                }
            }
            if (cfg.writesGolf()) {
                GolfManifestBuilder.Tokenizer t = new GolfManifestBuilder.Tokenizer(modelFile, enc.vocabSize(), bos, eos, tok.sha256());
                Map<String, Object> manifest = GolfManifestBuilder.build(cfg, out, t, golfCounts.get(Split.Part.TRAIN),
                        golfCounts.get(Split.Part.VAL), available(spillStats, "train"), available(spillStats, "val"));
                outputs.add(GolfManifest.write(out, manifest));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = Configs.JSON.convertValue(cfg, Map.class);
            DataMeta meta = new DataMeta(KilnVersion.get(), "prepare", startedAt, Instant.now().toString(), config,
                    DataMeta.FileEntry.of(inputFiles), clean, dedup, tokenizerTraining, tok, dtype.label(), cfg.boundary(),
                    Map.of("val_fraction", split.valFraction(), "sources", spillStats),
                    Math.round((System.nanoTime() - t0) / 1e6) / 1e3, splits,
                    new DataMeta.Seeds(cfg.seed(), cfg.seed(), split.valFraction()), bad, DataMeta.FileEntry.of(outputs),
                    steps.stepSeconds());
            meta.write(metaPath);
            steps.finish();
            return new Result(meta, metaPath, steps.resumed());
        }
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    // ---------------------------------------------------------------- steps

    /** Cleans and filters one unit of a source through the shared document job (rejects kept when configured). */
    private CleanUnit clean(PrepareConfig.Source s, List<Path> files, Path target, Path work) throws IOException {
        ReadOptions read = new ReadOptions(s.textField(), s.idField(), s.name(), null);
        Pipeline pipeline = s.profile().equals("none") ? Pipeline.of()
                : Profiles.load(s.profile(), SourceKind.of(s.kind())).pipeline(StageRegistry.load());
        String name = target.getFileName().toString();
        Path rejects = cfg.rejects() ? out.resolve("rejects").resolve(s.name()).resolve(name) : null;
        Path meta = target.resolveSibling(name + ".meta.json");
        PipelineJob job = new PipelineJob("prepare", files.stream().map(Path::toString).toList(), read, target, rejects, meta,
                strict, runner, Map.of("source", s.name(), "profile", s.profile()), allowEmpty);
        Progress.Listener listener = progress.apply("clean " + s.name());
        PipelineJob.Result r = s.kind().equals("wikidata")
                ? job.run(pipeline, listener, log, null, (in, bad) -> WikidataSource.open(in, wikidata(s.name()), bad), Formats::writer)
                : job.run(pipeline, listener, log, null);
        return new CleanUnit(r.stats().toMap(), r.badByKind());
    }

    /** A source's clean statistics: its units' runs added up, the profile, the units and the bad records. */
    private static Map<String, Object> cleanSection(PrepareConfig.Source s, RunStats sum, int units, long badRecords) {
        Map<String, Object> m = new LinkedHashMap<>(sum.toMap());
        m.put("profile", s.profile());
        m.put("units", units);
        m.put("bad_records", badRecords);
        return m;
    }

    private void sourceYieldsNothing(PrepareConfig.Source s, RunStats sum, int files) throws BadInputException {
        String line = String.format(Locale.ROOT, "source %s yields no documents: %,d read from %d input file%s, 0 kept by profile %s",
                s.name(), sum.docsRead(), files, files == 1 ? "" : "s", s.profile());
        if (!allowEmpty) {
            throw new BadInputException(line + ". HINT: check its inputs, text_field and profile; --allow-empty goes on without it");
        }
        log.accept("prepare: WARN " + line);
    }

    private static WikidataConfig wikidata(String source) {
        WikidataConfig c = WikidataConfig.DEFAULT;
        return new WikidataConfig(c.mode(), c.templates(), c.vary(), c.seed(), c.normalize(), c.maxTriplesPerDocument(), c.format(), source);
    }

    private Map<String, Object> dedup(List<Path> cleaned, List<Path> targets, Path work) throws IOException {
        PrepareConfig.Dedup d = cfg.dedup();
        DedupConfig dc = DedupConfig.defaults()
                .withMinHash(MinHashConfig.DEFAULT.withNgram(d.ngram()).withNumPerm(d.numPerm()))
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
            FileTrees.deleteTree(work.resolve("dedup-tmp"));
        }
    }

    private Map<String, Object> trainTokenizer(List<Path> docs, Split split, Path dir) throws IOException {
        PrepareConfig.TokenizerTraining t = cfg.tokenizerTraining();
        TrainerConfig tc = TrainerConfig.preset(t.preset(), t.vocabSize()).maxDocuments(t.maxDocuments())
                .seed(cfg.seed()).threads(Math.max(1, runner.effectiveThreads())).build();
        BpeTrainer trainer = BpeTrainer.create(tc);
        long used = 0;
        try (DocumentSource src = concat(docs)) {
            Document d;
            while ((d = src.next()) != null) {
                // only training documents: validation text must not shape the tokenizer
                if (split.of(identity(d)) == Split.Part.TRAIN) {
                    trainer.add(d.text());
                    used++;
                }
            }
        }
        TrainResult r = trainer.train();
        r.write(dir);
        Map<String, Object> m = new LinkedHashMap<>(r.stats());
        m.put("documents_offered", used);
        m.put("preset", t.preset());
        m.put("vocab_size", t.vocabSize());
        return m;
    }

    /** Tokenizes one source into its own spill folder; sequence numbers are unique across sources. */
    private Map<String, Object> spill(Encoder enc, int s, List<Path> files, Split split, Path dir, int bits, int bos, int eos)
            throws IOException {
        FileTrees.deleteTree(dir);
        String name = cfg.sources().get(s).name();
        long seq = (long) s << 40;
        long[] docsBy = new long[2];
        long[] tokBy = new long[2];
        try (ShuffleSpill spill = ShuffleSpill.create(dir, bits); DocumentSource src = concat(files)) {
            List<Document> batch = new ArrayList<>(SPILL_BATCH);
            boolean more = true;
            while (more) {
                Document d = src.next();
                if (d != null) {
                    batch.add(d);
                }
                more = d != null;
                if (batch.size() == SPILL_BATCH || (!more && !batch.isEmpty())) {
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

    /** Mixes one split into every configured shard writer; warns about each source that ran dry. */
    private DataMeta.SplitResult assemble(ShuffleSpill spill, Split.Part part, TokenDtype dtype, List<Path> outputs,
                                          Map<Split.Part, GolfManifestBuilder.SplitCounts> golfCounts) throws IOException {
        long target = part == Split.Part.TRAIN ? cfg.trainTokens() : cfg.valTokens();
        List<String> names = cfg.sources().stream().map(PrepareConfig.Source::name).toList();
        Map<String, Double> weights = new LinkedHashMap<>();
        cfg.sources().forEach(s -> weights.put(s.name(), s.weight()));
        Map<String, Long> quotas = new MixPlan(weights).quotas(target);
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
            List<MixAssembler.SourceResult> results = MixAssembler.assemble(spill, part, names, quotas,
                    cfg.exactMix() ? null : weights, sinks);
            for (TokenSink s : sinks) {
                s.commit();
            }
            long tokens = sinks.getFirst().tokens();
            Map<String, DataMeta.SourceShare> per = new LinkedHashMap<>();
            for (MixAssembler.SourceResult r : results) {
                per.put(r.source(), r.share(tokens));
                if (r.ranDry() && r.targetTokens() > 0) {
                    log.accept(String.format(Locale.ROOT, "prepare: WARN source %s ran dry in %s: %,d of %,d tokens%s",
                            r.source(), part.label(), r.tokens(), r.targetTokens(),
                            cfg.exactMix() ? " (--exact-mix: the split stays short)" : "; the other sources fill the rest"));
                }
            }
            if (tokens < target) {
                log.accept(String.format(Locale.ROOT, "prepare: WARN %s has %,d of the %,d tokens asked: the sources hold no more",
                        part.label(), tokens, target));
            }
            if (bin != null) {
                outputs.add(out.resolve(part.label() + ".bin"));
                outputs.add(out.resolve(part.label() + ".idx"));
            }
            Integer golfShards = null;
            if (golf != null) {
                golfShards = golf.files().size();
                golfCounts.put(part, new GolfManifestBuilder.SplitCounts(golf.documents(), golf.tokens(), golf.files().size()));
                outputs.addAll(golf.files());
            }
            return new DataMeta.SplitResult(target, tokens, sinks.getFirst().documents(), per, golfShards);
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

    /** Reads kiln's own intermediate files: any bad record there is a bug, so strict. */
    private DocumentSource concat(List<Path> files) throws IOException {
        return FileSource.of(files, ReadOptions.DEFAULT, new BadRecords(true, log));
    }

    private static long estimateTokens(List<Path> files) throws IOException {
        // about 4 characters per token, 3x compression of zstd JSONL
        return Inputs.totalBytes(files.stream().filter(Files::exists).toList()) * 3 / 4;
    }

    private void clear() throws IOException {
        StepExecutor.discard(out);
        for (String f : List.of(DataMeta.FILE, GolfManifest.FILE, "train.bin", "train.idx", "val.bin", "val.idx", "dedup_clusters.jsonl.zst")) {
            Files.deleteIfExists(out.resolve(f));
        }
        FileTrees.deleteTree(out.resolve("rejects"));
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : s.filter(p -> p.getFileName().toString().matches("fineweb_(train|val)_\\d{6}\\.bin")).toList()) {
                    Files.delete(p);
                }
            }
        }
        if (cfg.tokenizer() == null) {
            FileTrees.deleteTree(out.resolve("tokenizer"));
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
