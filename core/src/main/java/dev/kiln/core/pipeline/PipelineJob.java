package dev.kiln.core.pipeline;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.PathGuard;
import dev.kiln.core.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The common shape of kiln's document commands: inputs (files, globs, lists) → pipeline → one output
 * file, optionally a rejects file, and a metadata JSON with every statistic.
 *
 * <p>An output (rejects, metadata) that is one of the inputs, or the same file as another output, is
 * refused before anything is read ({@link PathGuard}). Outputs appear only when the run completes: they are written under temporary names and renamed at
 * the end; on any failure they are deleted and nothing looks finished. Bad records are skipped and
 * counted (strict mode: the first one fails the run).
 *
 * @param command the verb, recorded in the metadata ({@code filter}, {@code convert}, ...)
 * @param inputs input arguments (paths, globs, {@code @list} files)
 * @param read how to read them
 * @param output the output file (format from its suffix), or null to only count
 * @param rejects the rejects file (dropped documents with stage, reason and value), or null
 * @param metadata the metadata JSON path; null means {@code <output>.meta.json} (or none without output)
 * @param strict fail on the first bad record
 * @param runner threads and batching
 * @param config the parameters to echo into the metadata
 * @param allowEmpty false: an input that yields nothing but bad records fails the job (exit 1 in the CLI);
 *        true: it is counted ({@code input.failed_inputs} in the metadata) and the job goes on
 */
public record PipelineJob(String command, List<String> inputs, ReadOptions read, Path output, Path rejects,
                          Path metadata, boolean strict, RunnerOptions runner, Map<String, Object> config,
                          boolean allowEmpty) {

    public PipelineJob {
        inputs = List.copyOf(inputs);
        config = config == null ? Map.of() : new LinkedHashMap<>(config);
    }

    /** A job that allows inputs yielding nothing (the behaviour before {@code allowEmpty} existed). */
    public PipelineJob(String command, List<String> inputs, ReadOptions read, Path output, Path rejects,
                       Path metadata, boolean strict, RunnerOptions runner, Map<String, Object> config) {
        this(command, inputs, read, output, rejects, metadata, strict, runner, config, true);
    }

    /** What a job did. */
    public record Result(RunStats stats, long badRecords, Map<String, Long> badByKind, Path metadataPath,
                         Map<String, Object> metadata) {
    }

    /** Opens the job's document source over the expanded input files (default: {@link FileSource}). */
    @FunctionalInterface
    public interface SourceOpener {
        DocumentSource open(List<Path> files, BadRecords bad) throws IOException;
    }

    /** Opens the writer for an output path (default: {@link Formats#writer}). */
    @FunctionalInterface
    public interface WriterOpener {
        DocumentWriter open(Path path) throws IOException;
    }

    /** The metadata path actually used, or null. */
    public Path metadataPath() {
        if (metadata != null) {
            return metadata;
        }
        return output == null ? null : output.resolveSibling(output.getFileName() + ".meta.json");
    }

    /** The job's outputs by what messages call them (output, rejects, metadata); absent ones are null. */
    public Map<String, Path> outputsByName() {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("output", output);
        m.put("rejects", rejects);
        m.put("metadata", metadataPath());
        return m;
    }

    /**
     * Runs the job.
     *
     * @param pipeline the stages
     * @param listener progress
     * @param log where warnings about bad input go (one line each)
     * @param extra called with the metadata before it is written, to add module sections; may be null
     */
    public Result run(Pipeline pipeline, Progress.Listener listener, Consumer<String> log,
                      Consumer<RunMetadata> extra) throws IOException {
        return run(pipeline, listener, log, extra, (files, bad) -> FileSource.of(files, read, bad), Formats::writer);
    }

    /**
     * Runs the job with another kind of source (e.g. Wikidata triples verbalised to documents) or writer
     * (e.g. plain text lines); everything else (atomic outputs, rejects, statistics, metadata) is shared.
     */
    public Result run(Pipeline pipeline, Progress.Listener listener, Consumer<String> log, Consumer<RunMetadata> extra,
                      SourceOpener sources, WriterOpener writers) throws IOException {
        List<Path> files = Inputs.expand(inputs);
        PathGuard.checkOutputs(files, outputsByName());
        BadRecords bad = new BadRecords(strict, allowEmpty, log);
        RunMetadata meta = new RunMetadata(command, KilnVersion.get());
        meta.put("config", config);
        meta.files("inputs", files);
        List<String> stageNames = new ArrayList<>();
        pipeline.stages().forEach(s -> stageNames.add(s.name()));
        meta.put("stages", stageNames);

        DocumentWriter out = null;
        DocumentWriter rej = null;
        RunStats stats;
        try (DocumentSource source = sources.open(files, bad)) {
            out = output == null ? null : writers.open(output);
            rej = rejects == null ? null : Formats.writer(rejects);
            DocumentWriter o = out;
            DocumentWriter r = rej;
            DocumentSink sink = o == null ? DocumentSink.DISCARD : o::write;
            PipelineRunner.RejectSink rejectSink = r == null ? null : x -> r.write(x.asDocument());
            stats = new PipelineRunner(runner).run(source, pipeline, sink, rejectSink, listener);
            if (out != null) {
                out.commit();
            }
            if (rej != null) {
                rej.commit();
            }
        } finally {
            if (out != null) {
                out.close();
            }
            if (rej != null) {
                rej.close();
            }
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("files", files.size());
        input.put("bad_records", bad.total());
        input.put("bad_records_by_kind", bad.countsByKind());
        input.put("bad_record_examples", bad.examples());
        input.put("failed_inputs", bad.failedInputs());
        meta.put("input", input);
        meta.put("pipeline", stats.toMap());
        List<Path> outs = new ArrayList<>();
        if (output != null) {
            outs.add(output);
        }
        if (rejects != null) {
            outs.add(rejects);
        }
        meta.files("outputs", outs);
        if (extra != null) {
            extra.accept(meta);
        }
        Path mp = metadataPath();
        if (mp != null) {
            meta.write(mp);
        }
        return new Result(stats, bad.total(), bad.countsByKind(), mp, meta.asMap());
    }
}
