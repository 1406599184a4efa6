package dev.kiln.core.stage;

import dev.kiln.core.Document;

/**
 * One step of a document pipeline: it transforms a document, drops it with a reason, or splits it.
 *
 * <p>Stages know nothing about threads, files or counters: the runner calls {@link #process} from several
 * worker threads at once (so a stage must be thread-safe; immutable configuration plus per-call state is
 * the norm) and does every count itself. A stage whose decisions depend on documents seen before (exact
 * dedup, for instance) implements {@link OrderedStage} instead and is then called from one thread in
 * input order.
 *
 * <p>Most stages implement one of the narrower contracts: {@link Filter} (keep or drop),
 * {@link Transform} (one document in, one out) or {@link Splitter} (one in, zero or more out).
 */
public interface Stage {

    /** Stable name used as the statistics key and in logs, e.g. {@code G3_weird_symbols} or {@code gopher_quality}. */
    String name();

    /**
     * Processes one document: emits zero or more documents to {@code out}, or calls
     * {@link StageOutput#drop} once. Emitting nothing and dropping nothing is treated as a bug.
     */
    void process(Document doc, StageOutput out);
}
