package dev.kiln.sharding;

import dev.kiln.core.io.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The openai/parameter-golf (and llm.c) layout: files {@code fineweb_<split>_%06d.bin}, each a header
 * of 256 little-endian int32 (magic {@value GolfShards#MAGIC}, version {@value GolfShards#VERSION},
 * token count, zeros) followed by that many uint16 ids. Documents are packed back to back and may
 * straddle two shards, as in golf; the last shard of a split is partial. Each shard is renamed into
 * place when full (and the last one on {@link #commit()}).
 */
public final class GolfShardWriter implements TokenSink {

    private final Path dir;
    private final String prefix;
    private final String split;
    private final long tokensPerShard;
    private final List<Path> written = new ArrayList<>();
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private AtomicFile current;
    private OutputStream out;
    private long inShard;
    private long tokens;
    private long documents;
    private boolean committed;

    private GolfShardWriter(Path dir, String prefix, String split, long tokensPerShard) throws IOException {
        if (tokensPerShard <= 0 || tokensPerShard >= (1L << 31)) {
            throw new IllegalArgumentException("tokens per shard must be in [1, 2^31): " + tokensPerShard);
        }
        Files.createDirectories(dir);
        this.dir = dir;
        this.prefix = prefix;
        this.split = split;
        this.tokensPerShard = tokensPerShard;
    }

    /**
     * Writes {@code dir/<prefix>_<split>_000000.bin}, ... with at most {@code tokensPerShard} tokens each
     * (golf: 10^8, prefix {@code fineweb}).
     */
    public static GolfShardWriter open(Path dir, String prefix, String split, long tokensPerShard) throws IOException {
        return new GolfShardWriter(dir, prefix, split, tokensPerShard);
    }

    @Override
    public void writeDocument(int[] ids, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            int id = ids[i];
            if (id < 0 || id > 0xFFFF) {
                throw new IllegalArgumentException("token id " + id + " does not fit the golf format (uint16)");
            }
            if (out == null) {
                startShard();
            }
            if (buf.remaining() < 2) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putShort((short) id);
            inShard++;
            tokens++;
            if (inShard == tokensPerShard) {
                finishShard();
            }
        }
        documents++;
    }

    private void startShard() throws IOException {
        current = AtomicFile.create(dir.resolve(GolfShards.fileName(prefix, split, written.size())));
        out = new BufferedOutputStream(current.openStream(), 1 << 20);
        out.write(new byte[GolfShards.HEADER_BYTES]); // patched with the count when the shard is finished
        inShard = 0;
    }

    private void finishShard() throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
        out.close();
        out = null;
        try (var ch = java.nio.channels.FileChannel.open(current.temp(), java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(GolfShards.header(inShard), 0);
        }
        long size = Files.size(current.temp());
        if (size != GolfShards.HEADER_BYTES + 2 * inShard) {
            throw new IOException(current.target() + ": wrote " + size + " bytes, expected " + (GolfShards.HEADER_BYTES + 2 * inShard));
        }
        current.commit();
        written.add(current.target());
        current = null;
    }

    /** The shard files completed so far, in order. */
    public List<Path> files() {
        return List.copyOf(written);
    }

    @Override
    public long tokens() {
        return tokens;
    }

    @Override
    public long documents() {
        return documents;
    }

    @Override
    public void commit() throws IOException {
        if (out != null) {
            finishShard();
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed && current != null) {
            try {
                out.close();
            } finally {
                current.abort();
            }
        }
    }
}
