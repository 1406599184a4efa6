package dev.kiln.dedup;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.core.stage.OrderedStage;

/**
 * Streaming near-duplicate removal as a pipeline stage ({@code near_dedup}): each document is signed and
 * dropped ({@value #REASON}, value = estimated similarity) if a verified near-duplicate was kept before it,
 * otherwise indexed. Ordered, so the result is the same for any thread count; first occurrence kept.
 *
 * <p><b>NOTE:</b> the index lives in memory (about 1.5 KB per kept document with 128 permutations) and the
 * signatures are computed on the ordered thread. For large corpora, a memory budget and a cluster report,
 * use {@link Deduplicator} ({@code kiln dedup}). Unlike its union-find, a document here is compared only with
 * kept documents, so a chain A ~ B ~ C with A and C dissimilar keeps C.
 */
public final class NearDedup implements Filter, OrderedStage {

    /** Stage name and statistics key. */
    public static final String NAME = "near_dedup";
    /** Drop reason. */
    public static final String REASON = "near_duplicate";

    private final MinHasher hasher;
    private final LshIndex index;

    private NearDedup(MinHashConfig minhash, LshParams lsh, double threshold) {
        this.hasher = MinHasher.create(minhash);
        this.index = LshIndex.create(lsh, minhash.numPerm(), threshold);
    }

    /** A fresh stage; {@code lsh} null means {@link LshParams#optimal(double, int)}. */
    public static NearDedup create(MinHashConfig minhash, double threshold, LshParams lsh) {
        DedupConfig c = DedupConfig.defaults().withMinHash(minhash).withThreshold(threshold);
        return new NearDedup(minhash, lsh == null ? c.lsh() : lsh, threshold);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        LshIndex.Outcome o = index.add(doc.id(), hasher.sign(doc.text()));
        return o == LshIndex.Outcome.DUPLICATE ? Decision.drop(REASON, index.lastSimilarity()) : Decision.keep();
    }

    /** The index (for statistics). */
    public LshIndex index() {
        return index;
    }
}
