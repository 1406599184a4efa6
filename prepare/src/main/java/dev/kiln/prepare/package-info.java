/**
 * {@code kiln prepare}: the data job from raw corpora to training shards, as a short list of resumable
 * steps ({@link dev.kiln.prepare.Prepare}, configured by {@link dev.kiln.prepare.PrepareConfig}).
 *
 * <ol>
 *   <li>clean and filter each input file with its source's profile (one step per file, the shared
 *       {@link dev.kiln.core.pipeline.PipelineJob}, rejects kept on request);</li>
 *   <li>dedup across all sources before the split (exact and MinHash near duplicates);</li>
 *   <li>train the tokenizer on the train side of the split, unless one is given;</li>
 *   <li>per source: split by a seeded hash of the document identity ({@link dev.kiln.prepare.Split}),
 *       tokenize, spill into seeded shuffle buckets ({@link dev.kiln.prepare.ShuffleSpill});</li>
 *   <li>mix by token quotas ({@link dev.kiln.prepare.MixPlan}, {@link dev.kiln.prepare.MixAssembler}:
 *       a dry source's shortfall is filled by the others unless {@code exact_mix}), write the shards
 *       (formats in {@code dev.kiln.sharding}), the golf manifest
 *       ({@link dev.kiln.prepare.GolfManifestBuilder}) and, last, {@code data_meta.json}
 *       ({@link dev.kiln.sharding.DataMeta}).</li>
 * </ol>
 * Steps run through {@link dev.kiln.core.steps.StepExecutor}, so an interrupted run resumes and ends with
 * the same bytes; same inputs and seed give the same bytes for any thread count.
 */
package dev.kiln.prepare;
