package dev.kiln.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ids back to text with SentencePiece's {@code Decode} rules, in Java: control pieces vanish, unk becomes
 * {@code " ⁇ "}, runs of byte pieces are joined and read as UTF-8 (each invalid byte U+FFFD), {@code ▁}
 * becomes a space, and the first piece's leading {@code ▁} is dropped when the model adds a dummy prefix
 * or removes extra whitespace.
 *
 * <p>Why not the JNI: DJL's native decode returns its string through JNI's modified UTF-8, which cuts
 * the text at the first character outside the Basic Multilingual Plane (an emoji decodes as {@code ð} and
 * the rest is lost). Encoding through DJL is not affected.
 */
final class PieceDecoder {

    private static final String UNK_SURFACE = " \u2047 ";

    private final String[] surface;
    private final byte[] byteValue;
    private final boolean[] control;
    private final boolean[] unknown;
    private final boolean stripFirstSpace;

    PieceDecoder(SentencePieceModel model) {
        List<SentencePieceModel.Piece> ps = model.pieces();
        int n = ps.size();
        surface = new String[n];
        byteValue = new byte[n];
        control = new boolean[n];
        unknown = new boolean[n];
        boolean[] isByte = new boolean[n];
        for (int i = 0; i < n; i++) {
            SentencePieceModel.Piece p = ps.get(i);
            switch (p.type()) {
                case CONTROL -> control[i] = true;
                case UNKNOWN -> unknown[i] = true;
                case BYTE -> {
                    isByte[i] = true;
                    byteValue[i] = (byte) Integer.parseInt(p.piece().substring(3, 5), 16);
                }
                default -> surface[i] = p.piece();
            }
        }
        this.isByte = isByte;
        SentencePieceModel.Spec s = model.spec();
        this.stripFirstSpace = s.addDummyPrefix() || s.removeExtraWhitespaces();
    }

    private final boolean[] isByte;

    String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (int id : ids) {
            if (id < 0 || id >= surface.length) {
                throw new IllegalArgumentException("id " + id + " is outside the vocabulary [0, " + surface.length + ")");
            }
            if (isByte[id]) {
                bytes.write(byteValue[id]);
                continue;
            }
            flush(bytes, out);
            if (control[id]) {
                continue;
            }
            String piece = unknown[id] ? UNK_SURFACE : surface[id];
            if (first && stripFirstSpace && !unknown[id] && piece.charAt(0) == Pretokenizer.WS) {
                piece = piece.substring(1);
            }
            out.append(piece.replace(Pretokenizer.WS, ' '));
            first = out.isEmpty();
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes.toByteArray())));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
        bytes.reset();
    }
}
