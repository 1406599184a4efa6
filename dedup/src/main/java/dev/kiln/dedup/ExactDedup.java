package dev.kiln.dedup;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.core.stage.OrderedStage;

/**
 * Drops documents whose {@link TextKey normalised text} was seen before, keeping the first occurrence in
 * input order. Ordered: the runner calls it from one thread in input order, so the result is the same for
 * any thread count. Memory: about 33 bytes per distinct document.
 */
public final class ExactDedup implements Filter, OrderedStage {

    /** Stage name and statistics key. */
    public static final String NAME = "exact_dedup";
    /** Drop reason. */
    public static final String REASON = "exact_duplicate";

    private final Hash128Map seen;

    private ExactDedup(int expectedDocs) {
        this.seen = new Hash128Map(expectedDocs);
    }

    /** A fresh stage (empty set of seen texts). */
    public static ExactDedup create() {
        return new ExactDedup(1 << 16);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        long[] k = TextKey.of(doc.text());
        return seen.putIfAbsent(k[0], k[1], 0) < 0 ? Decision.keep() : Decision.drop(REASON, 1.0);
    }

    /** Distinct texts seen so far. */
    public int distinct() {
        return seen.size();
    }
}
