package dev.kiln.prepare;

import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineJob;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.stage.StageRegistry;
import dev.kiln.filters.Profiles;
import dev.kiln.filters.SourceKind;
import dev.kiln.wikidata.WikidataConfig;
import dev.kiln.wikidata.WikidataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Step 1 of {@link Prepare}: cleans and filters one unit of a source (an input file; all files of a Wikidata
 * source) through core's {@link PipelineJob} with the source's profile, keeping rejects when configured.
 */
final class CleanStep {

    /** Statistics of one clean unit: the pipeline run and its bad input records by kind. */
    record CleanUnit(Map<String, Object> run, Map<String, Long> badRecords) {
    }

    private final PrepareConfig cfg;
    private final Path out;
    private final boolean strict;
    private final boolean allowEmpty;
    private final RunnerOptions runner;
    private final Consumer<String> log;
    private final Function<String, Progress.Listener> progress;

    CleanStep(PrepareConfig cfg, Path out, boolean strict, boolean allowEmpty, RunnerOptions runner, Consumer<String> log,
              Function<String, Progress.Listener> progress) {
        this.cfg = cfg;
        this.out = out;
        this.strict = strict;
        this.allowEmpty = allowEmpty;
        this.runner = runner;
        this.log = log;
        this.progress = progress;
    }

    /** Cleans and filters one unit of a source through the shared document job (rejects kept when configured). */
    CleanUnit run(PrepareConfig.Source s, List<Path> files, Path target) throws IOException {
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
    static Map<String, Object> section(PrepareConfig.Source s, RunStats sum, int units, long badRecords) {
        Map<String, Object> m = new LinkedHashMap<>(sum.toMap());
        m.put("profile", s.profile());
        m.put("units", units);
        m.put("bad_records", badRecords);
        return m;
    }

    void yieldsNothing(PrepareConfig.Source s, RunStats sum, int files) throws BadInputException {
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
}
