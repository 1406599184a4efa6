package dev.kiln.wikidata;

import dev.kiln.core.io.Formats;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineJob;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code kiln wikidata}: triple files → documents → (optional pipeline stages) → one output file, plus a
 * metadata JSON with the triple statistics (read, kept, dropped per reason, normalized), documents and
 * bad rows. The output's format comes from its name: kiln's document formats ({@code .jsonl.zst},
 * {@code .parquet}, ...) or plain text ({@code .txt}, {@code .tsv}: {@link TextLinesWriter}). Outputs
 * appear only when the run completes.
 *
 * @param inputs input arguments (paths, globs, {@code @list} files)
 * @param output output file, or null to only count
 * @param metadata metadata JSON path; null = {@code <output>.meta.json}
 * @param strict fail on the first bad row
 * @param config conversion settings
 * @param runner threads for the pipeline stages
 * @param allowEmpty false: an input that yields nothing but bad rows fails the job; true: it is counted
 */
public record WikidataJob(List<String> inputs, Path output, Path metadata, boolean strict, WikidataConfig config,
                          RunnerOptions runner, boolean allowEmpty) {

    public WikidataJob {
        inputs = List.copyOf(inputs);
    }

    /** A job that allows inputs yielding nothing (the behaviour before {@code allowEmpty} existed). */
    public WikidataJob(List<String> inputs, Path output, Path metadata, boolean strict, WikidataConfig config,
                       RunnerOptions runner) {
        this(inputs, output, metadata, strict, config, runner, true);
    }

    /** What the job did. */
    public record Result(RunStats stats, Map<String, Object> wikidata, long badRows, Path metadataPath) {
    }

    /** The metadata path used, or null. */
    public Path metadataPath() {
        if (metadata != null) {
            return metadata;
        }
        return output == null ? null : output.resolveSibling(output.getFileName() + ".meta.json");
    }

    /**
     * Runs the job.
     *
     * @param pipeline stages to run on the documents (may be empty)
     * @param listener progress
     * @param log one line per bad row
     */
    public Result run(Pipeline pipeline, Progress.Listener listener, Consumer<String> log) throws IOException {
        WikidataSource[] source = new WikidataSource[1];
        PipelineJob job = new PipelineJob("wikidata", inputs, ReadOptions.DEFAULT, output, null, metadata, strict, runner, configMap(), allowEmpty);
        PipelineJob.Result r = job.run(pipeline, listener, log, meta -> meta.put("wikidata", source[0].stats()),
                (files, bad) -> source[0] = WikidataSource.open(files, config, bad),
                path -> TextLinesWriter.handles(path) ? TextLinesWriter.open(path) : Formats.writer(path));
        return new Result(r.stats(), source[0].stats(), r.badRecords(), r.metadataPath());
    }

    private Map<String, Object> configMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", config.mode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("templates", config.templates() == null ? null : config.templates().toString());
        m.put("vary", config.vary());
        m.put("seed", config.seed());
        m.put("drop_datatypes", config.normalize().dropDatatypes().stream().map(Datatype::id).sorted().toList());
        m.put("keep_properties", config.normalize().keepProperties().stream().sorted().toList());
        m.put("max_triples_per_document", config.maxTriplesPerDocument());
        m.put("format", config.format() == null ? "detect" : config.format().name().toLowerCase(java.util.Locale.ROOT));
        m.put("source", config.source());
        m.put("strict", strict);
        return m;
    }
}
