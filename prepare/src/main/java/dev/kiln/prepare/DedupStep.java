package dev.kiln.prepare;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Step 2 of {@link Prepare}: exact and MinHash near-duplicate removal across every source's cleaned files,
 * before the split; writes each source's kept documents and the cluster report.
 */
final class DedupStep {

    private final PrepareConfig cfg;
    private final Path out;
    private final Consumer<String> log;

    DedupStep(PrepareConfig cfg, Path out, Consumer<String> log) {
        this.cfg = cfg;
        this.out = out;
        this.log = log;
    }

    Map<String, Object> run(List<Path> cleaned, List<Path> targets, Path work) throws IOException {
        PrepareConfig.Dedup d = cfg.dedup();
        DedupConfig dc = DedupConfig.defaults()
                .withMinHash(MinHashConfig.DEFAULT.withNgram(d.ngram()).withNumPerm(d.numPerm()))
                .withThreshold(d.threshold()).withMemory((long) d.memoryMb() << 20).withThreads(cfg.threads())
                .withTempDir(work.resolve("dedup-tmp"));
        Deduplicator dedup = Deduplicator.create(dc, log);
        Map<String, DocumentWriter> writers = new LinkedHashMap<>();
        try (DedupResult r = dedup.cluster(WorkFiles.concat(cleaned, log))) {
            for (int i = 0; i < cfg.sources().size(); i++) {
                writers.put(cfg.sources().get(i).name(), Formats.writer(targets.get(i)));
            }
            try (DocumentSource again = WorkFiles.concat(cleaned, log)) {
                r.writeKept(again, doc -> writers.get(doc.source()).write(doc));
            }
            r.writeReport(out.resolve("dedup_clusters.jsonl.zst"));
            for (DocumentWriter w : writers.values()) {
                w.commit();
            }
            return new LinkedHashMap<>(r.stats());
        } finally {
            for (DocumentWriter w : writers.values()) {
                w.close();
            }
            FileTrees.deleteTree(work.resolve("dedup-tmp"));
        }
    }
}
