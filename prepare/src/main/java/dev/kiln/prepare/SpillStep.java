package dev.kiln.prepare;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.OrderedParallelMap;
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
 * and spills every document into the seeded shuffle buckets, with its BOS or EOS boundary token. One pool
 * per source ({@link OrderedParallelMap}), not one per batch.
 * Sequence numbers are unique across sources ({@code source << 40}) and follow input order within one, so
 * a source spilled in several parts (one per unit, each starting at its first document's number) reads
 * back in the same order as one spilled whole.
 */
public final class SpillStep {

    private static final int SPILL_BATCH = 256;

    private final PrepareConfig cfg;
    private final RunnerOptions runner;
    private final Consumer<String> log;
    private final Encoder enc;
    private final Split split;
    private final int bits;
    private final int bos;
    private final int eos;

    /**
     * @param cfg    the configuration
     * @param runner threads
     * @param log    one-line messages
     * @param spec   tokenizer, split, bucket bits and boundary ids
     */
    public SpillStep(PrepareConfig cfg, RunnerOptions runner, Consumer<String> log, PrepareEngine.SpillSpec spec) {
        this.cfg = cfg;
        this.runner = runner;
        this.log = log;
        this.enc = spec.encoder();
        this.split = spec.split();
        this.bits = spec.bits();
        this.bos = spec.bos();
        this.eos = spec.eos();
    }

    /** The sequence number of the document at position {@code index} (from 0) of source {@code source}. */
    public static long firstSeq(int source, long index) {
        return ((long) source << 40) + index;
    }

    /**
     * Tokenizes documents of source {@code s} into the spill folder {@code dir} (replaced), numbering them
     * from {@code firstSeq}; returns documents and tokens available per split.
     */
    public Map<String, Object> run(int s, List<Path> files, Path dir, long firstSeq) throws IOException {
        FileTrees.deleteTree(dir);
        String name = cfg.sources().get(s).name();
        long[] seq = {firstSeq};
        long[] docsBy = new long[2];
        long[] tokBy = new long[2];
        int threads = runner.effectiveThreads();
        try (ShuffleSpill spill = ShuffleSpill.create(dir, bits); DocumentSource src = WorkFiles.concat(files, log)) {
            // one pool for the whole source; batches are encoded in parallel and spilled in input order
            OrderedParallelMap.run("kiln-spill", threads, Math.max(1, threads) * 4, () -> nextBatch(src), batch -> {
                int[][] ids = new int[batch.size()][];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = boundary(enc.encode(batch.get(i).text()));
                }
                return new Encoded(batch, ids);
            }, e -> {
                for (int i = 0; i < e.ids().length; i++) {
                    Document d = e.docs().get(i);
                    Split.Part part = split.of(Prepare.identity(d));
                    String key = name + "\u0000" + d.id();
                    spill.add(part, StableHash.hash64(key, cfg.seed()), StableHash.hash64(key, ~cfg.seed()), seq[0]++, s, e.ids()[i]);
                    docsBy[part.ordinal()]++;
                    tokBy[part.ordinal()] += e.ids()[i].length;
                }
            });
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

    /** A batch of documents with their token ids, boundary token included. */
    private record Encoded(List<Document> docs, int[][] ids) {
    }

    /** The next {@value #SPILL_BATCH} documents of {@code src}, null at the end. */
    private static List<Document> nextBatch(DocumentSource src) throws IOException {
        List<Document> batch = new ArrayList<>(SPILL_BATCH);
        Document d;
        while (batch.size() < SPILL_BATCH && (d = src.next()) != null) {
            batch.add(d);
        }
        return batch.isEmpty() ? null : batch;
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
