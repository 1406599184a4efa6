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
public final class CleanStep {

    private final PrepareConfig cfg;
    private final Path out;
    private final boolean strict;
    private final boolean allowEmpty;
    private final RunnerOptions runner;
    private final Consumer<String> log;
    private final Function<String, Progress.Listener> progress;

    /**
     * @param cfg        the configuration
     * @param out        the output folder (rejects go under it)
     * @param strict     fail on the first bad input record
     * @param allowEmpty go on when an input gives only bad records
     * @param runner     threads
     * @param log        one-line messages
     * @param progress   a progress listener per step name
     */
    public CleanStep(PrepareConfig cfg, Path out, boolean strict, boolean allowEmpty, RunnerOptions runner, Consumer<String> log,
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
    public CleanUnit run(PrepareConfig.Source s, List<Path> files, Path target) throws IOException {
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

    /** The cleaned file of unit {@code unit} of a source, under the work folder. */
    public static Path target(Path work, PrepareConfig.Source s, int unit) {
        return work.resolve("clean").resolve(s.name()).resolve(String.format(Locale.ROOT, "%05d.jsonl.zst", unit));
    }

    /** The resume step name of a clean unit. */
    static String stepName(PrepareConfig.Source s, int unit) {
        return String.format(Locale.ROOT, "clean-%s-%05d", s.name(), unit);
    }

    /** A source's clean statistics: its units' runs added up, the profile, the units and the bad records. */
    public static Map<String, Object> section(PrepareConfig.Source s, RunStats sum, int units, long badRecords) {
        Map<String, Object> m = new LinkedHashMap<>(sum.toMap());
        m.put("profile", s.profile());
        m.put("units", units);
        m.put("bad_records", badRecords);
        return m;
    }

    /** Fails (or warns, with empty inputs allowed) about a source that yields no document after cleaning. */
    public void yieldsNothing(PrepareConfig.Source s, RunStats sum, int files) throws BadInputException {
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
