package dev.kiln.dedup;

/**
 * What dedup computes for one document before any comparison: its exact-duplicate key (two longs of the
 * normalised text's hash; zeros when exact dedup is off), its MinHash signature and its LSH band keys
 * (none for a text without shingles). {@link Deduplicator} computes these in pass 1; kiln's Spark job
 * computes them on executors with {@link Deduplicator#keysOf(String)}, so both see the same values.
 *
 * @param exact1    first half of the exact key
 * @param exact2    second half of the exact key
 * @param signature the MinHash values
 * @param bandKeys  one bucket key per band, empty when {@code empty}
 * @param empty     true when the text has no shingles: never a near-duplicate
 */
public record DocumentKeys(long exact1, long exact2, long[] signature, long[] bandKeys, boolean empty) implements java.io.Serializable {
}
