package dev.kiln.sharding;

import java.util.Locale;

/** The integer width of token ids in a shard file: uint16 when the vocabulary fits in 65,536 ids, else uint32. */
public enum TokenDtype {
    UINT16(2), UINT32(4);

    private final int bytes;

    TokenDtype(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per token. */
    public int bytes() {
        return bytes;
    }

    /** The largest id this width holds. */
    public long maxId() {
        return this == UINT16 ? 0xFFFFL : 0xFFFF_FFFFL;
    }

    /** The smallest width for a vocabulary of {@code vocabSize} ids. */
    public static TokenDtype forVocab(int vocabSize) {
        if (vocabSize <= 0) {
            throw new IllegalArgumentException("vocab size must be positive: " + vocabSize);
        }
        return vocabSize <= 65_536 ? UINT16 : UINT32;
    }

    /** The name written into metadata: {@code "uint16"} or {@code "uint32"} (never a class name). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenDtype parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "uint16", "u16" -> UINT16;
            case "uint32", "u32" -> UINT32;
            default -> throw new IllegalArgumentException("dtype must be uint16 or uint32: " + s);
        };
    }
}
