package dev.kiln.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.steps.StepExecutor;
import dev.kiln.prepare.CleanStep;
import dev.kiln.prepare.CleanUnit;
import dev.kiln.prepare.Prepare;
import dev.kiln.prepare.PrepareConfig;
import dev.kiln.prepare.PrepareEngine;
import dev.kiln.prepare.SpillStep;
import dev.kiln.prepare.Split;
import dev.kiln.prepare.TokenizerStep;
import dev.kiln.sharding.DataMeta;
import dev.kiln.tokenizer.BpeTrainer;
import dev.kiln.tokenizer.Encoder;
import dev.kiln.tokenizer.TrainerConfig;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@link PrepareEngine} on Apache Spark: steps 1 to 5 of {@code kiln prepare} as Spark jobs, one task per
 * unit (an input file, as the local run's units; step 5 one per shuffle bucket and golf shard,
 * {@link SparkShards}), each running kiln's own step code on an executor, so no filter, dedup rule,
 * trainer, encoder or mix rule exists twice. Tasks write under task-attempt folders and the
 * driver commits the attempt Spark reports ({@link TaskAttempts}); the committed files are byte for byte
 * those {@link dev.kiln.prepare.LocalEngine} writes, so shards, tokenizer and {@code data_meta.json}
 * match the single-JVM run. The output folder is a path the driver and every executor see under the same
 * name (local mode, a shared mount), or a Hadoop URI reached through {@link OutputFolder}.
 */
public final class SparkEngine implements PrepareEngine {

    private static final TypeReference<List<CleanUnit>> UNITS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JavaSparkContext sc;
    private final OutputFolder remote;

    /** An engine running its jobs on {@code sc}, the output folder a path every executor sees. */
    public SparkEngine(JavaSparkContext sc) {
        this(sc, null);
    }

    /** An engine whose output folder is {@code remote} ({@code null}: the context's output folder, seen by every executor). */
    SparkEngine(JavaSparkContext sc, OutputFolder remote) {
        this.sc = sc;
        this.remote = remote;
    }

    private OutputFolder folder(Context ctx) {
        return remote != null ? remote : OutputFolder.local(ctx.out());
    }

    @Override
    public long bytes(List<Path> files) throws IOException {
        return remote != null ? remote.bytes(files) : PrepareEngine.super.bytes(files);
    }

    // ------------------------------------------------------------------ step 1

    /** Local paths as {@code kiln prepare} expands them, and Hadoop URIs ({@code hdfs://}, {@code s3a://}) through Hadoop. */
    @Override
    public List<DataMeta.FileEntry> inputs(List<String> entries) throws IOException {
        return HadoopInputs.expand(entries, sc.hadoopConfiguration());
    }

    /** A clean task's serialisable description. */
    private record CleanJob(String cfg, OutputFolder folder, boolean strict, boolean allowEmpty, int source,
                            List<String> files, String target) implements Serializable {
    }

    /** A task's result: the unit's statistics and the attempt folder holding its files. */
    private record Attempted<T>(T value, String attempt) implements Serializable {
    }

    @Override
    public List<CleanUnit> clean(Context ctx, List<CleanTask> tasks) throws IOException {
        String cfg = OnExecutor.json(ctx.cfg());
        OutputFolder folder = folder(ctx);
        List<CleanJob> jobs = tasks.stream().map(t -> new CleanJob(cfg, folder,
                ctx.strict(), ctx.allowEmpty(), t.source(), t.files(), t.target().toString())).toList();
        boolean remote = tasks.stream().anyMatch(t -> t.files().stream().anyMatch(HadoopInputs::remote));
        return ctx.steps().run("spark-clean", UNITS, () -> {
            ctx.log().accept(String.format(Locale.ROOT, "spark: clean %d units on %d task slots", jobs.size(), sc.defaultParallelism()));
            Broadcast<byte[]> hadoop = sc.broadcast(remote ? HadoopInputs.serialize(sc.hadoopConfiguration()) : new byte[0]);
            long t0 = System.nanoTime();
            List<Attempted<CleanUnit>> r = TaskProgress.track(sc, "clean", jobs.size(), ctx.log(), () -> sc.parallelize(jobs, Math.max(1, jobs.size()))
                    .map(j -> cleanUnit(j, hadoop.value())).collect());
            commit(r, folder, "clean");
            long read = 0;
            long kept = 0;
            long bytes = 0;
            for (Attempted<CleanUnit> a : r) {
                read += ((Number) a.value().run().get("docs_read")).longValue();
                bytes += ((Number) a.value().run().get("bytes_read")).longValue();
                kept += a.value().docsWritten();
            }
            double s = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
            ctx.log().accept(String.format(Locale.ROOT, "spark: clean read %,d documents (%.1f MB of input), kept %,d, in %.1f s: %,.0f documents/s, %.1f MB/s",
                    read, bytes / 1e6, kept, s, read / s, bytes / 1e6 / s));
            return r.stream().map(Attempted::value).toList();
        });
    }

    private static Attempted<CleanUnit> cleanUnit(CleanJob j, byte[] hadoop) throws IOException {
        PrepareConfig cfg = OnExecutor.config(j.cfg());
        try (OutputFolder.TaskFiles t = j.folder().task(); HadoopInputs.Staged in = new HadoopInputs.Staged(j.files(), hadoop)) {
            Path attempt = t.attempt("clean");
            CleanStep step = new CleanStep(cfg, attempt, j.strict(), j.allowEmpty(), RunnerOptions.DEFAULT.withThreads(1),
                    line -> System.err.println(in.name(line)), name -> p -> { });
            CleanUnit u;
            try {
                u = step.run(cfg.sources().get(j.source()), in.files(), t.inside(j.target()));
            } catch (IOException e) {
                throw in.named(e);
            }
            return new Attempted<>(u, t.done());
        }
    }

    // ------------------------------------------------------------------ step 2

    @Override
    public DedupOutcome dedup(Context ctx, List<List<Path>> cleaned, List<List<Path>> targets) throws IOException {
        return ctx.steps().run("spark-dedup", DedupOutcome.class, () -> new SparkDedup(sc, ctx, folder(ctx)).run(cleaned, targets));
    }

    // ------------------------------------------------------------------ step 3

    /** One unit's part of tokenizer training: its train documents, their characters, their word counts. */
    private record Counted(long documents, long chars, Map<String, long[]> words) implements Serializable {
    }

    @Override
    public Map<String, Object> tokenizer(Context ctx, List<Path> docs, Split split, Path model) throws IOException {
        return ctx.steps().run("spark-tokenizer", MAP, () -> {
            String cfgJson = OnExecutor.json(ctx.cfg());
            OutputFolder folder = folder(ctx);
            long cap = ctx.cfg().tokenizerTraining().maxDocuments();
            List<String> files = docs.stream().map(Path::toString).toList();
            int n = Math.max(1, files.size());
            List<Tuple2<Integer, String>> units = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                units.add(new Tuple2<>(i, files.get(i)));
            }
            // pass 1: train documents and characters per unit, with word counts unless sampling; the counts stay
            // on the executors until reduced, only the sums reach the driver
            JavaRDD<Counted> per = sc.parallelize(units, n).map(u -> countUnit(cfgJson, folder, split, u._2(), cap == 0 ? null : new long[0], 0))
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            List<long[]> sizes = SparkErrors.call(() -> per.map(c -> new long[] {c.documents(), c.chars()}).collect());
            long documents = sizes.stream().mapToLong(x -> x[0]).sum();
            long chars = sizes.stream().mapToLong(x -> x[1]).sum();
            TrainerConfig tc = TokenizerStep.trainerConfig(ctx.cfg(), ctx.runner().effectiveThreads());
            JavaRDD<Counted> counted = per;
            if (cap > 0) {
                // the seeded reservoir's picks depend only on positions: drawn here, counted where the documents are
                long[] picks = BpeTrainer.reservoirPicks(tc.seed(), documents, cap);
                Broadcast<long[]> b = sc.broadcast(picks);
                long[] first = new long[sizes.size()];
                for (int i = 1; i < first.length; i++) {
                    first[i] = first[i - 1] + sizes.get(i - 1)[0];
                }
                counted = sc.parallelize(units, n).map(u -> countUnit(cfgJson, folder, split, u._2(), b.value(), first[u._1()]));
            }
            JavaRDD<Counted> parts = counted;
            Map<String, long[]> words = SparkErrors.call(() -> parts
                    .flatMapToPair(c -> c.words().entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue()[0])).iterator())
                    .reduceByKey(Long::sum).collectAsMap()).entrySet().stream()
                    .collect(HashMap::new, (m, e) -> m.put(e.getKey(), new long[] {e.getValue()}), HashMap::putAll);
            per.unpersist(false);
            ctx.log().accept(String.format(Locale.ROOT, "spark: tokenizer on %,d train documents, %,d distinct words", documents, words.size()));
            BpeTrainer trainer = BpeTrainer.create(tc);
            trainer.addCounts(words, documents, chars);
            return TokenizerStep.finish(ctx.cfg(), trainer, documents, model);
        });
    }

    /**
     * Counts one unit's train documents; with {@code picks} non-null, only words of documents whose train
     * position (from {@code first}) is in {@code picks} (an empty array: counts no words).
     */
    private static Counted countUnit(String cfgJson, OutputFolder folder, Split split, String file, long[] picks, long first)
            throws IOException {
        PrepareConfig cfg = OnExecutor.config(cfgJson);
        TrainerConfig tc = TokenizerStep.trainerConfig(cfg, 1);
        List<String> texts = new ArrayList<>();
        long documents = 0;
        long chars = 0;
        try (OutputFolder.TaskFiles t = folder.task(); DocumentSource src = read(t.read(file))) {
            Document d;
            while ((d = src.next()) != null) {
                if (split.of(Prepare.identity(d)) != Split.Part.TRAIN) {
                    continue;
                }
                if (picks == null || Arrays.binarySearch(picks, first + documents) >= 0) {
                    texts.add(d.text());
                }
                documents++;
                chars += d.text().length();
            }
        }
        return new Counted(documents, chars, BpeTrainer.countWords(tc, texts));
    }

    // ------------------------------------------------------------------ step 4

    /** A spill task: one unit of one source, numbered from {@code firstSeq}. */
    private record SpillJob(String cfg, OutputFolder folder, int source, String file, String dir, long firstSeq,
                            int bits, int bos, int eos, String backend) implements Serializable {
    }

    @Override
    public SpillOutcome spill(Context ctx, List<List<Path>> docs, List<List<Long>> docsPerUnit, SpillSpec spec) throws IOException {
        String cfg = OnExecutor.json(ctx.cfg());
        OutputFolder folder = folder(ctx);
        List<SpillJob> jobs = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (int s = 0; s < docs.size(); s++) {
            String name = ctx.cfg().sources().get(s).name();
            long at = 0;
            for (int u = 0; u < docs.get(s).size(); u++) {
                Path dir = ctx.steps().work().resolve("spill").resolve(name).resolve(String.format(Locale.ROOT, "%05d", u));
                dirs.add(dir);
                jobs.add(new SpillJob(cfg, folder, s, docs.get(s).get(u).toString(),
                        dir.toString(), SpillStep.firstSeq(s, at), spec.bits(), spec.bos(), spec.eos(), ctx.cfg().encoder()));
                at += docsPerUnit.get(s).get(u);
            }
        }
        Map<String, Object> stats = ctx.steps().run("spark-spill", MAP, () -> {
            Broadcast<byte[]> model = sc.broadcast(Files.readAllBytes(spec.model()));
            Split split = spec.split();
            ctx.log().accept(String.format(Locale.ROOT, "spark: encode and spill %d units", jobs.size()));
            List<Attempted<Map<String, Object>>> r = TaskProgress.track(sc, "spill", jobs.size(), ctx.log(),
                    () -> sc.parallelize(jobs, Math.max(1, jobs.size())).map(j -> spillUnit(j, model.value(), split)).collect());
            commit(r, folder, "spill");
            Map<String, Object> bySource = new LinkedHashMap<>();
            for (int i = 0; i < jobs.size(); i++) {
                String name = ctx.cfg().sources().get(jobs.get(i).source()).name();
                @SuppressWarnings("unchecked")
                Map<String, Object> sum = (Map<String, Object>) bySource.computeIfAbsent(name, k -> new LinkedHashMap<>());
                r.get(i).value().forEach((k, v) -> sum.merge(k, v, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue()));
            }
            return bySource;
        });
        return new SpillOutcome(stats, dirs);
    }

    private static Attempted<Map<String, Object>> spillUnit(SpillJob j, byte[] model, Split split) throws IOException {
        PrepareConfig cfg = OnExecutor.config(j.cfg());
        Encoder enc = OnExecutor.encoder(model, j.backend().equals("jni") ? Encoder.Backend.JNI : Encoder.Backend.JAVA);
        SpillSpec spec = new SpillSpec(enc, null, split, j.bits(), j.bos(), j.eos());
        SpillStep step = new SpillStep(cfg, RunnerOptions.DEFAULT.withThreads(1), System.err::println, spec);
        try (OutputFolder.TaskFiles t = j.folder().task()) {
            Path file = t.read(j.file());
            t.attempt("spill");
            Map<String, Object> m = step.run(j.source(), List.of(file), t.inside(j.dir()), j.firstSeq());
            return new Attempted<>(new LinkedHashMap<>(m), t.done());
        }
    }

    // ------------------------------------------------------------------ step 5

    /** Tokens per shuffle bucket, so per shard-writing task ({@value #BUCKET_TOKENS}; default 16 Mi). */
    static final String BUCKET_TOKENS = "spark.kiln.bucketTokens";

    @Override
    public long tokensPerBucket() {
        return sc.getConf().getLong(BUCKET_TOKENS, PrepareEngine.super.tokensPerBucket());
    }

    /** Writes the split's shards by bucket and golf shard on the executors ({@link SparkShards}). */
    @Override
    public ShardOutcome shards(Context ctx, ShardSpec spec, Split.Part part) throws IOException {
        return new SparkShards(sc, ctx, folder(ctx)).run(spec, part);
    }

    // ------------------------------------------------------------------ shared

    /** Kiln's own intermediate files, read strictly (a bad record there is a bug). */
    static DocumentSource read(Path file) throws IOException {
        return FileSource.of(List.of(file), ReadOptions.DEFAULT, new BadRecords(true, System.err::println));
    }

    private static <T> void commit(List<Attempted<T>> results, OutputFolder folder, String stage) throws IOException {
        folder.commit(results.stream().map(Attempted::attempt).toList(), stage, StepExecutor.WORK + "/" + stage);
    }
}
