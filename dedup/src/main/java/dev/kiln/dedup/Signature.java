package dev.kiln.dedup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable MinHash signature: one 64-bit minimum per permutation. {@link #estimateJaccard} is the
 * share of permutations on which two signatures agree, an unbiased estimate of the Jaccard similarity of
 * the two shingle sets with standard error {@code sqrt(J(1-J)/numPerm)} (0.032 at J = 0.85, 128 permutations).
 *
 * <p>Serialised form ({@link #toBytes()}): byte 0 format version ({@value #FORMAT_VERSION}), byte 1 flags
 * (bit 0 = empty), bytes 2..3 zero, bytes 4..7 the number of values (int), then the values, all
 * little-endian.
 */
public final class Signature {

    /** Version byte of the serialised form. */
    public static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 8;

    private final long[] values;
    private final boolean empty;

    private Signature(long[] values, boolean empty) {
        this.values = values;
        this.empty = empty;
    }

    static Signature wrap(long[] values, boolean empty) {
        return new Signature(values, empty);
    }

    /** A signature holding a copy of {@code values} (not empty). */
    public static Signature of(long[] values) {
        return new Signature(values.clone(), false);
    }

    /** Number of permutations. */
    public int numPerm() {
        return values.length;
    }

    /** The minimum of permutation {@code k}. */
    public long value(int k) {
        return values[k];
    }

    /** A copy of the values. */
    public long[] values() {
        return values.clone();
    }

    /** True for the signature of a text without words: it never matches anything. */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * The estimated Jaccard similarity with {@code other}: agreeing permutations / permutations; 0 if
     * either is empty.
     *
     * @throws IllegalArgumentException if the signatures have different lengths
     */
    public double estimateJaccard(Signature other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("signatures of different lengths: " + values.length + " and " + other.values.length);
        }
        if (empty || other.empty) {
            return 0;
        }
        return agreements(values, 0, other.values, 0, values.length) / (double) values.length;
    }

    /** Positions at which two signatures' values agree (the numerator of the Jaccard estimate). */
    public static int agreements(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures of different lengths: " + a.length + " and " + b.length);
        }
        return agreements(a, 0, b, 0, a.length);
    }

    static int agreements(long[] a, int aOff, long[] b, int bOff, int n) {
        int eq = 0;
        for (int k = 0; k < n; k++) {
            if (a[aOff + k] == b[bOff + k]) {
                eq++;
            }
        }
        return eq;
    }

    /** The serialised form (see the class comment). */
    public byte[] toBytes() {
        ByteBuffer bb = ByteBuffer.allocate(HEADER_BYTES + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) FORMAT_VERSION).put((byte) (empty ? 1 : 0)).putShort((short) 0).putInt(values.length);
        for (long v : values) {
            bb.putLong(v);
        }
        return bb.array();
    }

    /**
     * Reads {@link #toBytes()} output.
     *
     * @throws IllegalArgumentException on a wrong version, flags or length
     */
    public static Signature fromBytes(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("signature bytes too short: " + bytes.length + " < " + HEADER_BYTES);
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = bb.get();
        int flags = bb.get();
        bb.getShort();
        int n = bb.getInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("signature format version " + version + ", expected " + FORMAT_VERSION
                    + ". HINT: signatures were written by another kiln version; recompute them");
        }
        if ((flags & ~1) != 0 || n < 1 || bytes.length != HEADER_BYTES + 8L * n) {
            throw new IllegalArgumentException("corrupt signature: flags " + flags + ", " + n + " values, " + bytes.length + " bytes");
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = bb.getLong();
        }
        return new Signature(v, (flags & 1) != 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && s.empty == empty && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + (empty ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Signature[" + values.length + (empty ? ", empty]" : "]");
    }
}
