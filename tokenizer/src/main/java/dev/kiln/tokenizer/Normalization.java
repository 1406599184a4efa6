package dev.kiln.tokenizer;

import java.text.Normalizer;

/**
 * The character normalisation kiln applies before training and encoding. The {@code .model} always
 * carries SentencePiece's {@code identity} rule (no character map); {@link #NFKC} is applied by kiln
 * itself and recorded in {@code tokenizer_meta.json}, so an {@link Encoder} loaded from the same directory
 * applies it again before calling SentencePiece.
 *
 * <p><b>NOTE:</b> {@code NFKC} is plain Unicode NFKC. It is not SentencePiece's {@code nmt_nfkc}, which also
 * turns newlines, tabs and zero-width characters into spaces: kiln keeps newlines.
 */
public enum Normalization {
    /** No character mapping (SentencePiece {@code identity}). */
    IDENTITY,
    /** Unicode NFKC ({@link java.text.Normalizer.Form#NFKC}). */
    NFKC;

    /** Applies the character mapping (not the whitespace rules, which SentencePiece applies itself). */
    public String apply(String text) {
        return this == NFKC ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
    }

    /** The lower-case name used in metadata and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code identity} or {@code nfkc} (case-insensitive). */
    public static Normalization parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "identity" -> IDENTITY;
            case "nfkc" -> NFKC;
            default -> throw new dev.kiln.core.config.ConfigException(
                    "normalization must be one of [identity, nfkc]: " + s);
        };
    }
}
