package dev.kiln.dedup;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.PathGuard;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.core.pipeline.KilnVersion;
import dev.kiln.core.pipeline.RunMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Files in, deduplicated file out: pass 1 and clustering over the inputs, the cluster report, then pass 2
 * writing the kept documents (atomically: the output appears only when complete), and the run's metadata
 * JSON with the config and every dedup statistic. This is what {@code kiln dedup} runs; {@code kiln
 * prepare} uses {@link Deduplicator} directly over all its sources before the train/validation split.
 *
 * @param inputs input arguments (paths, globs, {@code @list} files), in order
 * @param output where kept documents go (format by suffix)
 * @param clusters where the cluster report goes, or null for none
 * @param metadata the metadata JSON; null means {@code <output>.meta.json}
 * @param config dedup settings
 * @param read how documents are read
 * @param strict fail on the first bad record instead of skipping it
 * @param allowEmpty false: an input that yields nothing but bad records fails the job; true: it is counted
 */
public record DedupJob(List<String> inputs, Path output, Path clusters, Path metadata, DedupConfig config,
                       ReadOptions read, boolean strict, boolean allowEmpty) {

    public DedupJob {
        inputs = List.copyOf(inputs);
        if (output == null) {
            throw new IllegalArgumentException("dedup needs an output file");
        }
    }

    /** A job that allows inputs yielding nothing (the behaviour before {@code allowEmpty} existed). */
    public DedupJob(List<String> inputs, Path output, Path clusters, Path metadata, DedupConfig config,
                    ReadOptions read, boolean strict) {
        this(inputs, output, clusters, metadata, config, read, strict, true);
    }

    /** The metadata path actually used. */
    public Path metadataPath() {
        return metadata != null ? metadata : output.resolveSibling(output.getFileName() + ".meta.json");
    }

    /** The job's outputs by what messages call them (output, clusters, metadata); absent ones are null. */
    public Map<String, Path> outputsByName() {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("output", output);
        m.put("clusters", clusters);
        m.put("metadata", metadataPath());
        return m;
    }

    /**
     * Runs the whole dedup (an output that is an input is refused first, see {@link PathGuard}).
     *
     * @param log progress lines and bad-record reports
     * @return the metadata written (config, inputs, input problems, dedup statistics, outputs)
     */
    public Map<String, Object> run(Consumer<String> log) throws IOException {
        long t0 = System.nanoTime();
        List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        List<Path> files = Inputs.expand(inputs);
        PathGuard.checkOutputs(files, outputsByName());
        BadRecords bad = new BadRecords(strict, allowEmpty, log);
        RunMetadata meta = new RunMetadata("dedup", KilnVersion.get());
        meta.put("config", config.toMap());
        meta.files("inputs", files);
        Deduplicator dedup = Deduplicator.create(config, log);
        try (DedupResult result = clusterFiles(dedup, files, read, bad)) {
            if (clusters != null) {
                result.writeReport(clusters);
                log.accept("dedup: wrote " + result.clusterCount() + " clusters to " + clusters);
            }
            long written;
            // pass 2 reads the same records; its problems were already reported and counted by pass 1
            BadRecords quiet = new BadRecords(false, line -> { });
            long t2 = System.nanoTime();
            try (FileSource src = FileSource.of(files, read, strict ? bad : quiet);
                 DocumentWriter w = Formats.writer(output)) {
                written = result.writeKept(src, w::write);
                w.commit();
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("files", files.size());
            input.put("bad_records", bad.total());
            input.put("bad_records_by_kind", bad.countsByKind());
            input.put("failed_inputs", bad.failedInputs());
            meta.put("input", input);
            Map<String, Object> stats = new LinkedHashMap<>(result.stats());
            stats.remove("config");
            stats.put("docs_written", written);
            stats.put("write_pass_seconds", Math.round((System.nanoTime() - t2) / 1e6) / 1e3);
            stats.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
            long peak = 0;
            for (java.lang.management.MemoryPoolMXBean p : heap) {
                peak += p.getPeakUsage().getUsed();
            }
            // garbage included: the JVM collects lazily below -Xmx, so this is an upper bound on what dedup needs
            stats.put("heap_peak_mib", peak >> 20);
            stats.put("heap_max_mib", Runtime.getRuntime().maxMemory() >> 20);
            meta.put("dedup", stats);
            List<Path> outs = new ArrayList<>(List.of(output));
            if (clusters != null) {
                outs.add(clusters);
            }
            meta.files("outputs", outs);
            meta.write(metadataPath());
            log.accept(String.format(java.util.Locale.ROOT, "dedup: kept %,d of %,d documents -> %s", written, result.docsIn(), output));
            return meta.asMap();
        }
    }

    /** Pass 1 and clustering over files. */
    public static DedupResult clusterFiles(Deduplicator dedup, List<Path> files, ReadOptions read, BadRecords bad) throws IOException {
        try (FileSource src = FileSource.of(files, read, bad)) {
            return dedup.cluster(src);
        }
    }
}
