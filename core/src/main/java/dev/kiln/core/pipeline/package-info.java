/**
 * Running stages over document streams: deterministic, parallel, bounded in memory.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link dev.kiln.core.pipeline.DocumentSource}: where documents come from
 *       ({@link dev.kiln.core.pipeline.FileSource} reads JSONL, Parquet, Arrow, text, compressed or not,
 *       reporting bad records to a {@link dev.kiln.core.io.BadRecords});</li>
 *   <li>{@link dev.kiln.core.pipeline.Pipeline}: an ordered list of {@link dev.kiln.core.stage.Stage}s with
 *       unique names;</li>
 *   <li>{@link dev.kiln.core.pipeline.PipelineRunner}: runs a pipeline from a source to a
 *       {@link dev.kiln.core.pipeline.DocumentSink}, optionally sending dropped documents to a rejects
 *       sink, and returns {@link dev.kiln.core.pipeline.RunStats} (per-stage {@link
 *       dev.kiln.core.pipeline.StageStats}; statistics of several runs add up with {@code plus});</li>
 *   <li>{@link dev.kiln.core.pipeline.PipelineJob}: the whole shape of a document command (inputs →
 *       pipeline → output, rejects, metadata JSON), used by {@code kiln filter}, {@code convert},
 *       {@code run} and by {@code kiln prepare}'s clean steps.</li>
 * </ul>
 *
 * <h2>How the runner orders work</h2>
 * One reader thread cuts the input into numbered units of documents; worker threads run every stage up
 * to the first {@link dev.kiln.core.stage.OrderedStage} on whole units; the calling thread puts finished
 * units back in input order, runs the ordered stages, and hands documents to the sink in input order. A
 * bounded number of units in flight gives back-pressure. Because each parallel stage sees documents
 * independently and units are re-ordered before anything is written, the output bytes are the same for 1
 * thread or 64. A stage that throws on a document does not kill the run: the document is counted as a
 * drop with reason {@code error:<exception class>} and the run goes on.
 *
 * <h2>Adding a stage to a run</h2>
 * Write it ({@link dev.kiln.core.stage}), then either build a {@code Pipeline.of(...)} in code, name it in
 * a filter profile, or list it in a pipeline file for {@code kiln run --config} ({@link
 * dev.kiln.core.pipeline.PipelineSpec}). Outputs are written through {@link dev.kiln.core.io.AtomicFile}
 * and appear only when the run completes; long jobs made of several runs resume through
 * {@link dev.kiln.core.steps.StepExecutor}.
 */
package dev.kiln.core.pipeline;
