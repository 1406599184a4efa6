/**
 * Exact and near-duplicate removal: the exact stage, MinHash signatures, LSH banding, and the whole-corpus
 * deduplicator with its cluster report.
 *
 * <h2>Exact duplicates</h2>
 * {@link dev.kiln.dedup.ExactDedup} (stage name {@code exact_dedup}) is an ordered pipeline stage: it keys
 * each text by the 128-bit MurmurHash3 of its case- and whitespace-folded form ({@link dev.kiln.dedup.TextKey})
 * and drops every later document with a key already seen ({@code exact_duplicate}).
 *
 * <h2>Near duplicates: MinHash + LSH + verification</h2>
 * <pre>{@code
 * MinHasher h = MinHasher.create(MinHashConfig.DEFAULT);    // word 5-grams, 128 permutations; immutable, thread-safe
 * Signature a = h.sign(textA), b = h.sign(textB);
 * double j = a.estimateJaccard(b);                          // share of agreeing permutations
 * LshParams lsh = LshParams.optimal(0.85, 128);             // 12 bands x 10 rows
 * }</pre>
 * <ol>
 * <li>{@link dev.kiln.dedup.Shingler}: Lucene {@code StandardTokenizer} (UAX#29 word boundaries), lower case,
 *     diacritics folded; word n-grams (or code-point n-grams) hashed from DataSketches' 64-bit MurmurHash3.</li>
 * <li>{@link dev.kiln.dedup.MinHasher}: permutation k maps shingle hash h to {@code splitmix64(h ^ salt[k])}
 *     with independent seeded salts. <b>NOTE:</b> not {@code h1 + k*h2} double hashing, which biases the
 *     Jaccard estimate low.</li>
 * <li>{@link dev.kiln.dedup.LshParams}: bands x rows minimising the weighted false-positive + false-negative
 *     areas of the S-curve {@code 1 - (1 - s^r)^b}; weighted towards recall because every candidate is verified.</li>
 * <li>Verification: a candidate pair is joined only if its signatures agree on at least
 *     {@code ceil(threshold * numPerm)} permutations, so chains of weak LSH matches cannot glue unrelated
 *     documents together; clusters are the connected components of verified pairs (union-find), and one
 *     member per cluster is kept ({@link dev.kiln.dedup.KeepRule}).</li>
 * </ol>
 *
 * <h2>Streaming stage</h2>
 * {@link dev.kiln.dedup.NearDedup} (stage name {@code near_dedup}) runs the same signatures through an
 * in-memory {@link dev.kiln.dedup.LshIndex}: {@code add(id, signature)} returns {@code INSERTED} or
 * {@code DUPLICATE} (verified), so a YAML pipeline can drop near-duplicates of earlier documents in one pass.
 * It keeps its index on the heap; use the deduplicator below for large corpora.
 *
 * <h2>Whole corpus, bounded memory</h2>
 * {@link dev.kiln.dedup.Deduplicator#cluster} reads the input once, computes keys and signatures in
 * parallel (applied in input order: same result for any thread count), writes band records
 * {@code (bucket key, ordinal)} to a buffer that is radix-sorted and spilled to verified run files when the
 * memory budget is reached, then merges the runs in one streaming pass (bounded fan-in) while verifying
 * candidates. Signatures stay on the heap under a quarter of the budget and go to a memory-mapped file
 * beyond it. The result is identical with a 64 KiB or an 8 GiB budget. {@link dev.kiln.dedup.DedupResult}
 * then writes the cluster report and runs pass 2 ({@link dev.kiln.dedup.DedupResult#writeKept}) over the
 * same input; {@link dev.kiln.dedup.DedupJob} does it all from files (that is {@code kiln dedup}).
 *
 * <p>Sizing for 10 million documents of about 3 KB: per-document heap about 60 bytes (600 MB: ids'
 * offsets, lengths, union-find, exact-key table), band records 10M x 12 bands x 12 bytes = 1.4 GB (on disk
 * beyond half the budget), signatures 10M x 1 KiB = 10 GiB in a mapped file (page cache, not heap).
 *
 * <p><b>NOTE:</b> run dedup over the whole mix (every source, train and validation together) before the
 * split, so that no near-duplicate pair straddles train and validation.
 */
package dev.kiln.dedup;
