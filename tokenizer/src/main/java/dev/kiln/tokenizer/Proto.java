package dev.kiln.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few protobuf wire-format primitives a SentencePiece {@code ModelProto} needs (varint, fixed32 float,
 * length-delimited), written and read by hand so the module needs no generated code.
 */
final class Proto {

    static final int VARINT = 0;
    static final int FIXED32 = 5;
    static final int LEN = 2;
    static final int FIXED64 = 1;

    private Proto() {
    }

    /** Appends fields to a growing buffer. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private void tag(int field, int wire) {
            rawVarint(((long) field << 3) | wire);
        }

        private void rawVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        /** int32/int64/uint64/enum; negative int32 values take ten bytes, as protobuf requires. */
        Writer varint(int field, long value) {
            tag(field, VARINT);
            rawVarint(value);
            return this;
        }

        Writer bool(int field, boolean value) {
            return varint(field, value ? 1 : 0);
        }

        Writer float32(int field, float value) {
            tag(field, FIXED32);
            int bits = Float.floatToIntBits(value);
            for (int i = 0; i < 4; i++) {
                out.write((bits >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        Writer bytes(int field, byte[] value) {
            tag(field, LEN);
            rawVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Writer string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Writer message(int field, Writer nested) {
            return bytes(field, nested.toByteArray());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Walks the fields of one message. */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;
        int field;
        int wire;

        Reader(byte[] buf) {
            this(buf, 0, buf.length);
        }

        Reader(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        /** Advances to the next field; false at the end of the message. */
        boolean next() {
            if (pos >= end) {
                return false;
            }
            long t = varint();
            field = (int) (t >>> 3);
            wire = (int) (t & 7);
            if (field == 0) {
                throw new IllegalArgumentException("invalid protobuf: field number 0 at byte " + pos);
            }
            return true;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("invalid protobuf: truncated varint");
                }
                int b = buf[pos++] & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    return v;
                }
            }
            throw new IllegalArgumentException("invalid protobuf: varint too long");
        }

        float float32() {
            check(4);
            int bits = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
            pos += 4;
            return Float.intBitsToFloat(bits);
        }

        /** The payload of a length-delimited field as a sub-reader. */
        Reader message() {
            int len = (int) varint();
            check(len);
            Reader r = new Reader(buf, pos, pos + len);
            pos += len;
            return r;
        }

        String string() {
            int len = (int) varint();
            check(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        void skip() {
            switch (wire) {
                case VARINT -> varint();
                case FIXED64 -> { check(8); pos += 8; }
                case LEN -> { int len = (int) varint(); check(len); pos += len; }
                case FIXED32 -> { check(4); pos += 4; }
                default -> throw new IllegalArgumentException("invalid protobuf: wire type " + wire);
            }
        }

        private void check(int n) {
            if (n < 0 || pos + n > end) {
                throw new IllegalArgumentException("invalid protobuf: field runs past the end of its message");
            }
        }
    }
}
