package dev.kiln.filters.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The word {@value #WORDS}-grams of the licence texts kiln ships ({@code licences/} beside this class: the
 * GNU, Apache, Mozilla, BSD, MIT, ISC, Creative Commons and other texts, listed in {@link #TEXTS}), as
 * 64-bit hashes in an open-addressing table, and the share of a text's word {@value #WORDS}-grams found
 * there. A word is a maximal run of ASCII letters and digits, lower-cased; anything else separates words,
 * so line breaks, quotes and punctuation do not matter, and a licence re-wrapped or quoted in a web page
 * measures as the original.
 */
final class LicenceShingles {

    /** Words per shingle: long enough that ordinary prose shares almost none with a licence. */
    static final int WORDS = 6;

    /** The bundled texts, {@code licences/NAME.txt}. */
    static final List<String> TEXTS = List.of("Apache-2.0", "Artistic", "BSD", "BSD-2-Clause", "CC-BY-SA-4.0", "CC0-1.0",
            "Contributor-Covenant-1.4", "Contributor-Covenant-2.0", "Contributor-Covenant-2.1", "GCC-exception-3.1",
            "GFDL-1.2", "GFDL-1.3", "GPL-1", "GPL-2", "GPL-3", "ISC", "LGPL-2", "LGPL-2.1", "LGPL-3", "LLVM-exception", "MIT",
            "MPL-1.1", "MPL-2.0", "NCSA", "OFL-1.1", "Unicode-3.0");

    private static final long EMPTY = 0L;

    private final long[] table;
    private final int mask;
    /** A bit for each of 2^18 hash buckets, set where a shingle falls: most of a page's windows miss here, in 32 KiB. */
    private final long[] bits = new long[1 << 12];
    private final int size;

    private LicenceShingles(long[] hashes, int count) {
        int n = Integer.highestOneBit(Math.max(16, count * 2)) << 1;
        table = new long[n];
        mask = n - 1;
        int added = 0;
        for (int i = 0; i < count; i++) {
            if (add(hashes[i])) {
                added++;
            }
        }
        size = added;
    }

    /** The bundled texts' shingles, built on first use. */
    static LicenceShingles bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final LicenceShingles INSTANCE = load();
    }

    private static LicenceShingles load() {
        long[] all = new long[1 << 16];
        int count = 0;
        for (String name : TEXTS) {
            String resource = "licences/" + name + ".txt";
            try (InputStream in = LicenceShingles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("kiln's licence text " + resource + " is missing from the class path");
                }
                long[] h = hashes(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (count + h.length > all.length) {
                    all = Arrays.copyOf(all, Math.max(all.length * 2, count + h.length));
                }
                System.arraycopy(h, 0, all, count, h.length);
                count += h.length;
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return new LicenceShingles(all, count);
    }

    /** Distinct shingles in the table. */
    int size() {
        return size;
    }

    /**
     * Every bundled text has one of these; a text with none of them is not read (about three quarters of
     * web pages, whose cost would otherwise be a hash lookup per word).
     */
    static final List<String> ANCHORS = List.of("icen", "opyright", "ICEN", "OPYRIGHT", "of Conduct", "OF CONDUCT");

    /**
     * Matched shingles / shingles of {@code text}; 0 for a text of fewer than {@value #WORDS} words or with
     * none of the {@link #ANCHORS} ("licence", "license", "copyright", lower or upper case, or a covenant's "Code of
     * Conduct").
     */
    double share(String text) {
        if (!anchored(text)) {
            return 0.0;
        }
        Windows w = new Windows(text);
        int windows = 0;
        int matched = 0;
        while (w.next()) {
            windows++;
            matched += contains(w.hash) ? 1 : 0;
        }
        return windows == 0 ? 0.0 : (double) matched / windows;
    }

    private static boolean anchored(String text) {
        for (String a : ANCHORS) {
            if (text.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The hash of every shingle of {@code text}, in order. */
    static long[] hashes(String text) {
        long[] out = new long[text.length() / 2 + 1];   // a word and its separator take two characters at least
        int n = 0;
        for (Windows w = new Windows(text); w.next(); ) {
            out[n++] = w.hash;
        }
        return Arrays.copyOf(out, n);
    }

    /** A cursor over a text's windows of {@value #WORDS} words: {@link #next} moves to the next one and sets its {@link #hash}. */
    private static final class Windows {
        private final String text;
        private final long[] ring = new long[WORDS];   // the last WORDS word hashes
        private int i;
        private int words;
        long hash;

        Windows(String text) {
            this.text = text;
        }

        boolean next() {
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (!wordChar(c)) {
                    i++;
                    continue;
                }
                long h = 0;
                do {
                    h = Long.rotateLeft(h, 7) ^ (c | 0x20);
                    i++;
                } while (i < n && wordChar(c = text.charAt(i)));
                ring[words % WORDS] = mix(h);
                words++;
                if (words >= WORDS) {
                    long s = 0;
                    for (int k = words - WORDS; k < words; k++) {
                        s = (s ^ ring[k % WORDS]) * 0x9E3779B97F4A7C15L;
                    }
                    hash = mix(s);
                    return true;
                }
            }
            return false;
        }
    }

    /** ASCII letters and digits; upper and lower case hash alike ({@code c | 0x20}: digits are unchanged). */
    private static boolean wordChar(char c) {
        return c < 128 && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z ^= z >>> 33;
        return z == EMPTY ? 1 : z;
    }

    private boolean add(long h) {
        int slot = (int) h & mask;
        while (table[slot] != EMPTY) {
            if (table[slot] == h) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = h;
        int b = (int) (h >>> 46);
        bits[b >>> 6] |= 1L << b;
        return true;
    }

    private boolean contains(long h) {
        int b = (int) (h >>> 46);
        if ((bits[b >>> 6] & (1L << b)) == 0) {
            return false;
        }
        int slot = (int) h & mask;
        for (long v; (v = table[slot]) != EMPTY; slot = (slot + 1) & mask) {
            if (v == h) {
                return true;
            }
        }
        return false;
    }
}
