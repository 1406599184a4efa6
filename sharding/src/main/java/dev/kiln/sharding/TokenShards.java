package dev.kiln.sharding;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One split of token shards, memory-mapped and validated before use, read as one long sequence of ids.
 * Opens either layout kiln writes: nanoGPT ({@code <split>.bin} + optional {@code <split>.idx}) or
 * parameter-golf ({@code *_<split>_NNNNNN.bin} with headers). Thread-safe for reads.
 */
public final class TokenShards {

    /** Layout of a shard directory. */
    public enum Layout { BIN, GOLF }

    private final Layout layout;
    private final TokenDtype dtype;
    private final List<Path> files;
    private final MappedByteBuffer[] maps;
    private final long[] starts;
    private final long tokens;
    private final long[] docStarts;

    private TokenShards(Layout layout, TokenDtype dtype, List<Path> files, MappedByteBuffer[] maps, long[] starts,
                        long tokens, long[] docStarts) {
        this.layout = layout;
        this.dtype = dtype;
        this.files = List.copyOf(files);
        this.maps = maps;
        this.starts = starts;
        this.tokens = tokens;
        this.docStarts = docStarts;
    }

    /**
     * Opens split {@code split} ({@code train} or {@code val}) in {@code dir}. For the nanoGPT layout the
     * width comes from {@code data_meta.json}'s {@code dtype} when {@code dtype} is null.
     *
     * <p>Everything that can be checked is: the {@code .bin} size against the width, the {@code .idx}
     * document starts (in order, inside the {@code .bin}), every golf header against its file size and the
     * golf {@code manifest.json}; and when {@code data_meta.json} records the split, its tokens and
     * documents against the files. A shard cut short by any number of bytes is therefore refused.
     *
     * @throws ShardFormatException one line naming the file, the expected and the actual size
     */
    public static TokenShards open(Path dir, String split, TokenDtype dtype) throws IOException {
        DataMeta meta = DataMeta.readIfPresent(dir);
        DataMeta.SplitResult recorded = meta == null ? null : meta.splitResult(split);
        Path bin = dir.resolve(split + ".bin");
        if (Files.isRegularFile(bin)) {
            TokenDtype width = dtype != null ? dtype : DataMeta.readDtype(dir);
            long size = Files.size(bin);
            if (size % width.bytes() != 0) {
                throw new ShardFormatException(bin + ": " + size + " bytes is not a multiple of " + width.bytes()
                        + " (" + width.label() + "). HINT: the file is truncated or the dtype is wrong");
            }
            long n = size / width.bytes();
            checkTokens(bin, recorded, n, width.bytes(), 0);
            long[] docs = null;
            Path idx = dir.resolve(split + ".idx");
            if (Files.isRegularFile(idx)) {
                docs = readIdx(idx, n);
                checkDocuments(idx, recorded, docs.length);
            } else if (recorded != null && recorded.documents() != null && meta.command() != null) {
                throw new ShardFormatException(idx + ": missing; " + DataMeta.FILE + " records " + recorded.documents()
                        + " documents for " + bin.getFileName() + ". HINT: the output folder is incomplete; re-run kiln prepare");
            }
            return new TokenShards(Layout.BIN, width, List.of(bin), new MappedByteBuffer[] {mapAll(bin, 0, size)}, new long[] {0},
                    n, docs);
        }
        List<Path> shards;
        try (Stream<Path> s = Files.list(dir)) {
            shards = s.filter(p -> p.getFileName().toString().matches(".*_" + split + "_\\d{6}\\.bin")).sorted().toList();
        }
        if (shards.isEmpty()) {
            throw new ShardFormatException(dir + ": no " + split + " shards (neither " + split + ".bin nor *_" + split
                    + "_000000.bin). HINT: run kiln prepare with -o " + dir);
        }
        MappedByteBuffer[] maps = new MappedByteBuffer[shards.size()];
        long[] starts = new long[shards.size()];
        long total = 0;
        for (int i = 0; i < shards.size(); i++) {
            Path f = shards.get(i);
            if (!f.getFileName().toString().endsWith(String.format("_%06d.bin", i))) {
                throw new ShardFormatException(f + ": expected shard number " + i + ". HINT: a shard in the sequence is missing");
            }
            long n = GolfShards.validate(f);
            maps[i] = mapAll(f, GolfShards.HEADER_BYTES, 2 * n);
            starts[i] = total;
            total += n;
        }
        checkTokens(shards.size() == 1 ? shards.getFirst() : dir.resolve(GolfManifest.glob(split)), recorded, total, 2,
                (long) shards.size() * GolfShards.HEADER_BYTES);
        GolfManifest.validate(dir);
        return new TokenShards(Layout.GOLF, TokenDtype.UINT16, shards, maps, starts, total, null);
    }

    private static void checkTokens(Path file, DataMeta.SplitResult recorded, long actual, int width, long headers)
            throws ShardFormatException {
        if (recorded != null && recorded.tokens() != null && recorded.tokens() != actual) {
            throw new ShardFormatException(String.format(java.util.Locale.ROOT,
                    "%s: %d tokens (%d bytes) but %s records %d tokens (%d bytes). HINT: the file is truncated or comes from "
                            + "another run; re-run kiln prepare", file, actual, headers + actual * width, DataMeta.FILE,
                    recorded.tokens(), headers + recorded.tokens() * width));
        }
    }

    private static void checkDocuments(Path idx, DataMeta.SplitResult recorded, long actual) throws ShardFormatException {
        if (recorded != null && recorded.documents() != null && recorded.documents() != actual) {
            throw new ShardFormatException(String.format(java.util.Locale.ROOT,
                    "%s: %d document starts (%d bytes) but %s records %d documents (%d bytes). HINT: the index is truncated or "
                            + "comes from another run; re-run kiln prepare", idx, actual, actual * 8, DataMeta.FILE,
                    recorded.documents(), recorded.documents() * 8));
        }
    }

    private static MappedByteBuffer mapAll(Path f, long offset, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new ShardFormatException(f + ": " + length + " bytes is too large to map in one piece. HINT: use golf shards");
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
            m.order(ByteOrder.LITTLE_ENDIAN);
            return m;
        }
    }

    private static long[] readIdx(Path idx, long tokens) throws IOException {
        long size = Files.size(idx);
        if (size % 8 != 0) {
            throw new ShardFormatException(idx + ": " + size + " bytes is not a multiple of 8. HINT: truncated index; re-run kiln prepare");
        }
        long[] out = new long[(int) (size / 8)];
        MappedByteBuffer m = mapAll(idx, 0, size);
        long prev = -1;
        for (int i = 0; i < out.length; i++) {
            out[i] = m.getLong(i * 8);
            if (out[i] <= prev || out[i] > tokens || (i == 0 && out[i] != 0)) {
                throw new ShardFormatException(idx + ": document offset " + i + " (" + out[i] + ") is out of order or past the "
                        + tokens + " tokens of the .bin. HINT: .bin and .idx come from different runs");
            }
            prev = out[i];
        }
        return out;
    }

    public Layout layout() {
        return layout;
    }

    public TokenDtype dtype() {
        return dtype;
    }

    public List<Path> files() {
        return files;
    }

    /** Total tokens in the split. */
    public long tokens() {
        return tokens;
    }

    /** Document start offsets (nanoGPT layout with an .idx), or null. */
    public long[] documentStarts() {
        return docStarts == null ? null : docStarts.clone();
    }

    /** The id at global position {@code i}. */
    public int get(long i) {
        if (i < 0 || i >= tokens) {
            throw new IndexOutOfBoundsException("token " + i + " of " + tokens);
        }
        int s = shardOf(i);
        long local = i - starts[s];
        return dtype == TokenDtype.UINT16 ? maps[s].getShort((int) (local * 2)) & 0xFFFF : maps[s].getInt((int) (local * 4));
    }

    /** Copies ids {@code [from, from + dst.length)} into {@code dst} (windows may span shards). */
    public void read(long from, int[] dst) {
        if (from < 0 || from + dst.length > tokens) {
            throw new IndexOutOfBoundsException("window [" + from + ", " + (from + dst.length) + ") of " + tokens);
        }
        for (int k = 0; k < dst.length; k++) {
            dst[k] = get(from + k);
        }
    }

    private int shardOf(long i) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
