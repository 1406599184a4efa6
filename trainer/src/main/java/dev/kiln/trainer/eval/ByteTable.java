package dev.kiln.trainer.eval;

import dev.kiln.tokenizer.PieceType;
import dev.kiln.tokenizer.SentencePieceModel;
import java.nio.charset.StandardCharsets;

/**
 * Bytes per token for bits-per-byte, exactly as parameter-golf's {@code build_sentencepiece_luts}
 * (golf-shards-and-bpb.md section 1.4): control, unknown and unused pieces and ids past the
 * tokenizer's vocabulary are boundaries worth 0 bytes; byte-fallback pieces {@code <0xNN>} are 1 byte;
 * any other piece counts the UTF-8 bytes of its text after removing one leading {@code ▁}, and that
 * space is added back only when the previous (input) token is not a boundary.
 */
public final class ByteTable {

    /** SentencePiece's whitespace marker U+2581. */
    public static final char SPACE = '\u2581';

    private final int[] baseBytes;
    private final boolean[] leadingSpace;
    private final boolean[] boundary;

    private ByteTable(int[] baseBytes, boolean[] leadingSpace, boolean[] boundary) {
        this.baseBytes = baseBytes;
        this.leadingSpace = leadingSpace;
        this.boundary = boundary;
    }

    /** Tables of size {@code max(pieces, vocab)} for the pieces of {@code model}. */
    public static ByteTable of(SentencePieceModel model, int vocab) {
        int n = Math.max(model.pieces().size(), vocab);
        int[] base = new int[n];
        boolean[] space = new boolean[n];
        boolean[] bound = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (i >= model.pieces().size()) {
                bound[i] = true;
                continue;
            }
            SentencePieceModel.Piece p = model.pieces().get(i);
            PieceType t = p.type();
            if (t == PieceType.CONTROL || t == PieceType.UNKNOWN || t == PieceType.UNUSED) {
                bound[i] = true;
            } else if (t == PieceType.BYTE) {
                base[i] = 1;
            } else {
                String s = p.piece();
                if (!s.isEmpty() && s.charAt(0) == SPACE) {
                    space[i] = true;
                    s = s.substring(1);
                }
                base[i] = s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return new ByteTable(base, space, bound);
    }

    /** Bytes scored for predicting {@code target} after input token {@code prev}. */
    public int bytes(int prev, int target) {
        return baseBytes[target] + (leadingSpace[target] && !boundary[prev] ? 1 : 0);
    }

    /** Whether {@code id} is a boundary (control, unknown, unused or out of the tokenizer's range). */
    public boolean isBoundary(int id) {
        return boundary[id];
    }

    /** Number of ids covered. */
    public int size() {
        return baseBytes.length;
    }
}
