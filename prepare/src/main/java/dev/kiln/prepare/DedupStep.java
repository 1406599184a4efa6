package dev.kiln.prepare;

import dev.kiln.core.Document;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.util.FileTrees;
import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.DedupResult;
import dev.kiln.dedup.Deduplicator;
import dev.kiln.dedup.MinHashConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Step 2 of {@link Prepare}: exact and MinHash near-duplicate removal across every source's cleaned files,
 * before the split; writes each unit's kept documents (the same units as the clean step's) and the cluster
 * report.
 */
public final class DedupStep {

    private final PrepareConfig cfg;
    private final Path out;
    private final Consumer<String> log;

    DedupStep(PrepareConfig cfg, Path out, Consumer<String> log) {
        this.cfg = cfg;
        this.out = out;
        this.log = log;
    }

    /** Dedups all of {@code cleaned} (per source, per unit) and writes each unit's kept documents to its place in {@code targets}. */
    PrepareEngine.DedupOutcome run(List<List<Path>> cleaned, List<List<Path>> targets, Path work) throws IOException {
        Deduplicator dedup = Deduplicator.create(config(cfg, work), log);
        List<Path> all = cleaned.stream().flatMap(List::stream).toList();
        try (DedupResult r = dedup.cluster(WorkFiles.concat(all, log))) {
            List<List<Long>> kept = new ArrayList<>();
            long ordinal = 0;
            for (int s = 0; s < cleaned.size(); s++) {
                List<Long> perUnit = new ArrayList<>();
                for (int u = 0; u < cleaned.get(s).size(); u++) {
                    long n = 0;
                    try (DocumentSource in = WorkFiles.concat(List.of(cleaned.get(s).get(u)), log);
                         DocumentWriter w = Formats.writer(targets.get(s).get(u))) {
                        Document d;
                        while ((d = in.next()) != null) {
                            if (r.isKept(ordinal++)) {
                                w.write(d);
                                n++;
                            }
                        }
                        w.commit();
                    }
                    perUnit.add(n);
                }
                kept.add(perUnit);
            }
            if (ordinal != r.docsIn()) {
                throw new IOException("dedup re-read " + ordinal + " documents, pass 1 read " + r.docsIn() + ". HINT: the work folder changed during dedup");
            }
            r.writeReport(out.resolve(REPORT));
            return new PrepareEngine.DedupOutcome(new LinkedHashMap<>(r.stats()), kept);
        } finally {
            FileTrees.deleteTree(work.resolve("dedup-tmp"));
        }
    }

    /** The cluster report's file name in the output folder. */
    public static final String REPORT = "dedup_clusters.jsonl.zst";

    /** The dedup configuration {@code cfg} asks for (temporary files under {@code work}). */
    public static DedupConfig config(PrepareConfig cfg, Path work) {
        PrepareConfig.Dedup d = cfg.dedup();
        return DedupConfig.defaults()
                .withMinHash(MinHashConfig.DEFAULT.withNgram(d.ngram()).withNumPerm(d.numPerm()))
                .withThreshold(d.threshold()).withMemory((long) d.memoryMb() << 20).withThreads(cfg.threads())
                .withTempDir(work.resolve("dedup-tmp"));
    }

    /** The kept documents of unit {@code unit} of source {@code s}, under the work folder. */
    public static Path target(Path work, PrepareConfig.Source s, int unit) {
        return work.resolve("dedup").resolve(s.name()).resolve(String.format(java.util.Locale.ROOT, "%05d.jsonl.zst", unit));
    }
}
