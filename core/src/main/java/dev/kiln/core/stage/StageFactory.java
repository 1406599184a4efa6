package dev.kiln.core.stage;

/**
 * Builds a stage by name from config parameters, so pipelines can be written in YAML
 * ({@code stages: [{name: gopher_quality, min_words: 50}]}). Implementations are registered in
 * {@code META-INF/services/dev.kiln.core.stage.StageFactory} and found by {@link StageRegistry}, the way
 * Lucene finds its analysis factories.
 */
public interface StageFactory {

    /** The stable name used in config files, e.g. {@code length} or {@code C6_entropy}. */
    String name();

    /** One line saying what the stage does and its parameters with defaults (for {@code kiln stages}). */
    String description();

    /**
     * Creates the stage. Read every parameter from {@code params} (validated) and call
     * {@link Params#checkAllUsed()} before returning.
     */
    Stage create(Params params);
}
