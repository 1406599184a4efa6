package dev.kiln.dedup;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.FileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Files in, deduplicated file out: pass 1 and clustering over {@code inputs}, the cluster report, then
 * pass 2 writing the kept documents to {@code output} (atomically: the output appears only when complete).
 * This is what {@code kiln dedup} runs; {@code kiln prepare} uses {@link Deduplicator} directly over all
 * its sources before the train/validation split.
 */
public final class DedupJob {

    private DedupJob() {
    }

    /**
     * Runs the whole dedup.
     *
     * @param inputs input files, already expanded, in order
     * @param output where kept documents go (format by suffix)
     * @param clusters where the cluster report goes, or null for none
     * @param config dedup settings
     * @param read how documents are read
     * @param bad bad-record policy; used by both passes (problems are reported once, by pass 1)
     * @param log progress lines
     * @return statistics for the run metadata (dedup counts, then {@code docs_written}, {@code seconds})
     */
    public static Map<String, Object> run(List<Path> inputs, Path output, Path clusters, DedupConfig config,
                                          ReadOptions read, BadRecords bad, Consumer<String> log) throws IOException {
        long t0 = System.nanoTime();
        Deduplicator dedup = Deduplicator.create(config, log);
        try (DedupResult result = clusterFiles(dedup, inputs, read, bad)) {
            if (clusters != null) {
                result.writeReport(clusters);
                log.accept("dedup: wrote " + result.clusterCount() + " clusters to " + clusters);
            }
            long written;
            BadRecords quiet = new BadRecords(false, line -> { });
            try (FileSource src = FileSource.of(inputs, read, bad.strict() ? bad : quiet);
                 DocumentWriter w = Formats.writer(output)) {
                written = result.writeKept(src, w::write);
                w.commit();
            }
            Map<String, Object> m = new LinkedHashMap<>(result.stats());
            m.put("docs_written", written);
            m.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
            log.accept(String.format(java.util.Locale.ROOT, "dedup: kept %,d of %,d documents -> %s", written, result.docsIn(), output));
            return m;
        }
    }

    /** Pass 1 and clustering over files. */
    public static DedupResult clusterFiles(Deduplicator dedup, List<Path> inputs, ReadOptions read, BadRecords bad) throws IOException {
        try (FileSource src = FileSource.of(inputs, read, bad)) {
            return dedup.cluster(src);
        }
    }
}
