package dev.kiln.sharding;

import dev.kiln.core.io.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The nanoGPT / reference layout: {@code <split>.bin} holds the little-endian token ids back to back
 * with no header and EXACTLY {@code tokens × width} bytes (no padding, unlike the reference's
 * pre-allocated files), and {@code <split>.idx} holds one little-endian uint64 per document: the token
 * offset where it starts, so document-aware loaders can find boundaries without scanning.
 */
public final class BinShardWriter implements TokenSink {

    private final TokenDtype dtype;
    private final AtomicFile binFile;
    private final AtomicFile idxFile;
    private final OutputStream bin;
    private final OutputStream idx;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer off = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private long tokens;
    private long documents;
    private boolean committed;

    private BinShardWriter(Path dir, String split, TokenDtype dtype) throws IOException {
        this.dtype = dtype;
        Files.createDirectories(dir);
        this.binFile = AtomicFile.create(dir.resolve(split + ".bin"));
        this.idxFile = AtomicFile.create(dir.resolve(split + ".idx"));
        this.bin = new BufferedOutputStream(binFile.openStream(), 1 << 20);
        this.idx = new BufferedOutputStream(idxFile.openStream(), 1 << 16);
    }

    /** Writes {@code dir/<split>.bin} and {@code dir/<split>.idx}. */
    public static BinShardWriter open(Path dir, String split, TokenDtype dtype) throws IOException {
        return new BinShardWriter(dir, split, dtype);
    }

    @Override
    public void writeDocument(int[] ids, int from, int to) throws IOException {
        off.clear();
        off.putLong(tokens);
        idx.write(off.array(), 0, 8);
        long max = dtype.maxId();
        for (int i = from; i < to; i++) {
            int id = ids[i];
            if (id < 0 || (id & 0xFFFF_FFFFL) > max) {
                throw new IllegalArgumentException("token id " + id + " does not fit " + dtype.label());
            }
            if (buf.remaining() < 4) {
                flush();
            }
            if (dtype == TokenDtype.UINT16) {
                buf.putShort((short) id);
            } else {
                buf.putInt(id);
            }
        }
        tokens += to - from;
        documents++;
    }

    private void flush() throws IOException {
        bin.write(buf.array(), 0, buf.position());
        buf.clear();
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
        flush();
        bin.close();
        idx.close();
        long expected = tokens * dtype.bytes();
        long actual = Files.size(binFile.temp());
        if (actual != expected) {
            throw new IOException(binFile.target() + ": wrote " + actual + " bytes, expected " + expected);
        }
        binFile.commit();
        idxFile.commit();
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                bin.close();
                idx.close();
            } finally {
                binFile.abort();
                idxFile.abort();
            }
        }
    }
}
