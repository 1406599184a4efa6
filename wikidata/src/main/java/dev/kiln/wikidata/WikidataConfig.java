package dev.kiln.wikidata;

import dev.kiln.wikidata.io.TripleFormat;
import dev.kiln.wikidata.text.Mode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How triples become documents.
 *
 * @param mode text (sentences, default), raw (Loka lines) or linear (KELM-style)
 * @param templates a templates file that overrides/extends the bundled one, or null
 * @param vary choose among template variants by {@code seed} (default off: always the first variant)
 * @param seed seed for the variant choice (default {@value #DEFAULT_SEED})
 * @param normalize which triples to keep ({@link NormalizeConfig#DEFAULT})
 * @param maxTriplesPerDocument a subject with more triples continues in a further document
 *        (default {@value #DEFAULT_MAX_TRIPLES}); bounds memory
 * @param format the input format, or null to detect it per file ({@link TripleFormat#detect})
 * @param source the {@code source} stamped on documents (default {@code wikidata})
 */
public record WikidataConfig(Mode mode, Path templates, boolean vary, long seed,
                             NormalizeConfig normalize, int maxTriplesPerDocument, TripleFormat format, String source) {

    public static final long DEFAULT_SEED = 12345L;
    public static final int DEFAULT_MAX_TRIPLES = 10_000;

    /** Text mode, bundled templates, no variation, default normalization. */
    public static final WikidataConfig DEFAULT = new WikidataConfig(Mode.TEXT, null, false, DEFAULT_SEED,
            NormalizeConfig.DEFAULT, DEFAULT_MAX_TRIPLES, null, "wikidata");

    public WikidataConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(normalize, "normalize");
        dev.kiln.core.config.ConfigException.checkRange("max_triples_per_document", maxTriplesPerDocument, 1, 10_000_000);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be named");
        }
    }

    public WikidataConfig withMode(Mode m) {
        return new WikidataConfig(m, templates, vary, seed, normalize, maxTriplesPerDocument, format, source);
    }

    public WikidataConfig withTemplates(Path file) {
        return new WikidataConfig(mode, file, vary, seed, normalize, maxTriplesPerDocument, format, source);
    }

    /** Seeded variation on, with {@code s}. */
    public WikidataConfig withVariation(long s) {
        return new WikidataConfig(mode, templates, true, s, normalize, maxTriplesPerDocument, format, source);
    }

    public WikidataConfig withNormalize(NormalizeConfig n) {
        return new WikidataConfig(mode, templates, vary, seed, n, maxTriplesPerDocument, format, source);
    }

    public WikidataConfig withMaxTriplesPerDocument(int n) {
        return new WikidataConfig(mode, templates, vary, seed, normalize, n, format, source);
    }

    public WikidataConfig withFormat(TripleFormat f) {
        return new WikidataConfig(mode, templates, vary, seed, normalize, maxTriplesPerDocument, f, source);
    }
}
