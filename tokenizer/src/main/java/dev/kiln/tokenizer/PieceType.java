package dev.kiln.tokenizer;

/** {@code ModelProto.SentencePiece.Type}, with the numbers of SentencePiece's proto. */
public enum PieceType {
    NORMAL(1), UNKNOWN(2), CONTROL(3), USER_DEFINED(4), UNUSED(5), BYTE(6);

    /** The proto enum number. */
    public final int number;

    PieceType(int number) {
        this.number = number;
    }

    static PieceType of(int number) {
        for (PieceType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown SentencePiece piece type " + number);
    }
}
