package dev.kiln.core.io;

import java.nio.charset.StandardCharsets;

/**
 * Parses a JSON Lines record that is one flat object (string, number, {@code true}, {@code false} and
 * {@code null} values) straight from its UTF-8 bytes, without Jackson's token machinery: the fast path of
 * {@link JsonlReader}. Values are what Jackson's general path would give (String, Long, Double, Boolean,
 * null); field order and duplicate fields are kept as they come.
 *
 * <p>{@link #parse} returns false for anything it does not take: nested objects or arrays, malformed JSON,
 * unescaped control characters, escapes of lone surrogates, integers over 18 digits, numbers over 100
 * characters or out of double range. The caller then parses the line with Jackson, so every error is
 * reported, worded and counted exactly as before. The line must already be valid UTF-8.
 *
 * <p><b>NOTE:</b> not thread-safe, and the parsed fields are valid until the next {@link #parse}.
 */
final class FlatJson {

    static final byte STRING = 0;
    static final byte NUMBER = 1;
    static final byte BOOLEAN = 2;
    static final byte NULL = 3;

    private static final int MAX_NUMBER_CHARS = 100;
    private static final int MAX_KEPT_BUFFER = 8 << 20;

    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private String[] texts = new String[8];
    private byte[] kinds = new byte[8];
    private int count;
    private byte[] b;
    private int pos;
    private int end;
    private byte[] tmp = new byte[1 << 12];

    /** Parses {@code line[0, len)}; false when the record must go to the general parser. */
    boolean parse(byte[] line, int len) {
        b = line;
        pos = 0;
        end = len;
        count = 0;
        try {
            return object();
        } finally {
            b = null;
            if (tmp.length > MAX_KEPT_BUFFER) {
                tmp = new byte[1 << 12];
            }
        }
    }

    int count() {
        return count;
    }

    String name(int i) {
        return names[i];
    }

    byte kind(int i) {
        return kinds[i];
    }

    /** The value as Jackson's {@code readValue(p, Object.class)} gives it. */
    Object value(int i) {
        return values[i];
    }

    /** The value as Jackson's {@code getText()} gives it: the string, the number as written, "true", "false". */
    String text(int i) {
        return texts[i];
    }

    private boolean object() {
        skipWs();
        if (pos >= end || b[pos] != '{') {
            return false;
        }
        pos++;
        skipWs();
        if (pos < end && b[pos] == '}') {
            pos++;
        } else {
            while (true) {
                if (pos >= end || b[pos] != '"') {
                    return false;
                }
                pos++;
                String name = string();
                if (name == null) {
                    return false;
                }
                skipWs();
                if (pos >= end || b[pos] != ':') {
                    return false;
                }
                pos++;
                skipWs();
                if (pos >= end || !value(name)) {
                    return false;
                }
                skipWs();
                if (pos >= end) {
                    return false;
                }
                byte c = b[pos++];
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    return false;
                }
                skipWs();
            }
        }
        skipWs();
        return pos == end;
    }

    private boolean value(String name) {
        byte c = b[pos];
        switch (c) {
            case '"' -> {
                pos++;
                String s = string();
                if (s == null) {
                    return false;
                }
                add(name, STRING, s, s);
                return true;
            }
            case 't' -> {
                return literal("true") && add(name, BOOLEAN, Boolean.TRUE, "true");
            }
            case 'f' -> {
                return literal("false") && add(name, BOOLEAN, Boolean.FALSE, "false");
            }
            case 'n' -> {
                return literal("null") && add(name, NULL, null, null);
            }
            default -> {
                return (c == '-' || digit(c)) && number(name);
            }
        }
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return true;
    }

    /** JSON's number grammar exactly (no leading zeros, no bare dot); Long for integers, Double otherwise. */
    private boolean number(String name) {
        int start = pos;
        if (b[pos] == '-') {
            pos++;
        }
        int digitsStart = pos;
        if (pos >= end || !digit(b[pos])) {
            return false;
        }
        if (b[pos] == '0') {
            pos++;
        } else {
            while (pos < end && digit(b[pos])) {
                pos++;
            }
        }
        int intDigits = pos - digitsStart;
        boolean fractional = false;
        if (pos < end && b[pos] == '.') {
            pos++;
            fractional = true;
            if (!digits()) {
                return false;
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            fractional = true;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            if (!digits()) {
                return false;
            }
        }
        int n = pos - start;
        if (n > MAX_NUMBER_CHARS) {
            return false;
        }
        String raw = new String(b, start, n, StandardCharsets.ISO_8859_1);
        if (!fractional) {
            return intDigits <= 18 && add(name, NUMBER, Long.parseLong(raw), raw);
        }
        double d = Double.parseDouble(raw);
        return Double.isFinite(d) && add(name, NUMBER, d, raw);
    }

    private boolean digits() {
        int start = pos;
        while (pos < end && digit(b[pos])) {
            pos++;
        }
        return pos > start;
    }

    /** The string after an opening quote, up to and past its closing quote; null when not plain JSON. */
    private String string() {
        int start = pos;
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                pos++;
                return new String(b, start, pos - 1 - start, StandardCharsets.UTF_8);
            }
            if (c == '\\') {
                return escaped(start);
            }
            if (c >= 0 && c < 0x20) {
                return null; // Jackson rejects unescaped control characters
            }
            pos++;
        }
        return null;
    }

    /** A string with escapes, unescaped into UTF-8 bytes (never longer than the escaped form). */
    private String escaped(int start) {
        if (tmp.length < end - start) {
            tmp = new byte[end - start];
        }
        int t = pos - start;
        System.arraycopy(b, start, tmp, 0, t);
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                pos++;
                return new String(tmp, 0, t, StandardCharsets.UTF_8);
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    return null;
                }
                byte e = b[pos + 1];
                pos += 2;
                switch (e) {
                    case '"', '\\', '/' -> tmp[t++] = e;
                    case 'b' -> tmp[t++] = '\b';
                    case 'f' -> tmp[t++] = '\f';
                    case 'n' -> tmp[t++] = '\n';
                    case 'r' -> tmp[t++] = '\r';
                    case 't' -> tmp[t++] = '\t';
                    case 'u' -> {
                        int cp = hex4();
                        if (cp < 0 || Character.isLowSurrogate((char) cp)) {
                            return null;
                        }
                        if (Character.isHighSurrogate((char) cp)) {
                            if (end - pos < 6 || b[pos] != '\\' || b[pos + 1] != 'u') {
                                return null; // a lone surrogate: only a Java string can hold it
                            }
                            pos += 2;
                            int low = hex4();
                            if (low < 0 || !Character.isLowSurrogate((char) low)) {
                                return null;
                            }
                            cp = Character.toCodePoint((char) cp, (char) low);
                        }
                        t = putUtf8(cp, t);
                    }
                    default -> {
                        return null;
                    }
                }
                continue;
            }
            if (c >= 0 && c < 0x20) {
                return null;
            }
            tmp[t++] = c;
            pos++;
        }
        return null;
    }

    private int hex4() {
        if (end - pos < 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(b[pos + i], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        pos += 4;
        return v;
    }

    private int putUtf8(int cp, int t) {
        if (cp < 0x80) {
            tmp[t++] = (byte) cp;
        } else if (cp < 0x800) {
            tmp[t++] = (byte) (0xC0 | cp >> 6);
            tmp[t++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            tmp[t++] = (byte) (0xE0 | cp >> 12);
            tmp[t++] = (byte) (0x80 | cp >> 6 & 0x3F);
            tmp[t++] = (byte) (0x80 | cp & 0x3F);
        } else {
            tmp[t++] = (byte) (0xF0 | cp >> 18);
            tmp[t++] = (byte) (0x80 | cp >> 12 & 0x3F);
            tmp[t++] = (byte) (0x80 | cp >> 6 & 0x3F);
            tmp[t++] = (byte) (0x80 | cp & 0x3F);
        }
        return t;
    }

    private boolean add(String name, byte kind, Object value, String text) {
        if (count == names.length) {
            int n = count * 2;
            names = java.util.Arrays.copyOf(names, n);
            values = java.util.Arrays.copyOf(values, n);
            texts = java.util.Arrays.copyOf(texts, n);
            kinds = java.util.Arrays.copyOf(kinds, n);
        }
        names[count] = name;
        values[count] = value;
        texts[count] = text;
        kinds[count] = kind;
        count++;
        return true;
    }

    private void skipWs() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
