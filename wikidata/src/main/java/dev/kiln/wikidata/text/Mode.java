package dev.kiln.wikidata.text;

import java.util.Locale;

/** How a subject's triples become a document's text. */
public enum Mode {
    /** Sentences from templates, one per property ("France is a country. The capital of France is Paris."). */
    TEXT,
    /** Loka's format: one {@code subject TAB predicate TAB object} line per triple. */
    RAW,
    /** KELM/TekGen-style linearisation: {@code subject p1 o1 p2 o2 ...} on one line. */
    LINEAR;

    /** The mode named {@code name} ({@code text}, {@code raw}, {@code linear}). */
    public static Mode of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be one of text, raw, linear: '" + name + "'");
        }
    }
}
