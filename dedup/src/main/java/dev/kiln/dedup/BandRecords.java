package dev.kiln.dedup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import dev.kiln.core.io.AtomicFile;

/**
 * The LSH band records {@code (bucket key, document ordinal)} of a corpus, sorted by key (unsigned) then
 * ordinal, under a memory budget: records collect in a buffer; when it is full it is radix-sorted and
 * written as a run file; {@link #sorted()} merges the runs (and the last buffer) in one streaming pass,
 * at most {@link #fanIn} files at a time. Records must be added in non-decreasing ordinal order, which is
 * what makes a stable key sort give (key, ordinal) order within and across runs.
 *
 * <p>Run file format (big-endian): magic {@code KLNB}, int version {@value #VERSION}, long config id, long
 * record count, then count x (long key, int ordinal). Runs are written under a temporary name and renamed
 * when complete; the reader checks magic, version, config id and exact size.
 */
final class BandRecords implements Closeable {

    static final int MAGIC = 0x4b4c4e42;
    static final int VERSION = 1;
    static final int HEADER_BYTES = 24;
    static final int RECORD_BYTES = 12;
    /** Heap bytes per buffered record: key + ordinal, and the same again as radix-sort scratch. */
    static final int BUFFER_BYTES_PER_RECORD = 2 * RECORD_BYTES;

    private final Path dir;
    private final long configId;
    private final int capacity;
    private final int fanIn;
    private long[] keys;
    private int[] docs;
    private int size;
    private final List<Path> runs = new ArrayList<>();
    private long total;
    private int runsWritten;

    /**
     * @param dir directory for run files (created if missing)
     * @param configId identifies the dedup config; runs of another config are refused
     * @param bufferBytes heap for the record buffer (at least room for 1,024 records is used)
     * @param fanIn most run files open at once while merging, at least 2
     */
    BandRecords(Path dir, long configId, long bufferBytes, int fanIn) {
        this.dir = dir;
        this.configId = configId;
        this.capacity = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 16, bufferBytes / BUFFER_BYTES_PER_RECORD));
        this.fanIn = Math.max(2, fanIn);
        this.keys = new long[Math.min(capacity, 1 << 16)];
        this.docs = new int[keys.length];
    }

    void add(long key, int doc) throws IOException {
        if (size == keys.length) {
            if (size == capacity) {
                spill();
            } else {
                int n = (int) Math.min(capacity, (long) keys.length * 2);
                keys = java.util.Arrays.copyOf(keys, n);
                docs = java.util.Arrays.copyOf(docs, n);
            }
        }
        keys[size] = key;
        docs[size] = doc;
        size++;
        total++;
    }

    long total() {
        return total;
    }

    /** Number of run files written (0 when everything fitted in memory), merge passes included. */
    int runsWritten() {
        return runsWritten;
    }

    int capacity() {
        return capacity;
    }

    private void spill() throws IOException {
        sortBuffer();
        runs.add(writeRun(new ArrayCursor(keys, docs, size), size));
        size = 0;
    }

    private Path writeRun(Cursor c, long count) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(String.format("bands-%05d.run", runsWritten++));
        AtomicFile f = AtomicFile.create(target);
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(f.openStream(), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(configId);
                out.writeLong(count);
                long n = 0;
                while (c.next()) {
                    out.writeLong(c.key());
                    out.writeInt(c.doc());
                    n++;
                }
                if (n != count) {
                    throw new IllegalStateException("run count mismatch: " + n + " != " + count);
                }
            }
            f.commit();
        } finally {
            f.abort();
        }
        return target;
    }

    /** All records in (key unsigned, ordinal) order. Call once, after the last {@link #add}. */
    Cursor sorted() throws IOException {
        sortBuffer();
        while (runs.size() + 1 > fanIn) {
            // merge the oldest runs first: they hold the lowest ordinals, so run order stays ordinal order
            List<Path> group = new ArrayList<>(runs.subList(0, fanIn));
            long count = 0;
            List<Cursor> cs = new ArrayList<>();
            for (Path p : group) {
                RunCursor rc = RunCursor.open(p, configId);
                count += rc.count;
                cs.add(rc);
            }
            Path merged;
            try (MergeCursor m = new MergeCursor(cs)) {
                merged = writeRun(m, count);
            }
            for (Path p : group) {
                Files.deleteIfExists(p);
            }
            runs.subList(0, fanIn).clear();
            runs.addFirst(merged);
        }
        List<Cursor> cs = new ArrayList<>();
        for (Path p : runs) {
            cs.add(RunCursor.open(p, configId));
        }
        cs.add(new ArrayCursor(keys, docs, size));
        return cs.size() == 1 ? cs.getFirst() : new MergeCursor(cs);
    }

    /** Stable LSD radix sort of the buffer by unsigned key, 8 passes of 8 bits. */
    private void sortBuffer() {
        int n = size;
        long[] k2 = new long[n];
        int[] d2 = new int[n];
        long[] ka = keys;
        int[] da = docs;
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((ka[i] >>> shift) & 0xff) + 1]++;
            }
            if (count[1] == n || allInOneBucket(count, n)) {
                continue;
            }
            for (int b = 0; b < 256; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int pos = count[(int) ((ka[i] >>> shift) & 0xff)]++;
                k2[pos] = ka[i];
                d2[pos] = da[i];
            }
            long[] tk = ka;
            ka = k2;
            k2 = tk;
            int[] td = da;
            da = d2;
            d2 = td;
        }
        keys = ka;
        docs = da;
    }

    private static boolean allInOneBucket(int[] count, int n) {
        for (int b = 1; b <= 256; b++) {
            if (count[b] == n) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        for (Path p : runs) {
            Files.deleteIfExists(p);
        }
        runs.clear();
        keys = new long[0];
        docs = new int[0];
    }

    /** A forward cursor over records. */
    interface Cursor extends Closeable {
        boolean next() throws IOException;

        long key();

        int doc();

        @Override
        default void close() throws IOException {
        }
    }

    private static final class ArrayCursor implements Cursor {
        private final long[] keys;
        private final int[] docs;
        private final int n;
        private int i = -1;

        ArrayCursor(long[] keys, int[] docs, int n) {
            this.keys = keys;
            this.docs = docs;
            this.n = n;
        }

        @Override
        public boolean next() {
            return ++i < n;
        }

        @Override
        public long key() {
            return keys[i];
        }

        @Override
        public int doc() {
            return docs[i];
        }
    }

    private static final class RunCursor implements Cursor {
        private final Path path;
        private final DataInputStream in;
        private final long count;
        private long read;
        private long key;
        private int doc;

        private RunCursor(Path path, DataInputStream in, long count) {
            this.path = path;
            this.in = in;
            this.count = count;
        }

        static RunCursor open(Path path, long configId) throws IOException {
            long size = Files.size(path);
            InputStream raw = Files.newInputStream(path);
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            try {
                int magic = in.readInt();
                int version = in.readInt();
                long id = in.readLong();
                long count = in.readLong();
                if (magic != MAGIC || version != VERSION) {
                    throw new IOException(path + ": not a kiln band run (magic " + Integer.toHexString(magic) + ", version "
                            + version + "). HINT: delete the dedup temporary directory and run again");
                }
                if (id != configId) {
                    throw new IOException(path + ": band run of another dedup config. HINT: delete the dedup temporary directory");
                }
                if (size != HEADER_BYTES + count * RECORD_BYTES) {
                    throw new IOException(path + ": band run has " + size + " bytes, expected "
                            + (HEADER_BYTES + count * RECORD_BYTES) + " for " + count + " records (truncated?)");
                }
                return new RunCursor(path, in, count);
            } catch (EOFException e) {
                in.close();
                throw new IOException(path + ": band run truncated in its header", e);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        @Override
        public boolean next() throws IOException {
            if (read == count) {
                return false;
            }
            key = in.readLong();
            doc = in.readInt();
            read++;
            return true;
        }

        @Override
        public long key() {
            return key;
        }

        @Override
        public int doc() {
            return doc;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** k-way merge; ties on key go to the earlier cursor (lower ordinals). */
    private static final class MergeCursor implements Cursor {
        private final List<Cursor> cursors;
        private final PriorityQueue<Integer> heap;
        private long key;
        private int doc;

        MergeCursor(List<Cursor> cursors) throws IOException {
            this.cursors = cursors;
            this.heap = new PriorityQueue<>(Math.max(1, cursors.size()), (a, b) -> {
                int c = Long.compareUnsigned(cursors.get(a).key(), cursors.get(b).key());
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int i = 0; i < cursors.size(); i++) {
                if (cursors.get(i).next()) {
                    heap.add(i);
                }
            }
        }

        @Override
        public boolean next() throws IOException {
            Integer top = heap.poll();
            if (top == null) {
                return false;
            }
            Cursor c = cursors.get(top);
            key = c.key();
            doc = c.doc();
            if (c.next()) {
                heap.add(top);
            }
            return true;
        }

        @Override
        public long key() {
            return key;
        }

        @Override
        public int doc() {
            return doc;
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (Cursor c : cursors) {
                try {
                    c.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
