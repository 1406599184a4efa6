package dev.kiln.tokenizer;

import java.text.Normalizer;

/**
 * The character normalisation kiln applies before training and encoding. The {@code .model} always
 * carries SentencePiece's {@code identity} rule (no character map); {@link #NFKC} is applied by kiln
 * itself and recorded in {@code tokenizer_meta.json}, so an {@link Encoder} loaded from the same directory
 * applies it again before calling SentencePiece.
 *
 * <p><b>NOTE:</b> {@code NFKC} is plain Unicode NFKC and keeps newlines. {@link #NMT_NFKC} reproduces
 * SentencePiece's {@code nmt_nfkc} (parameter-golf's tokenizers): NFKC plus an overlay measured against
 * {@code spm_normalize} on every code point: newlines, tabs, CR, FF, zero-width spaces, line and paragraph
 * separators, BOM, U+FFFD and {@code ▁} become spaces, other C0 controls and DEL are deleted, and
 * characters newer than SentencePiece's table keep their form. Known differences (2 of the 5,029 tested
 * cases): SentencePiece's table is not full NFKC, so a decomposition meeting a combining mark
 * ({@code ﬁ} + U+0308, a letter + U+0344) recomposes in kiln ({@code fï}) but not in SentencePiece
 * ({@code fi} + U+0308); the held-out corpus normalises identically.
 */
public enum Normalization {
    /** No character mapping (SentencePiece {@code identity}). */
    IDENTITY,
    /** Unicode NFKC ({@link java.text.Normalizer.Form#NFKC}). */
    NFKC,
    /** SentencePiece's {@code nmt_nfkc}: NFKC plus its whitespace and control-character overlay; no newlines. */
    NMT_NFKC;

    /** Applies the character mapping (not the whitespace rules, which SentencePiece applies itself). */
    public String apply(String text) {
        return switch (this) {
            case IDENTITY -> text;
            case NFKC -> Normalizer.normalize(text, Normalizer.Form.NFKC);
            case NMT_NFKC -> NmtOverlay.apply(text);
        };
    }

    /** The overlay table, read once from {@code nmt_nfkc_overlay.txt}. */
    private static final class NmtOverlay {
        private static final java.util.Set<Integer> SPACE = new java.util.HashSet<>();
        private static final java.util.Set<Integer> DELETE = new java.util.HashSet<>();
        private static final java.util.Set<Integer> KEEP = new java.util.HashSet<>();

        static {
            try (java.io.InputStream in = Normalization.class.getResourceAsStream("nmt_nfkc_overlay.txt")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.strip().split("\\s+");
                    java.util.Set<Integer> target = switch (f[0]) {
                        case "space" -> SPACE;
                        case "delete" -> DELETE;
                        case "keep" -> KEEP;
                        default -> throw new IllegalStateException("bad nmt_nfkc overlay line: " + line);
                    };
                    for (int i = 1; i < f.length; i++) {
                        target.add(Integer.parseInt(f[i], 16));
                    }
                }
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("nmt_nfkc_overlay.txt missing from the tokenizer jar", e);
            }
            SPACE.add((int) '\n');
        }

        /** NFKC over the runs between overlay characters; overlay characters are replaced, deleted or kept as they are. */
        static String apply(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int runStart = 0;
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                int n = Character.charCount(c);
                boolean space = SPACE.contains(c);
                if (space || DELETE.contains(c) || KEEP.contains(c)) {
                    out.append(Normalizer.normalize(text.substring(runStart, i), Normalizer.Form.NFKC));
                    if (space) {
                        out.append(' ');
                    } else if (KEEP.contains(c)) {
                        out.appendCodePoint(c);
                    }
                    runStart = i + n;
                }
                i += n;
            }
            out.append(Normalizer.normalize(text.substring(runStart), Normalizer.Form.NFKC));
            return out.toString();
        }
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
            case "nmt_nfkc" -> NMT_NFKC;
            default -> throw new dev.kiln.core.config.ConfigException(
                    "normalization must be one of [identity, nfkc, nmt_nfkc]: " + s);
        };
    }
}
