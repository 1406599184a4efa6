/**
 * Stages: the unit of document processing. Read this first.
 *
 * <h2>What a stage is</h2>
 * A {@link dev.kiln.core.stage.Stage} takes one {@link dev.kiln.core.Document} and either emits documents
 * (usually one, possibly changed) or drops it with a reason. Most stages implement a narrower contract:
 * <ul>
 *   <li>{@link dev.kiln.core.stage.Filter}: keep, or {@code Decision.drop(reason, value)}, where the value is
 *       what was measured (a ratio, a count), so the rejects file shows how far a document was from the
 *       threshold;</li>
 *   <li>{@link dev.kiln.core.stage.Transform}: one document in, one out (Gutenberg header stripping,
 *       wikitext cleaning);</li>
 *   <li>{@link dev.kiln.core.stage.Splitter}: one in, zero or more out (chunking).</li>
 * </ul>
 * A stage holds only immutable configuration (thresholds as validated constructor parameters), is
 * thread-safe, and counts nothing itself: the runner counts documents and characters in and out, drops per
 * reason and time for every stage. A stage that must see documents in input order (it remembers what it
 * saw, like exact dedup) implements {@link dev.kiln.core.stage.OrderedStage}; the runner then calls it on
 * one thread, in order.
 *
 * <h2>A filter in a few lines</h2>
 * <pre>{@code
 * public final class MinWordsFilter implements Filter {
 *     public static final String REASON = "too_few_words";
 *     private final int minWords;
 *
 *     public MinWordsFilter(int minWords) {
 *         this.minWords = ConfigException.checkRange("min_words", minWords, 1, 1_000_000);
 *     }
 *
 *     public String name() { return "min_words"; }
 *
 *     public Decision test(Document doc) {
 *         int n = doc.text().split("\\s+").length;
 *         return n >= minWords ? Decision.keep() : Decision.drop(REASON, n);
 *     }
 * }
 * }</pre>
 *
 * <h2>Making it usable from YAML and profiles</h2>
 * A {@link dev.kiln.core.stage.StageFactory} gives the stage a stable name, a one-line description and a
 * {@code create(Params)} that reads every parameter through {@link dev.kiln.core.stage.Params}' validated
 * getters (a wrong type or out-of-range value is a one-line error naming the key) and ends with
 * {@code params.checkAllUsed()}, so a misspelt key fails instead of silently keeping a default. List the
 * factory in {@code META-INF/services/dev.kiln.core.stage.StageFactory}; the
 * {@link dev.kiln.core.stage.StageRegistry} then finds it, {@code kiln stages} lists it, and pipeline files
 * ({@code kiln run --config}) and filter profiles can name it.
 *
 * <p>Where stages run: {@link dev.kiln.core.pipeline} (the runner, the job shape every document command
 * shares). Test a new stage with real text, one document kept and one dropped with the exact reason, and
 * through {@link dev.kiln.core.pipeline.PipelineRunner} as well as directly.
 */
package dev.kiln.core.stage;
