package dev.kiln.prepare;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.JsonlReader;
import dev.kiln.core.io.PathGuard;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.KilnVersion;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.steps.StepExecutor;
import dev.kiln.core.util.FileTrees;
import dev.kiln.core.util.Hashes;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.GolfManifest;
import dev.kiln.sharding.TokenDtype;
import dev.kiln.tokenizer.Encoder;
import dev.kiln.tokenizer.TrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>This class only orders the steps; each one's work is its own class ({@link CleanStep},
 * {@link DedupStep}, {@link TokenizerStep}, {@link SpillStep}, {@link ShardAssembly}). Steps 1 to 5 run on
 * a {@link PrepareEngine}: this JVM ({@link LocalEngine}) or kiln's Spark job, which writes the same bytes.
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

    private final PrepareConfig cfg;
    private final Path out;
    private final boolean strict;
    private final boolean allowEmpty;
    private final Consumer<String> log;
    private final Function<String, Progress.Listener> progress;
    private final RunnerOptions runner;
    private final PrepareEngine engine;

    /**
     * @param cfg        the configuration
     * @param out        the output folder
     * @param strict     fail on the first bad input record
     * @param allowEmpty go on when an input gives only bad records or a source yields no document
     * @param log        one-line messages
     * @param progress   a progress listener per step name
     * @param engine     where steps 1 to 5 run ({@link LocalEngine}: this JVM)
     */
    public Prepare(PrepareConfig cfg, Path out, boolean strict, boolean allowEmpty, Consumer<String> log,
                   Function<String, Progress.Listener> progress, PrepareEngine engine) {
        this.cfg = cfg;
        this.out = out.toAbsolutePath();
        this.strict = strict;
        this.allowEmpty = allowEmpty;
        this.log = log;
        this.progress = progress;
        this.runner = RunnerOptions.DEFAULT.withThreads(cfg.threads());
        this.engine = engine;
    }

    /** As {@link #Prepare(PrepareConfig, Path, boolean, boolean, Consumer, Function, PrepareEngine)} in this JVM. */
    public Prepare(PrepareConfig cfg, Path out, boolean strict, boolean allowEmpty, Consumer<String> log,
                   Function<String, Progress.Listener> progress) {
        this(cfg, out, strict, allowEmpty, log, progress, new LocalEngine());
    }

    /** As {@link #Prepare(PrepareConfig, Path, boolean, boolean, Consumer, Function)}, failing on empty sources. */
    public Prepare(PrepareConfig cfg, Path out, boolean strict, Consumer<String> log, Function<String, Progress.Listener> progress) {
        this(cfg, out, strict, false, log, progress);
    }

    /** What a run produced. */
    public record Result(DataMeta meta, Path metaPath, boolean resumed) {
    }

    /** Runs (or resumes) the preparation; {@code overwrite} discards earlier outputs and work. */
    public Result run(boolean overwrite) throws IOException {
        String startedAt = Instant.now().toString();
        Path metaPath = out.resolve(DataMeta.FILE);
        List<List<String>> inputs = new ArrayList<>();
        List<DataMeta.FileEntry> inputFiles = new ArrayList<>();
        for (PrepareConfig.Source s : cfg.sources()) {
            List<DataMeta.FileEntry> files = engine.inputs(s.inputs());
            inputs.add(files.stream().map(DataMeta.FileEntry::path).toList());
            inputFiles.addAll(files);
        }
        PathGuard.checkOutputFolder(inputFiles.stream().map(DataMeta.FileEntry::path).filter(f -> !Inputs.isUri(f)).map(Path::of).toList(), out);
        if (overwrite) {
            clear();
        } else if (Files.exists(metaPath)) {
            throw new ConfigException(out + " already holds a finished run (data_meta.json). HINT: use --overwrite to rebuild it");
        }
        StepExecutor steps = StepExecutor.open("prepare", out, Configs.JSON.writeValueAsBytes(cfg), log);

        PrepareEngine.Context ctx = new PrepareEngine.Context(cfg, out, steps, strict, allowEmpty, runner, log, progress);

        // 1. clean and filter each source; one unit per input file (Wikidata: one per source, subjects span files)
        List<PrepareEngine.CleanTask> tasks = new ArrayList<>();
        List<List<Path>> cleaned = new ArrayList<>();
        for (int i = 0; i < cfg.sources().size(); i++) {
            PrepareConfig.Source s = cfg.sources().get(i);
            List<List<String>> units = s.kind().equals("wikidata") ? List.of(inputs.get(i)) : inputs.get(i).stream().map(List::of).toList();
            List<Path> outs = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                Path target = CleanStep.target(steps.work(), s, u);
                tasks.add(new PrepareEngine.CleanTask(i, u, units.get(u), target));
                outs.add(target);
            }
            cleaned.add(outs);
        }
        List<CleanUnit> results = engine.clean(ctx, tasks);
        Map<String, Object> clean = new LinkedHashMap<>();
        Map<String, Long> bad = new TreeMap<>();
        List<List<Long>> docsPerUnit = new ArrayList<>();
        CleanStep cleanStep = new CleanStep(cfg, out, strict, allowEmpty, runner, log, progress);
        for (int i = 0, t = 0; i < cfg.sources().size(); i++) {
            PrepareConfig.Source s = cfg.sources().get(i);
            RunStats sum = null;
            long sourceBad = 0;
            List<Long> counts = new ArrayList<>();
            for (int u = 0; u < cleaned.get(i).size(); u++, t++) {
                CleanUnit r = results.get(t);
                RunStats st = RunStats.fromMap(r.run());
                sum = sum == null ? st : sum.plus(st);
                r.badRecords().forEach((k, v) -> bad.merge(k, v, Long::sum));
                sourceBad += r.badRecords().values().stream().mapToLong(Long::longValue).sum();
                counts.add(r.docsWritten());
            }
            clean.put(s.name(), CleanStep.section(s, sum, cleaned.get(i).size(), sourceBad));
            if (sum.docsWritten() == 0) {
                cleanStep.yieldsNothing(s, sum, inputs.get(i).size());
            }
            docsPerUnit.add(counts);
        }

        // 2. dedup across all sources, before the split; kept documents per unit
        List<List<Path>> docs = cleaned;
        Map<String, Object> dedup = null;
        if (cfg.dedup().enabled()) {
            docs = new ArrayList<>();
            for (int i = 0; i < cfg.sources().size(); i++) {
                PrepareConfig.Source s = cfg.sources().get(i);
                List<Path> targets = new ArrayList<>();
                for (int u = 0; u < cleaned.get(i).size(); u++) {
                    targets.add(DedupStep.target(steps.work(), s, u));
                }
                docs.add(targets);
            }
            PrepareEngine.DedupOutcome d = engine.dedup(ctx, cleaned, docs);
            dedup = d.stats();
            docsPerUnit = d.keptPerUnit();
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
            tokenizerTraining = engine.tokenizer(ctx, allDocs, split, model);
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

            // 4. split, tokenize, spill into seeded shuffle buckets
            // about 4 characters per token, 3x compression of zstd JSONL
            int bits = ShuffleSpill.bucketBitsFor(engine.bytes(allDocs) * 3 / 4, engine.tokensPerBucket());
            PrepareEngine.SpillOutcome spilled = engine.spill(ctx, docs, docsPerUnit,
                    new PrepareEngine.SpillSpec(enc, modelFile, split, bits, bos, eos));
            Map<String, Object> spillStats = spilled.statsBySource();

            // 5. mix by tokens and write shards, the manifest and, last, data_meta.json (no marker: always redone)
            long t0 = System.nanoTime();
            Map<String, DataMeta.SplitResult> splits = new LinkedHashMap<>();
            List<DataMeta.FileEntry> outputs = new ArrayList<>();
            if (cfg.writesGolf()) {
                // a manifest left by an interrupted attempt goes first, so it never sits beside half-rewritten shards
                Files.deleteIfExists(out.resolve(GolfManifest.FILE));
            }
            PrepareEngine.ShardSpec shardSpec = new PrepareEngine.ShardSpec(spilled.dirs(), bits, dtype, new ShardAssembly(cfg, out, log));
            for (Split.Part part : List.of(Split.Part.TRAIN, Split.Part.VAL)) {
                PrepareEngine.ShardOutcome o = engine.shards(ctx, shardSpec, part);
                splits.put(part.label(), o.result());
                outputs.addAll(o.files());
            }
            if (cfg.writesGolf()) {
                GolfManifestBuilder.Tokenizer t = new GolfManifestBuilder.Tokenizer(modelFile, enc.vocabSize(), bos, eos, tok.sha256());
                Map<String, Object> manifest = GolfManifestBuilder.build(cfg, out, t, golfCounts(splits.get("train")),
                        golfCounts(splits.get("val")), available(spillStats, "train"), available(spillStats, "val"));
                outputs.add(DataMeta.FileEntry.of(GolfManifest.write(out, manifest)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = Configs.JSON.convertValue(cfg, Map.class);
            DataMeta meta = new DataMeta(KilnVersion.get(), "prepare", startedAt, Instant.now().toString(), config,
                    inputFiles, clean, dedup, tokenizerTraining, tok, dtype.label(), cfg.boundary(),
                    Map.of("val_fraction", split.valFraction(), "sources", spillStats),
                    Math.round((System.nanoTime() - t0) / 1e6) / 1e3, splits,
                    new DataMeta.Seeds(cfg.seed(), cfg.seed(), split.valFraction()), bad, outputs,
                    steps.stepSeconds());
            meta.write(metaPath);
            steps.finish();
            return new Result(meta, metaPath, steps.resumed());
        }
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    // ---------------------------------------------------------------- helpers

    private static GolfManifestBuilder.SplitCounts golfCounts(DataMeta.SplitResult r) {
        return new GolfManifestBuilder.SplitCounts(r.documents(), r.tokens(), r.golfShards());
    }

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
    public static String identity(Document d) {
        return d.source() + "\u0000" + Split.identity(d.id());
    }

    private void clear() throws IOException {
        StepExecutor.discard(out);
        Files.deleteIfExists(out.resolve(DataMeta.FILE));
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : s.filter(p -> isOutput(p.getFileName().toString(), cfg)).sorted().toList()) {
                    FileTrees.deleteTree(p);
                }
            }
        }
    }

    /**
     * Whether {@code name}, an entry of the output folder, is something a run with {@code cfg} writes there
     * (shards, index, manifest, cluster report, rejects, a trained tokenizer, {@code data_meta.json}), and so
     * what {@code --overwrite} deletes; the work folder is not counted.
     */
    public static boolean isOutput(String name, PrepareConfig cfg) {
        return List.of(DataMeta.FILE, GolfManifest.FILE, "train.bin", "train.idx", "val.bin", "val.idx", DedupStep.REPORT, "rejects").contains(name)
                || name.matches("fineweb_(train|val)_\\d{6}\\.bin") || (name.equals("tokenizer") && cfg.tokenizer() == null);
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
