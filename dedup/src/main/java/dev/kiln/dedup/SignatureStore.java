package dev.kiln.dedup;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The signatures of a corpus by document ordinal, for verifying candidate pairs. They stay on the heap
 * while they fit a budget; past it, everything is written to one flat file (big-endian longs,
 * {@code numPerm} per document) that is memory-mapped for reading, so the heap holds none of it and the
 * operating system pages in what verification touches. Both modes give the same values. An exact duplicate
 * stores no signature of its own: {@link #addSameAs} points its ordinal at its first occurrence's.
 */
final class SignatureStore implements Closeable {

    private static final int CHUNK_DOCS = 4096;

    private final Path file;
    private final int numPerm;
    private final long heapBudget;
    private final List<long[]> chunks = new ArrayList<>();
    private DataOutputStream out;
    private int count;
    private int ordinals;
    private int[] slotOf = new int[1024];
    private Arena arena;
    private MemorySegment mapped;

    SignatureStore(Path dir, int numPerm, long heapBudget) {
        this.file = dir.resolve("signatures.bin");
        this.numPerm = numPerm;
        this.heapBudget = heapBudget;
    }

    /** The next ordinal's signature. */
    void add(long[] sig) throws IOException {
        ordinal(count);
        if (out == null && (long) (count + 1) * numPerm * 8 > heapBudget) {
            spillToFile();
        }
        if (out != null) {
            for (long v : sig) {
                out.writeLong(v);
            }
        } else {
            int c = count / CHUNK_DOCS;
            if (c == chunks.size()) {
                chunks.add(new long[CHUNK_DOCS * numPerm]);
            }
            System.arraycopy(sig, 0, chunks.get(c), (count % CHUNK_DOCS) * numPerm, numPerm);
        }
        count++;
    }

    /** The next ordinal has the signature of ordinal {@code first} (its exact duplicate's first occurrence). */
    void addSameAs(int first) {
        ordinal(slotOf[first]);
    }

    private void ordinal(int slot) {
        if (ordinals == slotOf.length) {
            slotOf = java.util.Arrays.copyOf(slotOf, ordinals * 2);
        }
        slotOf[ordinals++] = slot;
    }

    private void spillToFile() throws IOException {
        OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20));
        for (int i = 0; i < count; i++) {
            long[] ch = chunks.get(i / CHUNK_DOCS);
            int off = (i % CHUNK_DOCS) * numPerm;
            for (int k = 0; k < numPerm; k++) {
                out.writeLong(ch[off + k]);
            }
        }
        chunks.clear();
    }

    /** Ends writing; after this only reads. */
    void finish() throws IOException {
        if (out != null) {
            out.close();
            long expect = (long) count * numPerm * 8;
            if (Files.size(file) != expect) {
                throw new IOException(file + ": " + Files.size(file) + " bytes, expected " + expect);
            }
            arena = Arena.ofShared();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, expect, arena);
            }
        }
    }

    /** True when the signatures went to the file. */
    boolean spilled() {
        return out != null;
    }

    /** Documents (ordinals) stored, exact duplicates included. */
    int count() {
        return ordinals;
    }

    /** Number of permutations on which documents (ordinals) a and b agree. */
    int agreements(int a, int b) {
        a = slotOf[a];
        b = slotOf[b];
        if (mapped == null) {
            return Signature.agreements(chunks.get(a / CHUNK_DOCS), (a % CHUNK_DOCS) * numPerm,
                    chunks.get(b / CHUNK_DOCS), (b % CHUNK_DOCS) * numPerm, numPerm);
        }
        long oa = (long) a * numPerm * 8;
        long ob = (long) b * numPerm * 8;
        int eq = 0;
        for (int k = 0; k < numPerm; k++) {
            if (mapped.get(BIG_ENDIAN_LONG, oa + 8L * k) == mapped.get(BIG_ENDIAN_LONG, ob + 8L * k)) {
                eq++;
            }
        }
        return eq;
    }

    private static final ValueLayout.OfLong BIG_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    @Override
    public void close() throws IOException {
        chunks.clear();
        if (out != null) {
            out.close();
        }
        if (arena != null) {
            arena.close();
            arena = null;
            mapped = null;
        }
        Files.deleteIfExists(file);
    }
}
