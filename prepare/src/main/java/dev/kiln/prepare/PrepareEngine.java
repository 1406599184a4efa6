package dev.kiln.prepare;

import dev.kiln.core.io.Inputs;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.steps.StepExecutor;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.TokenDtype;
import dev.kiln.tokenizer.Encoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where {@link Prepare}'s heavy steps run: in this JVM ({@link LocalEngine}) or on a cluster (kiln's Spark
 * job). {@link Prepare} orders the steps, writes the manifest and {@code data_meta.json}; an engine does
 * the work of steps 1 to 5 and must write the same files with the same bytes as {@link LocalEngine}, so
 * the run's outputs do not depend on where it ran. Each method records its own resume markers through
 * {@link Context#steps()}.
 */
public interface PrepareEngine {

    /**
     * What every step needs from the run.
     *
     * @param cfg        the configuration
     * @param out        the output folder
     * @param steps      the run's step executor (markers, work folder)
     * @param strict     fail on the first bad input record
     * @param allowEmpty go on when an input gives only bad records
     * @param runner     threads of this JVM
     * @param log        one-line messages
     * @param progress   a progress listener per step name
     */
    record Context(PrepareConfig cfg, Path out, StepExecutor steps, boolean strict, boolean allowEmpty, RunnerOptions runner,
                   Consumer<String> log, Function<String, Progress.Listener> progress) {
    }

    /**
     * One clean unit of step 1.
     *
     * @param source index of the source in the configuration
     * @param unit   index of the unit within its source
     * @param files  the unit's input files: local paths, or URIs of an engine that reads them ({@link #inputs})
     * @param target its cleaned output ({@code work/clean/SOURCE/NNNNN.jsonl.zst})
     */
    record CleanTask(int source, int unit, List<String> files, Path target) {
    }

    /**
     * A source's input files, expanded from its {@code inputs} entries (globs, lists, folders) in reading
     * order, each with its size. Local paths by default; an engine that reads other file systems (Hadoop
     * URIs) expands those too.
     */
    default List<DataMeta.FileEntry> inputs(List<String> entries) throws IOException {
        return DataMeta.FileEntry.of(Inputs.expand(entries));
    }

    /**
     * The result of step 2.
     *
     * @param stats       the dedup statistics for {@code data_meta.json}
     * @param keptPerUnit documents kept, per source and unit
     */
    record DedupOutcome(Map<String, Object> stats, List<List<Long>> keptPerUnit) {
    }

    /**
     * What step 4 needs besides the documents.
     *
     * @param encoder the loaded tokenizer
     * @param model   the tokenizer model file (for engines that ship it elsewhere)
     * @param split   the train/validation split
     * @param bits    shuffle bucket bits
     * @param bos     the BOS id
     * @param eos     the EOS id
     */
    record SpillSpec(Encoder encoder, Path model, Split split, int bits, int bos, int eos) {
    }

    /**
     * The result of step 4.
     *
     * @param statsBySource per source: documents and tokens available per split
     * @param dirs          every spill folder written, to be read together ({@link ShuffleSpill#openAll})
     */
    record SpillOutcome(Map<String, Object> statsBySource, List<Path> dirs) {
    }

    /**
     * What step 5 needs for each split.
     *
     * @param spillDirs every spill folder of step 4 ({@link SpillOutcome#dirs})
     * @param bits      their bucket bits
     * @param dtype     the token width of the {@code .bin} files
     * @param assembly  the quotas and the split's result
     */
    record ShardSpec(List<Path> spillDirs, int bits, TokenDtype dtype, ShardAssembly assembly) {
    }

    /**
     * The result of step 5 for one split.
     *
     * @param result what {@code data_meta.json} records of the split
     * @param files  the shard files written, with their sizes
     */
    record ShardOutcome(DataMeta.SplitResult result, List<DataMeta.FileEntry> files) {
    }

    /**
     * Tokens per shuffle bucket the spill is sized for. The buckets only cut the key order into pieces, so
     * the shards do not depend on it; it bounds the memory of reading one bucket, and an engine that
     * writes a task per bucket may choose more, smaller ones.
     */
    default long tokensPerBucket() {
        return 16L << 20;
    }

    /**
     * The total size of those of {@code files} (work files the steps wrote) that exist; it sizes the
     * shuffle buckets. An engine that keeps its work files elsewhere measures them there.
     */
    default long bytes(List<Path> files) throws IOException {
        return Inputs.totalBytes(files.stream().filter(Files::exists).toList());
    }

    /** Step 1: cleans and filters every unit; returns their statistics in the order of {@code tasks}. */
    List<CleanUnit> clean(Context ctx, List<CleanTask> tasks) throws IOException;

    /**
     * Step 2: exact and near-duplicate removal across all of {@code cleaned} (per source, per unit, in
     * order), writing each unit's kept documents to the same place in {@code targets} and the cluster report
     * to {@code OUT/dedup_clusters.jsonl.zst}.
     */
    DedupOutcome dedup(Context ctx, List<List<Path>> cleaned, List<List<Path>> targets) throws IOException;

    /** Step 3: trains the tokenizer into {@code model} on the train split of {@code docs}; returns its statistics. */
    Map<String, Object> tokenizer(Context ctx, List<Path> docs, Split split, Path model) throws IOException;

    /**
     * Step 4: splits, tokenizes and spills every source's documents ({@code docs.get(s)}, units in order,
     * with {@code docsPerUnit.get(s)} documents each) into the seeded shuffle buckets under
     * {@code work/spill}.
     */
    SpillOutcome spill(Context ctx, List<List<Path>> docs, List<List<Long>> docsPerUnit, SpillSpec spec) throws IOException;

    /**
     * Step 5 for {@code part}: takes each source's documents up to its token quota and writes them in
     * shuffle-key order to {@code OUT/<split>.bin/.idx} and golf shards, as configured. By default in
     * this JVM ({@link ShardAssembly}); an engine must write the same bytes. Not resumed: always redone.
     */
    default ShardOutcome shards(Context ctx, ShardSpec spec, Split.Part part) throws IOException {
        try (ShuffleSpill spill = ShuffleSpill.openAll(spec.spillDirs(), spec.bits())) {
            return spec.assembly().run(spill, part, spec.dtype());
        }
    }
}
