package dev.kiln.prepare;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A seeded global shuffle of tokenized documents with bounded memory. Each document gets a 64-bit key
 * (a stable hash of its id and the seed) and is appended to one of {@code buckets} files per split by
 * the key's top bits; reading sorts one bucket at a time by key. Walking all buckets therefore yields
 * every document in key order: a uniformly shuffled order that is the same for every run, thread
 * count or machine. Memory is one bucket (about {@code total / buckets} tokens).
 */
public final class ShuffleSpill implements Closeable {

    /** One spilled document. */
    public record Entry(long key, long pick, long seq, int source, int[] ids) {
    }

    /** The shuffled order: key as an unsigned number (buckets are its top bits), then sequence. */
    public static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.key(), b.key());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    };

    private final Path dir;
    private final List<Path> readDirs;
    private final int bucketBits;
    private final DataOutputStream[][] outs;
    private boolean finished;
    private boolean keep;

    private ShuffleSpill(Path dir, int bucketBits) throws IOException {
        if (bucketBits < 0 || bucketBits > 12) {
            throw new IllegalArgumentException("bucket bits must be in [0, 12]: " + bucketBits);
        }
        Files.createDirectories(dir);
        this.dir = dir;
        this.readDirs = List.of(dir);
        this.bucketBits = bucketBits;
        this.outs = new DataOutputStream[Split.Part.values().length][1 << bucketBits];
    }

    private ShuffleSpill(List<Path> dirs, int bucketBits) {
        this.dir = dirs.getFirst();
        this.readDirs = List.copyOf(dirs);
        this.bucketBits = bucketBits;
        this.outs = new DataOutputStream[0][0];
        this.finished = true;
        this.keep = true;
    }

    /** Re-opens a spill that was {@link #finish() finished} and {@link #keep() kept} (a resumed run). */
    public static ShuffleSpill open(Path dir, int bucketBits) throws IOException {
        ShuffleSpill s = new ShuffleSpill(dir, bucketBits);
        s.finished = true;
        return s;
    }

    /**
     * Reads several finished spills (one per source, written with the same bucket bits) as one: bucket b of
     * every spill is sorted together, so the order is the same as if all documents had been spilled into
     * one. Closing it deletes nothing.
     */
    public static ShuffleSpill openAll(List<Path> dirs, int bucketBits) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no spill folders");
        }
        return new ShuffleSpill(dirs, bucketBits);
    }

    /** A spill in {@code dir} with {@code 2^bucketBits} buckets per split. */
    public static ShuffleSpill create(Path dir, int bucketBits) throws IOException {
        return new ShuffleSpill(dir, bucketBits);
    }

    /** Bucket bits that keep about {@code tokensPerBucket} tokens per bucket for {@code expectedTokens}. */
    public static int bucketBitsFor(long expectedTokens, long tokensPerBucket) {
        int bits = 0;
        while (bits < 12 && (expectedTokens >> bits) > tokensPerBucket) {
            bits++;
        }
        return bits;
    }

    private int bucket(long key) {
        return bucketBits == 0 ? 0 : (int) (key >>> (64 - bucketBits));
    }

    private Path file(Split.Part part, int b) {
        return file(dir, part, b);
    }

    /** The file of bucket {@code b} of {@code part} in the spill folder {@code dir} (it may not exist: an empty bucket). */
    public static Path file(Path dir, Split.Part part, int b) {
        return dir.resolve(String.format(Locale.ROOT, "%s-%04d.spill", part.label(), b));
    }

    /** The number of buckets per split of a spill written with {@code bucketBits}. */
    public static int buckets(int bucketBits) {
        return 1 << bucketBits;
    }

    /**
     * Appends one document (called from one thread).
     *
     * @param key the shuffle key (output order)
     * @param pick an independent hash used to choose which documents of a source are taken
     * @param seq input sequence number; breaks ties deterministically
     */
    public void add(Split.Part part, long key, long pick, long seq, int source, int[] ids) throws IOException {
        int b = bucket(key);
        DataOutputStream o = outs[part.ordinal()][b];
        if (o == null) {
            o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(part, b)), 1 << 16));
            outs[part.ordinal()][b] = o;
        }
        o.writeLong(key);
        o.writeLong(pick);
        o.writeLong(seq);
        o.writeShort(source);
        o.writeInt(ids.length);
        for (int id : ids) {
            o.writeInt(id);
        }
    }

    /** Closes all bucket files; call before reading. */
    public void finish() throws IOException {
        for (DataOutputStream[] perPart : outs) {
            for (DataOutputStream o : perPart) {
                if (o != null) {
                    o.close();
                }
            }
        }
        finished = true;
    }

    /**
     * Visits the documents of {@code part} in key order until {@code visitor} returns false.
     *
     * @return false if the visit was stopped early
     */
    public boolean forEach(Split.Part part, java.util.function.Predicate<Entry> visitor) throws IOException {
        if (!finished) {
            throw new IllegalStateException("finish() the spill before reading it");
        }
        for (int b = 0; b < (1 << bucketBits); b++) {
            List<Path> files = new ArrayList<>();
            for (Path d : readDirs) {
                Path f = file(d, part, b);
                if (Files.exists(f)) {
                    files.add(f);
                }
            }
            for (Entry e : bucket(files)) {
                if (!visitor.test(e)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The documents of one bucket, spread over {@code files} (bucket b of several spills), in key order:
     * walking the buckets of a split one after the other in bucket order gives the whole split in key order.
     */
    public static List<Entry> bucket(List<Path> files) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path f : files) {
            readBucket(f, entries);
        }
        entries.sort(ORDER);
        return entries;
    }

    /** What choosing documents needs of a spilled one, without its token ids. */
    public interface HeaderVisitor {
        void visit(long pick, long seq, int source, int tokens);
    }

    /** Visits every document of a bucket file in file order, skipping the token ids (no sort, no arrays). */
    public static void scanHeaders(Path f, HeaderVisitor v) throws IOException {
        scanHeaders(Files.newInputStream(f), v);
    }

    /** As {@link #scanHeaders(Path, HeaderVisitor)} on a bucket file's stream (closed here), e.g. one read remotely. */
    public static void scanHeaders(java.io.InputStream stream, HeaderVisitor v) throws IOException {
        records(stream, (key, pick, seq, source, n, in) -> {
            in.skipNBytes(4L * n);
            v.visit(pick, seq, source, n);
        });
    }

    /**
     * Visits every document of {@code part} in file order, without its token ids: what choosing documents
     * needs, at the cost of reading the headers (no sort, no arrays).
     */
    public void forEachHeader(Split.Part part, HeaderVisitor v) throws IOException {
        if (!finished) {
            throw new IllegalStateException("finish() the spill before reading it");
        }
        for (int b = 0; b < (1 << bucketBits); b++) {
            for (Path d : readDirs) {
                Path f = file(d, part, b);
                if (Files.exists(f)) {
                    scanHeaders(f, v);
                }
            }
        }
    }

    private static void readBucket(Path f, List<Entry> entries) throws IOException {
        records(Files.newInputStream(f), (key, pick, seq, source, n, in) -> {
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readInt();
            }
            entries.add(new Entry(key, pick, seq, source, ids));
        });
    }

    /** One record's header; the visitor reads (or skips) its {@code n} ids from {@code in}. */
    private interface RecordVisitor {
        void visit(long key, long pick, long seq, int source, int n, DataInputStream in) throws IOException;
    }

    /** The record loop of a bucket file's stream (closed here): the layout {@link #add} writes. */
    private static void records(java.io.InputStream stream, RecordVisitor v) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            while (true) {
                long key;
                try {
                    key = in.readLong();
                } catch (EOFException e) {
                    return;
                }
                long pick = in.readLong();
                long seq = in.readLong();
                int source = in.readShort();
                int n = in.readInt();
                v.visit(key, pick, seq, source, n, in);
            }
        }
    }

    /** Convenience: visits every document of {@code part}. */
    public void forEachAll(Split.Part part, Consumer<Entry> visitor) throws IOException {
        forEach(part, e -> {
            visitor.accept(e);
            return true;
        });
    }

    /** Keeps the bucket files when this spill is closed (so a later run can {@link #open} them). */
    public void keep() {
        keep = true;
    }

    /** Deletes the bucket files unless {@link #keep()} was called. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finish();
        }
        if (keep) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".spill")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
