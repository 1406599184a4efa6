package dev.kiln.filters;

import dev.kiln.core.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;

/** The corpora the reference knows, each with its own order of steps (reference-pipeline.md 1.1). */
public enum SourceKind {
    C4("c4"), WIKIPEDIA("wikipedia"), GUTENBERG("gutenberg");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    /** The name used on the command line and in config ({@code c4}, {@code wikipedia}, {@code gutenberg}). */
    public String id() {
        return id;
    }

    /** The source named {@code id} ({@code wiki} is accepted for {@code wikipedia}). */
    public static SourceKind of(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        if (s.equals("wiki")) {
            return WIKIPEDIA;
        }
        for (SourceKind k : values()) {
            if (k.id.equals(s)) {
                return k;
            }
        }
        throw new ConfigException("source must be one of " + Arrays.stream(values()).map(SourceKind::id).toList() + ": " + id);
    }
}
