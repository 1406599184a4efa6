package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void knownCases() {
        assertEquals(-1, Utf8.firstInvalid(bytes("plain ascii text, longer than eight bytes"), 0, 41));
        assertEquals(-1, Utf8.firstInvalid("Grüße 東京 🚀".getBytes(StandardCharsets.UTF_8), 0, "Grüße 東京 🚀".getBytes(StandardCharsets.UTF_8).length));
        assertEquals(0, first(0xC0, 0xAF));             // overlong '/'
        assertEquals(0, first(0xE0, 0x80, 0xAF));       // overlong 3-byte
        assertEquals(0, first(0xED, 0xA0, 0x80));       // UTF-16 surrogate
        assertEquals(0, first(0xF4, 0x90, 0x80, 0x80)); // above U+10FFFF
        assertEquals(0, first(0x80));                   // lone continuation
        assertEquals(1, first('a', 0xE2, 0x82));        // truncated sequence
        assertEquals(9, first('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0xFF));
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int t = 0; t < 20_000; t++) {
            byte[] b = new byte[rnd.nextInt(1, 24)];
            for (int i = 0; i < b.length; i++) {
                // mostly valid-looking: ASCII and lead/continuation bytes
                int r = rnd.nextInt(10);
                b[i] = (byte) (r < 4 ? rnd.nextInt(0x80) : r < 7 ? 0x80 + rnd.nextInt(0x40) : 0xC0 + rnd.nextInt(0x40));
            }
            assertEquals(jdkValid(b), Utf8.isValid(b, 0, b.length), () -> java.util.HexFormat.of().formatHex(b));
        }
    }

    private static boolean jdkValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int first(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return Utf8.firstInvalid(b, 0, b.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
