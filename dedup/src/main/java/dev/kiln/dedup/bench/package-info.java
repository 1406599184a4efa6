/**
 * Benchmark and measurement helpers for dedup: {@link dev.kiln.dedup.bench.Perturber} makes realistic
 * near-duplicates of real text, {@link dev.kiln.dedup.bench.SCurve} measures LSH recall per exact-Jaccard
 * bucket against theory, and {@link dev.kiln.dedup.bench.DedupBench} is {@code kiln bench dedup}.
 */
package dev.kiln.dedup.bench;
