package dev.kiln.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentencePieceModelTest {

    @Test
    void byteLevelModelEncodesUtf8BytesPlusFour(@TempDir Path dir) throws Exception {
        TrainResult.writeByteLevel(dir);
        String text = "Héllo,  world\n\t🎉";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Encoder enc = Encoder.load(dir)) {
            assertEquals(260, enc.vocabSize());
            int[] ids = enc.encode(text);
            int[] expected = new int[utf8.length];
            for (int i = 0; i < utf8.length; i++) {
                expected[i] = (utf8[i] & 0xFF) + 4;
            }
            assertArrayEquals(expected, ids);
            assertEquals(text, enc.decode(ids));
            assertEquals(0, enc.pieceId("<pad>"));
            assertEquals(3, enc.pieceId("<unk>"));
        }
    }

    @Test
    void parseReadsBackWhatToBytesWrote() {
        SentencePieceModel m = SentencePieceModel.byteLevel();
        SentencePieceModel back = SentencePieceModel.parse(m.toBytes());
        assertEquals(m, back);
        assertArrayEquals(m.toBytes(), back.toBytes());
    }

    @Test
    void rejectsModelsSentencePieceWouldReject() {
        SentencePieceModel.Spec spec = SentencePieceModel.byteLevel().spec();
        var unk = new SentencePieceModel.Piece("<unk>", 0, PieceType.UNKNOWN);
        var a = new SentencePieceModel.Piece("a", 0, PieceType.NORMAL);
        assertThrows(IllegalArgumentException.class, () -> new SentencePieceModel(List.of(unk, a, a), spec));
        assertThrows(IllegalArgumentException.class, () -> new SentencePieceModel(List.of(unk, a), spec),
                "byte_fallback without the 256 byte pieces");
    }

    @Test
    void truncatedProtoIsAnErrorNotGarbage() {
        byte[] b = SentencePieceModel.byteLevel().toBytes();
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 3);
        assertThrows(IllegalArgumentException.class, () -> SentencePieceModel.parse(cut));
    }
}
