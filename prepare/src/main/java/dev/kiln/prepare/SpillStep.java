package dev.kiln.prepare;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.util.FileTrees;
import dev.kiln.tokenizer.Encoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Step 4 of {@link Prepare}, once per source: splits, tokenizes (batches encoded on the runner's threads)
 * and spills every document into the seeded shuffle buckets, with its BOS or EOS boundary token.
 * Sequence numbers are unique across sources ({@code source << 40}).
 */
final class SpillStep {

    private static final int SPILL_BATCH = 1024;

    private final PrepareConfig cfg;
    private final RunnerOptions runner;
    private final Consumer<String> log;
    private final Encoder enc;
    private final Split split;
    private final int bits;
    private final int bos;
    private final int eos;

    SpillStep(PrepareConfig cfg, RunnerOptions runner, Consumer<String> log, Encoder enc, Split split, int bits, int bos, int eos) {
        this.cfg = cfg;
        this.runner = runner;
        this.log = log;
        this.enc = enc;
        this.split = split;
        this.bits = bits;
        this.bos = bos;
        this.eos = eos;
    }

    /** Tokenizes one source into its own spill folder; sequence numbers are unique across sources. */
    Map<String, Object> run(int s, List<Path> files, Path dir) throws IOException {
        FileTrees.deleteTree(dir);
        String name = cfg.sources().get(s).name();
        long seq = (long) s << 40;
        long[] docsBy = new long[2];
        long[] tokBy = new long[2];
        try (ShuffleSpill spill = ShuffleSpill.create(dir, bits); DocumentSource src = WorkFiles.concat(files, log)) {
            List<Document> batch = new ArrayList<>(SPILL_BATCH);
            boolean more = true;
            while (more) {
                Document d = src.next();
                if (d != null) {
                    batch.add(d);
                }
                more = d != null;
                if (batch.size() == SPILL_BATCH || (!more && !batch.isEmpty())) {
                    int[][] ids = enc.encodeAll(batch.stream().map(Document::text).toList(), runner.effectiveThreads());
                    for (int i = 0; i < batch.size(); i++) {
                        Split.Part part = split.of(Prepare.identity(batch.get(i)));
                        int[] withBoundary = boundary(ids[i]);
                        String key = name + "\u0000" + batch.get(i).id();
                        spill.add(part, StableHash.hash64(key, cfg.seed()), StableHash.hash64(key, ~cfg.seed()), seq++, s, withBoundary);
                        docsBy[part.ordinal()]++;
                        tokBy[part.ordinal()] += withBoundary.length;
                    }
                    batch.clear();
                }
            }
            spill.finish();
            spill.keep();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_documents_available", docsBy[0]);
        m.put("train_tokens_available", tokBy[0]);
        m.put("val_documents_available", docsBy[1]);
        m.put("val_tokens_available", tokBy[1]);
        return m;
    }

    private int[] boundary(int[] ids) {
        int[] out = new int[ids.length + 1];
        if (cfg.boundary().equals("bos")) {
            out[0] = bos;
            System.arraycopy(ids, 0, out, 1, ids.length);
        } else {
            System.arraycopy(ids, 0, out, 0, ids.length);
            out[ids.length] = eos;
        }
        return out;
    }
}
