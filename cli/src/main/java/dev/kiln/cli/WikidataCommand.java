package dev.kiln.cli;

import dev.kiln.core.config.Configs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineSpec;
import dev.kiln.core.stage.StageRegistry;
import dev.kiln.wikidata.NormalizeConfig;
import dev.kiln.wikidata.WikidataConfig;
import dev.kiln.wikidata.WikidataJob;
import dev.kiln.wikidata.io.TripleFormat;
import dev.kiln.wikidata.text.Mode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln wikidata IN... -o OUT}: Wikidata triples to documents (sentences, Loka lines or KELM-style lines). */
@Command(name = "wikidata", mixinStandardHelpOptions = true,
        description = {"Turn Wikidata triples (Loka TSV, kiln TSV or Parquet, JSON entity dumps; .gz/.bz2/.zst) into one document "
                + "per subject, normalized as Loka does (external ids, URLs, media, coordinates dropped; dates and "
                + "quantities rewritten).",
            "OUT: .jsonl[.gz|.zst] (and the other kiln document formats) or .txt/.tsv (one document per line; "
                + "with --mode raw that is Loka's triples file)."})
final class WikidataCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Triple files, globs or @lists.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (omit to only count).")
    Path output;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "text",
            description = "text (sentences from templates), raw (Loka 'subject TAB predicate TAB object' lines) or "
                    + "linear (KELM-style 'subject p1 o1 p2 o2'); default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--templates", paramLabel = "FILE",
            description = "Templates file (key TAB one|many|any TAB template) replacing/extending the bundled ones.")
    Path templates;

    @Option(names = "--vary", description = "Choose among template variants with --seed (default: always the first).")
    boolean vary;

    @Option(names = "--format", paramLabel = "FMT",
            description = "Input format: loka_tsv, kiln_tsv, entity_json or parquet (default: from each file's name and first line).")
    String format;

    @Option(names = "--loka-strict", description = "Drop every external-id as Loka does (by default the ISO 639/3166/4217/15924 codes are kept).")
    boolean lokaStrict;

    @Option(names = "--keep-property", paramLabel = "PID", split = ",",
            description = "Keep this property although its datatype is dropped (repeatable, comma-separated).")
    List<String> keepProperties;

    @Option(names = "--max-triples-per-document", paramLabel = "N", defaultValue = "10000",
            description = "A subject with more triples continues in a document <id>#2 (bounds memory; default: ${DEFAULT-VALUE}).")
    int maxTriples;

    @Option(names = "--pipeline", paramLabel = "FILE",
            description = "A pipeline YAML (as for 'kiln run'); its stages run on the documents before they are written.")
    Path pipelineFile;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "wikidata",
            description = "Source stamped on the documents (default: ${DEFAULT-VALUE}).")
    String source;

    private static TripleFormat format(String name) {
        try {
            return TripleFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be one of loka_tsv, kiln_tsv, entity_json, parquet: '" + name + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        NormalizeConfig base = lokaStrict ? NormalizeConfig.LOKA : NormalizeConfig.DEFAULT;
        Set<String> keep = new HashSet<>(base.keepProperties());
        if (keepProperties != null) {
            keep.addAll(keepProperties);
        }
        WikidataConfig config = new WikidataConfig(Mode.of(mode), templates, vary, common.seed,
                new NormalizeConfig(base.dropDatatypes(), keep), maxTriples,
                format == null ? null : format(format), source);
        WikidataJob job = new WikidataJob(inputs, output, common.meta, common.strict, config, common.runner(), common.allowEmpty);
        Pipeline pipeline = pipelineFile == null ? Pipeline.of()
                : Configs.load(pipelineFile, PipelineSpec.class).build(StageRegistry.load());
        WikidataJob.Result r = job.run(pipeline, new ProgressReporter("wikidata", common.quiet), System.err::println);
        if (!common.quiet) {
            Map<String, Object> s = r.wikidata();
            System.out.println();
            if (!pipeline.stages().isEmpty()) {
                System.out.print(r.stats().summaryTable());
            }
            System.out.printf(Locale.ROOT, "triples: %,d read, %,d kept, %,d dropped %s%n", (Long) s.get("triples_read"),
                    (Long) s.get("triples_kept"), (Long) s.get("triples_dropped"), s.get("dropped"));
            System.out.printf(Locale.ROOT, "normalized: %s%n", s.get("normalized"));
            System.out.printf(Locale.ROOT, "documents: %,d (%,d reappearing subjects, %,d split)%n", (Long) s.get("documents"),
                    (Long) s.get("subject_reappeared"), (Long) s.get("subject_split"));
            if (r.badRows() > 0) {
                System.out.printf(Locale.ROOT, "skipped %,d bad input rows: %s%n", r.badRows(), s.get("bad_rows"));
            }
            if (output != null) {
                System.out.println("output:   " + output);
            }
            if (r.metadataPath() != null) {
                System.out.println("metadata: " + r.metadataPath());
            }
        }
        return 0;
    }
}
