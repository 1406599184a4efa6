package dev.kiln.core.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) with an
 * eight-bytes-at-a-time ASCII fast path. Readers validate before decoding because {@code new String(bytes,
 * UTF_8)} silently replaces bad bytes with U+FFFD, which would hide corrupt input inside the corpus.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when all of it is valid. */
    static int firstInvalid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            while (i + 8 <= end && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int c0 = b[i] & 0xFF;
            if (c0 < 0x80) {
                i++;
            } else if (c0 < 0xC2) {
                return i; // stray continuation byte or overlong 2-byte form
            } else if (c0 < 0xE0) {
                if (i + 1 >= end || !cont(b[i + 1])) {
                    return i;
                }
                i += 2;
            } else if (c0 < 0xF0) {
                if (i + 2 >= end) {
                    return i;
                }
                int c1 = b[i + 1] & 0xFF;
                if (!cont(b[i + 1]) || !cont(b[i + 2]) || (c0 == 0xE0 && c1 < 0xA0) || (c0 == 0xED && c1 >= 0xA0)) {
                    return i; // overlong 3-byte form or UTF-16 surrogate
                }
                i += 3;
            } else if (c0 < 0xF5) {
                if (i + 3 >= end) {
                    return i;
                }
                int c1 = b[i + 1] & 0xFF;
                if (!cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3]) || (c0 == 0xF0 && c1 < 0x90) || (c0 == 0xF4 && c1 >= 0x90)) {
                    return i; // overlong 4-byte form or above U+10FFFF
                }
                i += 4;
            } else {
                return i;
            }
        }
        return -1;
    }

    static boolean isValid(byte[] b, int off, int len) {
        return firstInvalid(b, off, len) < 0;
    }

    /** The decoded string, or null when the bytes are not valid UTF-8. */
    static String decode(byte[] b, int off, int len) {
        return isValid(b, off, len) ? new String(b, off, len, StandardCharsets.UTF_8) : null;
    }

    private static boolean cont(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
