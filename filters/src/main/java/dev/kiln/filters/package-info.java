/**
 * kiln's filters: what text is worth training on, and cleaning what is kept.
 *
 * <p>Every rule is a small {@link dev.kiln.core.stage.Stage} with its threshold as a validated constructor
 * parameter and a stable name that is also its reason code; the factory families
 * ({@link dev.kiln.filters.ReferenceFactories}, {@link dev.kiln.filters.KilnRuleFactories},
 * {@link dev.kiln.filters.CleanerFactories}, {@link dev.kiln.filters.QualityFactories}, each default a public
 * constant used by both the description and the parser) register each one by name so pipelines can be
 * written in YAML. A {@link dev.kiln.filters.Profile} is a named, ordered list of stages for one {@link dev.kiln.filters.SourceKind}; {@link dev.kiln.filters.Profiles}
 * has the built-in ones:
 * <ul>
 * <li>{@code reference}: the reference 100M-model repository's filters with its exact decisions and reason
 * ids (package {@code reference});</li>
 * <li>{@code kiln} (default): the same intent with the reference's defects fixed (package {@code rules});</li>
 * <li>{@code gopher}, {@code c4}, {@code c4_tfds}, {@code fineweb}: the published rule sets with datatrove's
 * defaults (package {@code quality}).</li>
 * </ul>
 * Wikipedia and Gutenberg text is cleaned and chunked by the stages of package {@code clean}.
 *
 * <p>Hints: run a profile on one document with {@link dev.kiln.filters.StageChain}; measure one with
 * {@link dev.kiln.filters.FilterBenchmark} ({@code kiln bench filter}).
 */
package dev.kiln.filters;
