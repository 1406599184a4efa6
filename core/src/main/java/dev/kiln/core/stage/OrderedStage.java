package dev.kiln.core.stage;

/**
 * A stage that keeps state across documents (for example the set of exact-duplicate hashes already
 * seen). The runner calls it from a single thread, in input order, after the stateless stages before it
 * have run in parallel; every stage after the first ordered stage of a pipeline runs on that thread too.
 * This is what keeps output identical for any thread count.
 */
public interface OrderedStage extends Stage {
}
