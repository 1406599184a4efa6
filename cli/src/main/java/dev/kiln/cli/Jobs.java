package dev.kiln.cli;

import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineJob;
import dev.kiln.core.pipeline.RunMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a document job for a CLI verb: inputs → pipeline → output (+ rejects, + metadata JSON), with the
 * progress display, then prints the summary table. Commands call this and contain no logic of their own.
 */
public final class Jobs {

    private Jobs() {
    }

    /**
     * Runs {@code pipeline} over {@code inputs} into {@code output}.
     *
     * @param verb the command name (metadata, progress label)
     * @param extraMeta adds module sections to the metadata before it is written; may be null
     */
    public static PipelineJob.Result run(String verb, List<String> inputs, InputOptions in, CommonOptions common,
                                         Path output, Path rejects, Pipeline pipeline, Map<String, Object> config,
                                         Consumer<RunMetadata> extraMeta) throws IOException {
        PipelineJob job = new PipelineJob(verb, inputs, in.readOptions(), output, rejects, common.meta, common.strict,
                common.runner(), config, common.allowEmpty);
        PipelineJob.Result r = job.run(pipeline, new ProgressReporter(verb, common.quiet), System.err::println, extraMeta);
        if (!common.quiet) {
            printSummary(System.out, r, output, rejects);
        }
        return r;
    }

    /** Prints the stage table, bad-record counts and where the outputs went. */
    public static void printSummary(PrintStream out, PipelineJob.Result r, Path output, Path rejects) {
        out.println();
        out.print(r.stats().summaryTable());
        if (r.badRecords() > 0) {
            out.printf(Locale.ROOT, "skipped %,d bad input records: %s%n", r.badRecords(), r.badByKind());
        }
        if (output != null) {
            out.println("output:   " + output);
        }
        if (rejects != null) {
            out.println("rejects:  " + rejects);
        }
        if (r.metadataPath() != null) {
            out.println("metadata: " + r.metadataPath());
        }
    }
}
